package org.centraerp.connector.sandbox;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.centraerp.connector.sandbox.graphql.CentraScalars;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With the sandbox switched off, /sandbox/** answers 404: Spring GraphQL's auto-configuration still maps the
 * GraphQL path from application.yaml, so without this filter a half-wired endpoint would answer.
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

    /** Spring GraphQL still builds the schema from sandbox/schema/; its custom scalars must exist for that. */
    @Bean
    RuntimeWiringConfigurer sandboxScalarsWhileDisabled() {
        return CentraScalars::register;
    }

    static final class NotFoundFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
