package org.centraerp.connector.centra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Centra client and its parts as Spring beans, configured from {@code connector.centra}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CentraProperties.class)
public class CentraClientConfiguration {

    @Bean
    public CentraEndpoint centraEndpoint(CentraProperties properties) {
        return new CentraEndpoint(properties.url(), properties.connectTimeout(),
                CentraToken.of(properties.token(), properties.tokenFile()));
    }

    /** Whether Centra accepts the token; told of every token change, so paused flows try again at once. */
    @Bean
    public CentraAccess centraAccess(CentraEndpoint endpoint) {
        var access = new CentraAccess(endpoint.token().fromFile());
        endpoint.token().onChange(access::tokenChanged);
        return access;
    }

    /** Reads CENTRA_TOKEN_FILE every few seconds even while no call is made (every flow paused on a refusal). */
    @Bean(destroyMethod = "close")
    public TokenFileWatcher centraTokenFileWatcher(CentraEndpoint endpoint) {
        return new TokenFileWatcher(endpoint.token());
    }

    @Bean
    public CentraRateLimiter centraRateLimiter(CentraProperties properties) {
        return CentraRateLimiter.of(properties.rateLimit(), CentraClock.SYSTEM);
    }

    @Bean
    public CentraMetrics centraMetrics(ObjectProvider<MeterRegistry> registry) {
        return new CentraMetrics(registry.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    public CentraClient centraClient(CentraProperties properties, CentraEndpoint endpoint, CentraRateLimiter limiter,
                                     CentraMetrics metrics, ObjectProvider<ObjectMapper> objectMapper,
                                     CentraAccess access) {
        return new CentraClient(properties, endpoint, limiter, metrics,
                objectMapper.getIfAvailable(CentraClient::defaultJson), CentraClock.SYSTEM,
                RandomGenerator.getDefault(), access);
    }

    /** Re-reads a token file on a timer; does nothing for a fixed token. */
    public static final class TokenFileWatcher implements AutoCloseable {
        private static final long EVERY_MS = 2000;
        private final ScheduledExecutorService timer;

        TokenFileWatcher(CentraToken token) {
            if (!token.fromFile()) {
                timer = null;
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "centra-token-file");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(token::refresh, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
    }
}
