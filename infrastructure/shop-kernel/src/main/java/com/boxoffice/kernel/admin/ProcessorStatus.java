package com.boxoffice.kernel.admin;

import java.util.List;

/**
 * A streaming processor as the admin endpoint shows it.
 *
 * @param type          {@code pooled} or {@code tracking}
 * @param running       running on this instance
 * @param error         in error mode on this instance (retrying a failed batch)
 * @param replaying     replaying on this instance
 * @param supportsReset whether its handlers allow a reset (not so with {@code @DisallowReplay})
 * @param lag           events of the stream its slowest segment has still to read; {@code null} when unknown
 */
public record ProcessorStatus(String name, String type, boolean running, boolean error, boolean replaying,
                              boolean supportsReset, List<SegmentStatus> segments, Long lag) {
}
