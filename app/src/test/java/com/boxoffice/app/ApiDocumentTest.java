package com.boxoffice.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI document kept in the repository, {@code docs/openapi.json}, is the one the application serves at
 * {@code /v3/api-docs}: normalised (keys sorted, pretty-printed, without {@code servers}, which names the random port
 * of the test), the two must be equal. A change of the REST API therefore shows up as a change of that file in review.
 * <p>
 * Run with {@code -Dopenapi.write=true} to (re)write the file from the running application instead of comparing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "boxoffice.dynamodb.embedded.in-memory=true")
class ApiDocumentTest {

    static final String WRITE_PROPERTY = "openapi.write";
    static final String DOCUMENT = "docs/openapi.json";
    static final String REGENERATE = "mvn -B -pl app -am install -DskipTests && mvn -B -pl app test"
            + " -Dtest=ApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY + "=true";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void theRepositoryDocumentIsTheServedOne() throws IOException {
        String served = normalise(fetch("/v3/api-docs"));
        Path document = repositoryRoot().resolve(DOCUMENT);

        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(document.getParent());
            Files.writeString(document, served, StandardCharsets.UTF_8);
            return;
        }

        if (!Files.isRegularFile(document)) {
            fail(DOCUMENT + " is missing. Generate it from the running application with:%n  %s", REGENERATE);
        }
        String stored = Files.readString(document, StandardCharsets.UTF_8);
        if (!stored.equals(served)) {
            fail("%s differs from what the application serves at /v3/api-docs (%s).%n"
                            + "If the REST API change is intended, regenerate the file and commit it with the change:%n  %s",
                    DOCUMENT, firstDifference(stored, served), REGENERATE);
        }
    }

    private String fetch(String path) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + path, e);
        }
    }

    /** Keys sorted at every level, {@code servers} removed, two-space indentation, one trailing newline. */
    static String normalise(String openApiJson) {
        JsonNode document = JSON.readTree(openApiJson);
        assertThat(document.isObject()).as("the OpenAPI document is a JSON object").isTrue();
        ((ObjectNode) document).remove("servers");
        return JSON.writeValueAsString(sorted(document)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** Where the two documents first part, for the failure message. */
    private static String firstDifference(String stored, String served) {
        List<String> storedLines = stored.lines().toList();
        List<String> servedLines = served.lines().toList();
        int common = Math.min(storedLines.size(), servedLines.size());
        for (int i = 0; i < common; i++) {
            if (!storedLines.get(i).equals(servedLines.get(i))) {
                return "first difference at line " + (i + 1) + ": file has '" + storedLines.get(i).strip()
                        + "', application serves '" + servedLines.get(i).strip() + "'";
            }
        }
        return "the file has " + storedLines.size() + " lines, the application serves " + servedLines.size();
    }

    /** The folder holding the parent {@code pom.xml} and {@code app/}: tests run in {@code app/}, IDEs often at the root. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("app/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (a folder with pom.xml and app/pom.xml) above "
                + Path.of("").toAbsolutePath());
    }
}
