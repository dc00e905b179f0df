package com.boxoffice.kernel.admin;

import com.boxoffice.axon.dynamodb.eventstore.PartitionedLogToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

import java.util.Arrays;

/** Tracking tokens for people: where a token stands, and how far behind the head it is. */
final class TokenPositions {

    private TokenPositions() {
    }

    static String describe(TrackingToken token) {
        if (token == null) {
            return "start of the stream";
        }
        if (token instanceof ReplayToken replay) {
            return "replaying: at " + describe(replay.getCurrentToken()) + ", until " + describe(replay.getTokenAtReset());
        }
        if (token instanceof PartitionedLogToken log) {
            return "partitions " + Arrays.toString(log.positions());
        }
        return token.toString();
    }

    /**
     * Events stored after {@code token}: per partition, the head's position minus the token's (a replay counts from
     * where it is now). Known only for tokens of our log; {@code null} for anything else (another message source).
     */
    static Long lag(TrackingToken token, TrackingToken head) {
        if (!(head instanceof PartitionedLogToken headLog)) {
            return null;
        }
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null) {
            current = PartitionedLogToken.tail(headLog.partitions());
        }
        if (!(current instanceof PartitionedLogToken log) || log.partitions() != headLog.partitions()) {
            return null;
        }
        long behind = 0;
        for (int p = 0; p < log.partitions(); p++) {
            behind += Math.max(0, headLog.position(p) - log.position(p));
        }
        return behind;
    }
}
