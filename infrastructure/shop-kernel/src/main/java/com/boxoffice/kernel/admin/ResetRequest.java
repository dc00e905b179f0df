package com.boxoffice.kernel.admin;

/** The body of {@code POST /api/admin/processors/{name}/reset}: {@code {"to": "TAIL" | "HEAD" | "<ISO-8601 instant>"}}. */
public record ResetRequest(String to) {
}
