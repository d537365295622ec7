package org.centraerp.connector.ops.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Login for the console, {@code /api/} and every actuator endpoint but health. Pages redirect to the login form;
 * {@code /api/} and actuator answer 401 and also take HTTP Basic (for Prometheus and scripts). Viewers read,
 * operators also act (replay, discard, heal, start/stop); every action needs the CSRF token. Paths outside this
 * chain (the webhook, whose HMAC is its guard, and the sandbox) are not touched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleSecurity {

    static final String LOGIN = "/console/login";

    /** The filter chain, where there is a web server (commands such as check against a real Centra run without). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Chain {

        @Bean
        SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/console/**", "/console", "/api/**", "/actuator/**")
                    .authorizeHttpRequests(auth -> auth
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers(LOGIN, "/console/assets/**").permitAll()
                            .requestMatchers(HttpMethod.GET, "/console/**", "/console", "/api/**", "/actuator/**")
                            .hasRole(ConsoleUsers.VIEWER)
                            .anyRequest().hasRole(ConsoleUsers.OPERATOR))
                    .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/console/flows", false))
                    .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout"))
                    .httpBasic(Customizer.withDefaults())
                    .exceptionHandling(errors -> errors
                            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                    new AntPathRequestMatcher("/api/**"))
                            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                    new AntPathRequestMatcher("/actuator/**"))
                            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                    new AntPathRequestMatcher("/console/**")));
            return http.build();
        }
    }

    @Bean
    BCryptPasswordEncoder consolePasswordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager consoleUsers(ConsoleProperties properties, BCryptPasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(ConsoleUsers.from(properties.users(), encoder));
    }
}
