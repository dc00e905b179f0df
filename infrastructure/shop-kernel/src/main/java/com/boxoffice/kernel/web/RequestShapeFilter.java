package com.boxoffice.kernel.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before anything reads them, request parts the servlet container hands over but the application could only
 * fail on: a {@code Content-Type} that is a wildcard ({@code *}{@code /*}) or no media type at all (415), an
 * {@code Accept} that is no list of media types (400; Spring MVC would answer 406 without a body), and a query
 * string that is not percent-encoded UTF-8 ({@code ?name=%FF}, 400; the container would drop the parameter and fail
 * the handler that asks for it). Both as problem+json, with the request id the {@code RequestIdFilter} gave.
 */
public final class RequestShapeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isConcreteMediaType(contentType)) {
            response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
            FilterProblems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "'Content-Type' must name one media type, such as application/json", request);
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !isMediaTypeList(accept)) {
            FilterProblems.write(response, HttpStatus.BAD_REQUEST, "Invalid request",
                    "'Accept' must be a list of media types, such as application/json", request);
            return;
        }
        String query = request.getQueryString();
        if (query != null && !isUtf8Query(query)) {
            FilterProblems.write(response, HttpStatus.BAD_REQUEST, "Invalid request",
                    "The query string must be percent-encoded UTF-8", request);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isConcreteMediaType(String contentType) {
        if (contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            // Spring MVC answers an unparseable one with 415 itself; refused here alike.
            return false;
        }
    }

    static boolean isMediaTypeList(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Whether each {@code %XX} escape of the query decodes, together with the plain bytes, as UTF-8. */
    static boolean isUtf8Query(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Character.digit(query.charAt(i + 1), 16) * 16 + Character.digit(query.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7F) {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
