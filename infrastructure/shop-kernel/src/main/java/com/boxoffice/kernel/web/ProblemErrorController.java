package com.boxoffice.kernel.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * The servlet container's error page ({@code /error}) as problem+json, in place of Spring Boot's JSON or HTML one:
 * what the container or a filter refused with {@code sendError}, and what escaped every advice. The detail is a plain
 * sentence for the status, never the error's message. Asked for directly, {@code /error} is a path like any other
 * the API does not have: 404.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            // Not an error dispatch: someone asked for /error itself.
            FilterProblems.write(response, HttpStatus.NOT_FOUND, "Not Found", "No such resource", request);
            return;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        FilterProblems.write(response, status, status.getReasonPhrase(), ProblemTexts.plain(status.value()),
                uri instanceof String path ? path : request.getRequestURI());
    }
}
