package org.centraerp.connector.sandbox.admin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sandbox's admin endpoints need no token (they reset the store, inject faults, register tokens), so they
 * answer only clients on this machine: a connector listening on every interface must not let the network turn
 * its knobs. {@code connector.sandbox.admin-remote-access=true} opens them (a sandbox in a container, for tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxEnabled
public class SandboxAdminGuard {

    @Bean
    FilterRegistrationBean<LoopbackOnly> sandboxAdminLoopbackOnly(
            @Value("${connector.sandbox.admin-remote-access:false}") boolean remoteAccess) {
        var registration = new FilterRegistrationBean<>(new LoopbackOnly(remoteAccess));
        registration.addUrlPatterns("/sandbox/admin/*");
        registration.setName("sandboxAdminLoopbackOnly");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Answers 403 to a request whose client address is not a loopback address. */
    public static final class LoopbackOnly extends OncePerRequestFilter {

        private final boolean remoteAccess;

        public LoopbackOnly(boolean remoteAccess) {
            this.remoteAccess = remoteAccess;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (remoteAccess || isLoopback(request.getRemoteAddr())) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"the sandbox admin endpoints answer only on this machine"
                    + " (loopback); set CENTRA_SANDBOX_ADMIN_REMOTE=true to open them to the network\"}");
        }

        static boolean isLoopback(String address) {
            if (address == null || address.isBlank()) {
                return false;
            }
            try {
                // an IP literal: parsed, never looked up
                return InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
                        : address).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
