package com.boxoffice.kernel.idempotency;

/**
 * What the store holds for a key: the fingerprint of the request that took it and, once that request answered, the
 * answer; {@code answer} is null while it runs.
 */
record KeyRecord(String fingerprint, StoredAnswer answer) {

    boolean answered() {
        return answer != null;
    }
}
