package com.boxoffice.app.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on RFC 9457 answers: the status, {@code application/problem+json}, the same status in the body, an
 * {@code X-Request-Id}, and a {@code detail} in the API's words, never a Java type or a parser's message.
 */
public final class Problems {

    /** What a detail shows when Java or a parser speaks instead of the API. */
    public static final List<String> TECHNICAL = List.of("java.", "com.boxoffice", "Exception", "`", "Cannot construct");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** A problem with that status and a plain detail; returns the problem document. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Request-Id")).as("X-Request-Id").isPresent();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.hasNonNull("title")).as("title of %s", response.body()).isTrue();
        assertPlain(problem.get("detail").asString());
        return problem;
    }

    /** A problem with that status and exactly that detail. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String detail) {
        JsonNode problem = assertProblem(response, status);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        return problem;
    }

    /** A 400 naming the field at fault with exactly that detail. */
    public static JsonNode assertFieldProblem(HttpResponse<String> response, String field, String detail) {
        JsonNode problem = assertProblem(response, 400, detail);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(detail);
        return problem;
    }

    /** An answer read off the socket, for requests no HTTP client sends (a '|' in the request target). */
    public record RawAnswer(int status, Map<String, String> headers, String body) {
    }

    /**
     * Sends {@code GET target} exactly as given over a plain socket and reads the whole answer (the server closes).
     *
     * @param headers {@code name: value} lines
     */
    public static RawAnswer rawGet(int port, String target, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // ISO-8859-1 maps byte to char one to one: chunk sizes count bytes, the body is decoded as UTF-8 after.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int split = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, split).split("\r\n");
            Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                fields.put(head[i].substring(0, colon).strip(), head[i].substring(colon + 1).strip());
            }
            String body = answer.substring(split + 4);
            if ("chunked".equalsIgnoreCase(fields.get("Transfer-Encoding"))) {
                body = dechunk(body);
            }
            return new RawAnswer(Integer.parseInt(head[0].split(" ")[1]), fields,
                    new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        String rest = chunked;
        while (true) {
            int lineEnd = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(rest, lineEnd + 2, lineEnd + 2 + size);
            rest = rest.substring(lineEnd + 2 + size + 2);
        }
    }

    /** A raw answer that is a problem with that status and a plain detail; returns the problem document. */
    public static JsonNode assertProblem(RawAnswer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("Content-Type")).as("content type of %s", answer.body())
                .startsWith("application/problem+json");
        assertThat(answer.headers()).as("headers").containsKey("X-Request-Id");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertPlain(problem.get("detail").asString());
        return problem;
    }

    /** A detail in the API's words: no Java type name, no parser text. */
    public static void assertPlain(String detail) {
        assertThat(detail).as("detail").isNotBlank();
        for (String technical : TECHNICAL) {
            assertThat(detail).as("detail '%s' must not contain '%s'", detail, technical).doesNotContain(technical);
        }
    }
}
