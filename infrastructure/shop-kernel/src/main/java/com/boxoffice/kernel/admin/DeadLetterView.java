package com.boxoffice.kernel.admin;

import java.time.Instant;
import java.util.Map;

/**
 * One parked event as the admin endpoint shows it.
 *
 * @param messageId         the event's identifier
 * @param eventType         its payload type
 * @param aggregateType     the aggregate it belongs to, when it is a domain event
 * @param aggregateSequence its sequence number in that aggregate
 * @param causeType         the exception class that parked it (or that failed the last retry)
 * @param causeMessage      that exception's message, cut to about 1 KB
 * @param enqueuedAt        when it was parked
 * @param lastTouched       when it was last parked or retried
 * @param diagnostics       what the dead-letter policy noted (processing group, exception, retries)
 */
public record DeadLetterView(String messageId, String eventType, String aggregateType, String aggregateId,
                             Long aggregateSequence, Instant timestamp, String causeType, String causeMessage,
                             Instant enqueuedAt, Instant lastTouched, Map<String, Object> diagnostics) {
}
