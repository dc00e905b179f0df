package com.boxoffice.kernel.tracing;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestTracingTest {

    @Test
    void acceptsIdsThatAreSafeInLogsAndKeys() {
        assertThat(RequestIds.isValid("3f0c2a4e-8a51-4c3e-9d0b-1a2b3c4d5e6f")).isTrue();
        assertThat(RequestIds.isValid("01HZX3K9Q7.trace:42_a")).isTrue();
        assertThat(RequestIds.isValid("x".repeat(128))).isTrue();
        assertThat(RequestIds.isValid("x".repeat(129))).isFalse();
        assertThat(RequestIds.isValid("")).isFalse();
        assertThat(RequestIds.isValid(null)).isFalse();
        assertThat(RequestIds.isValid("a b")).isFalse();
        assertThat(RequestIds.isValid("a#b")).isFalse();
        assertThat(RequestIds.isValid("line\nbreak")).isFalse();
        assertThatThrownBy(() -> RequestIds.bind("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBoundIdIsCurrentUntilItsScopeCloses() {
        assertThat(RequestIds.current()).isEmpty();
        try (RequestIds.Scope outer = RequestIds.bind("outer")) {
            try (RequestIds.Scope inner = RequestIds.bind("inner")) {
                assertThat(RequestIds.current()).contains("inner");
            }
            assertThat(RequestIds.current()).contains("outer");
        }
        assertThat(RequestIds.current()).isEmpty();
    }

    @Test
    void stampsTheCurrentIdOnDispatchedMessagesWithoutReplacingOne() {
        RequestIdDispatchInterceptor<CommandMessage<?>> interceptor = new RequestIdDispatchInterceptor<>();
        CommandMessage<?> plain = GenericCommandMessage.asCommandMessage("plain");
        CommandMessage<?> carrying = new GenericCommandMessage<>("carrying", MetaData.with("requestId", "earlier"));

        assertThat(interceptor.handle(plain).getMetaData()).doesNotContainKey("requestId");
        try (RequestIds.Scope ignored = RequestIds.bind("req-1")) {
            assertThat(interceptor.handle(plain).getMetaData()).containsEntry("requestId", "req-1");
            assertThat(interceptor.handle(carrying).getMetaData()).containsEntry("requestId", "earlier");
        }
    }

    @Test
    void logsAHandlersLinesUnderTheHandledMessagesId() throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage("e").andMetaData(MetaData.with("requestId", "req-2"));
        AtomicReference<String> duringHandling = new AtomicReference<>();
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            new RequestIdLoggingInterceptor<EventMessage<?>>().handle(unitOfWork, () -> {
                duringHandling.set(MDC.get("requestId"));
                return null;
            });
        } finally {
            unitOfWork.commit();
        }
        assertThat(duringHandling.get()).isEqualTo("req-2");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void theFilterEchoesTheCallersIdOrMakesOneAndBindsItWhileServing() throws Exception {
        AtomicReference<String> bound = new AtomicReference<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/concerts");
        request.addHeader("X-Request-Id", "caller-7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestIdFilter().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                bound.set(RequestIds.current().orElse(null));
            }
        }));
        assertThat(bound.get()).isEqualTo("caller-7");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("caller-7");
        assertThat(RequestIds.current()).isEmpty();

        MockHttpServletResponse made = new MockHttpServletResponse();
        new RequestIdFilter().doFilter(new MockHttpServletRequest("GET", "/"), made, new MockFilterChain());
        assertThat(made.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void theFilterRefusesAnInvalidIdWithAProblem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/carts");
        request.addHeader("X-Request-Id", "not valid");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new RequestIdFilter().doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("the request goes no further").isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("X-Request-Id must be");
        assertThat(response.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
    }
}
