package com.boxoffice.kernel.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitFilterTest {

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReadingIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/carts");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new RequestBodyLimitFilter(10).doFilter(request, response, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("has 11 bytes; at most 10");
    }

    @Test
    void cutsOffABodyWithoutLengthOnceItPassesTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/carts");
        request.setContent(new byte[11]);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Integer> readWithinLimit = new AtomicReference<>();
        // MockHttpServletRequest reports its content's length; a chunked request reports -1.
        new RequestBodyLimitFilter(10).doFilter(withoutLength(request), new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                try {
                    byte[] buffer = new byte[10];
                    readWithinLimit.set(req.getInputStream().read(buffer, 0, 10));
                    req.getInputStream().read();
                } catch (IOException e) {
                    failure.set(e);
                }
            }
        }));
        assertThat(readWithinLimit.get()).isEqualTo(10);
        assertThat(failure.get()).isInstanceOf(RequestBodyTooLargeException.class)
                .hasMessageContaining("larger than 10 bytes");
    }

    @Test
    void passesABodyWithinTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/carts");
        request.setContent(new byte[10]);
        MockFilterChain chain = new MockFilterChain();
        new RequestBodyLimitFilter(10).doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(10);
    }

    @Test
    void aLimitMustBePositive() {
        assertThatThrownBy(() -> new RequestBodyLimitFilter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpServletRequest withoutLength(MockHttpServletRequest request) {
        return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
    }
}
