package org.centraerp.connector.sandbox;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With the sandbox switched off, /sandbox/** answers 404 whatever the method, rather than a 405 or an error page from
 * whatever else maps a path there. Spring GraphQL has no schema then (see {@link SandboxEnvironment}) and serves nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "connector.sandbox", name = "enabled", havingValue = "false")
public class SandboxDisabledConfiguration {

    @Bean
    FilterRegistrationBean<NotFoundFilter> sandboxDisabledFilter() {
        var registration = new FilterRegistrationBean<>(new NotFoundFilter());
        registration.addUrlPatterns("/sandbox/*");
        registration.setName("sandboxDisabledFilter");
        return registration;
    }

    static final class NotFoundFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
