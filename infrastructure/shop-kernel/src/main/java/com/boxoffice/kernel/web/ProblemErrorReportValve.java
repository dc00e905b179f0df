package com.boxoffice.kernel.web;

import com.boxoffice.kernel.tracing.RequestIds;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report, as problem+json with an {@code X-Request-Id}, in place of its HTML page. It answers what
 * Tomcat refuses before the application sees the request (a path that is no valid percent-encoded UTF-8, an encoded
 * {@code /} or NUL, a character a request target may not hold) and any error nobody answered with a body.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(org.apache.coyote.ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status == 400
                ? "The request is malformed: its path, query or headers are not valid HTTP"
                : ProblemTexts.plain(status);
        try {
            if (response.getHeader(RequestIds.HEADER) == null) {
                String given = request.getHeader(RequestIds.HEADER);
                response.setHeader(RequestIds.HEADER, RequestIds.isValid(given) ? given : RequestIds.newId());
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(FilterProblems.json(status, title, detail, null), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the response cannot take a body any more: nothing else to say.
        }
    }
}
