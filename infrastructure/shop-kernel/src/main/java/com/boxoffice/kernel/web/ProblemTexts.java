package com.boxoffice.kernel.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of problem details: what a field must be (its {@link MustBe}), where a JSON error is, and the check that
 * nothing technical (a Java type, a parser's message) reaches a client.
 */
public final class ProblemTexts {

    /** What a Java type name, a stack-trace word or a parser's message looks like. */
    private static final Pattern TECHNICAL = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml|com\\.boxoffice|org\\.springframework|"
                    + "org\\.axonframework|Exception|`|Cannot construct|Cannot deserialize|Unrecognized token|"
                    + "Unexpected character|end-of-input");

    private ProblemTexts() {
    }

    /** Whether a detail would show a client Java or a parser's inner life. */
    public static boolean isTechnical(String detail) {
        return detail != null && TECHNICAL.matcher(detail).find();
    }

    /** A plain sentence for a status, for a detail that cannot be shown. */
    public static String plain(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "No acceptable representation: this API answers application/json";
            case 413 -> "The request is too large";
            case 414 -> "The request URI is too long";
            case 415 -> "Unsupported media type: send Content-Type: application/json";
            case 431 -> "The request headers are too large";
            case 501 -> "The request uses a method or transfer coding this server does not implement";
            case 503 -> "The service is unavailable; try again";
            default -> status >= 500 ? "The request failed unexpectedly; the error is logged" : "The request was refused";
        };
    }

    /**
     * "'field' must be …" from the {@link MustBe} of {@code field} in {@code owner}, or {@code fallback} when it has
     * none (or the fallback itself when it is technical: then a plain sentence naming the field).
     */
    static String fieldMessage(Class<?> owner, String field, String fallback) {
        String mustBe = mustBe(owner, field);
        if (mustBe != null) {
            return "'" + field + "' must be " + mustBe;
        }
        return isTechnical(fallback) ? "'" + field + "' has an invalid value" : fallback;
    }

    static String mustBe(Class<?> owner, String field) {
        if (owner == null || field == null) {
            return null;
        }
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Field declared = type.getDeclaredField(field);
                MustBe mustBe = declared.getAnnotation(MustBe.class);
                return mustBe == null ? null : mustBe.value();
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    /** The JSON path of the value at fault: {@code capacity}, {@code lines[2].quantity}. */
    static String path(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        return path.stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    static String lastProperty(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        return path.isEmpty() ? null : path.get(path.size() - 1).getPropertyName();
    }

    /** The class holding the last property of the path: a record being built is named by its class. */
    static Class<?> owner(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (path.isEmpty()) {
            return null;
        }
        Object from = path.get(path.size() - 1).from();
        return from instanceof Class<?> type ? type : from == null ? null : from.getClass();
    }

    static String location(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A type as the API says it, for parameters without a {@link MustBe}. */
    static String kindOf(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-12-01T20:00:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date such as 2026-12-01";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as P14D";
        }
        return "a valid value";
    }
}
