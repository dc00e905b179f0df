package com.boxoffice.deploy;

/**
 * How the event archive stores and buffers.
 *
 * @param infrequentAccessAfterDays days until files move to S3 Standard-IA (S3 needs at least 30)
 * @param glacierAfterDays          days until they move to Glacier Instant Retrieval (more than the above)
 * @param bufferingSeconds          Firehose writes a file at least this often (0 to 900 s)
 * @param bufferingMebibytes        or when this much has arrived (1 to 128 MiB)
 */
public record ArchiveSettings(int infrequentAccessAfterDays, int glacierAfterDays, int bufferingSeconds,
                              int bufferingMebibytes) {

    public ArchiveSettings {
        if (infrequentAccessAfterDays < 30) {
            throw new IllegalArgumentException("S3 moves objects to Standard-IA after 30 days at the earliest");
        }
        if (glacierAfterDays <= infrequentAccessAfterDays) {
            throw new IllegalArgumentException("Glacier comes after Standard-IA: " + glacierAfterDays + " <= "
                    + infrequentAccessAfterDays);
        }
        if (bufferingSeconds < 0 || bufferingSeconds > 900) {
            throw new IllegalArgumentException("Firehose buffers 0 to 900 seconds: " + bufferingSeconds);
        }
        if (bufferingMebibytes < 1 || bufferingMebibytes > 128) {
            throw new IllegalArgumentException("Firehose buffers 1 to 128 MiB: " + bufferingMebibytes);
        }
    }

    /** 30 days to Standard-IA, 90 to Glacier Instant Retrieval, a file every 5 minutes or 64 MiB. */
    public static ArchiveSettings defaults() {
        return new ArchiveSettings(30, 90, 300, 64);
    }
}
