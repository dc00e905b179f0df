package com.boxoffice.kernel.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestShapeFilterTest {

    private MockHttpServletResponse filter(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestShapeFilter().doFilter(request, response, chain);
        return response;
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "*", ";", "json"})
    void aContentTypeThatNamesNoOneMediaTypeIsUnsupported(String type) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/carts");
        request.addHeader("Content-Type", type);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = filter(request, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("'Content-Type' must name one media type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name=%FF", "name=%C3%28", "name=%E2%82", "name=%", "name=%G0", "a=1&b=%ED%A0%80"})
    void aQueryThatIsNoPercentEncodedUtf8IsABadRequest(String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/concerts");
        request.setQueryString(query);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = filter(request, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("percent-encoded UTF-8");
    }

    @Test
    void anUnparseableAcceptIsABadRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/concerts");
        request.addHeader("Accept", "foo");
        MockFilterChain chain = new MockFilterChain();
        assertThat(filter(request, chain).getStatus()).isEqualTo(400);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void wellFormedRequestsPass() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/concerts");
        request.addHeader("Content-Type", "application/json; charset=UTF-8");
        request.addHeader("Accept", "application/json, */*;q=0.1");
        request.setQueryString("name=%C3%A9t%C3%A9&venue=a+b&from=2026-12-01");
        MockFilterChain chain = new MockFilterChain();
        assertThat(filter(request, chain).getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isSameAs(request);
    }
}
