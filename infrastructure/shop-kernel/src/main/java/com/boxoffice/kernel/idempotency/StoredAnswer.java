package com.boxoffice.kernel.idempotency;

import java.util.Map;

/** The first answer to a request with a key, as it is replayed: status, the headers that matter, body. */
record StoredAnswer(int status, Map<String, String> headers, byte[] body) {

    StoredAnswer {
        headers = Map.copyOf(headers);
    }
}
