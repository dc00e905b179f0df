package com.boxoffice.kernel.tracing;

import com.boxoffice.kernel.web.FilterProblems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is valid, a new UUID when there is none. It is
 * echoed in the response (errors included), bound to the serving thread for {@link RequestIdDispatchInterceptor} and
 * put in the logging MDC. An invalid id is refused with 400 rather than silently replaced: the caller means to trace
 * with it and would search for it in vain. The container's error dispatch ({@code /error}) is filtered too, so that what
 * it answers carries an id: the one the request already had, or the caller's (when valid) or a new one for a request
 * the container refused before any filter ran.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            if (!response.containsHeader(RequestIds.HEADER)) {
                String given = request.getHeader(RequestIds.HEADER);
                response.setHeader(RequestIds.HEADER, RequestIds.isValid(given) ? given : RequestIds.newId());
            }
            chain.doFilter(request, response);
            return;
        }
        String given = request.getHeader(RequestIds.HEADER);
        if (given != null && !RequestIds.isValid(given)) {
            response.setHeader(RequestIds.HEADER, RequestIds.newId());
            FilterProblems.write(response, HttpStatus.BAD_REQUEST, "Invalid request",
                    RequestIds.HEADER + " must be 1 to 128 letters, digits or '-', '_', '.', ':'", request);
            return;
        }
        String requestId = given != null ? given : RequestIds.newId();
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.METADATA_KEY, requestId);
        try (RequestIds.Scope ignored = RequestIds.bind(requestId)) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.METADATA_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
