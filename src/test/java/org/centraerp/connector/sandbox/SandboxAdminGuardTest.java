package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.centraerp.connector.sandbox.admin.SandboxAdminGuard.LoopbackOnly;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The sandbox's admin endpoints answer only loopback clients unless opened on purpose. */
class SandboxAdminGuardTest {

    @Test
    void aClientFromTheNetworkIsRefused() throws Exception {
        var response = call(new LoopbackOnly(false), "10.20.30.40");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("only on this machine");
    }

    @Test
    void loopbackClientsPass() throws Exception {
        assertThat(call(new LoopbackOnly(false), "127.0.0.1").getStatus()).isEqualTo(299);
        assertThat(call(new LoopbackOnly(false), "0:0:0:0:0:0:0:1").getStatus()).isEqualTo(299);
    }

    @Test
    void remoteAccessOpensThem() throws Exception {
        assertThat(call(new LoopbackOnly(true), "10.20.30.40").getStatus()).isEqualTo(299);
    }

    private static MockHttpServletResponse call(LoopbackOnly filter, String remoteAddress) throws Exception {
        var request = new MockHttpServletRequest("PUT", "/sandbox/admin/knobs");
        request.setRemoteAddr(remoteAddress);
        var response = new MockHttpServletResponse();
        // the end of the chain marks the response, so a test sees whether the request got through
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                                   jakarta.servlet.http.HttpServletResponse res) {
                res.setStatus(299);
            }
        }));
        return response;
    }
}
