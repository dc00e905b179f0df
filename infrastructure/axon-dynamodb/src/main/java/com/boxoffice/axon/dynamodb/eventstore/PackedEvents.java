package com.boxoffice.axon.dynamodb.eventstore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The binary form of the events one commit item holds (attribute {@value EventTables#EVENTS}): a format byte, then
 * the body, as written or deflated (format 2, when that saves a tenth or more: events of one aggregate repeat their
 * payload type and field names). The body is the count, then per event its index in the commit, identifier, timestamp (seconds and nanoseconds, exact), payload type
 * and revision, payload and metadata bytes. Events of one item are consecutive sequence numbers of one aggregate, so
 * their sequence numbers and positions are not stored: they follow from the item's first ones.
 * <p>
 * One binary attribute instead of a list of maps: DynamoDB counts every attribute name of a map in the item's size,
 * which for small events would be a third of what is stored.
 */
final class PackedEvents {

    /** One packed event: the parts Axon deserializes, and its index in the commit, which orders the stream's merge. */
    record Packed(int indexInCommit, StoredEvent.Parts parts) {
    }

    private static final byte FORMAT_1 = 1;
    /** Format 1's body, deflated: written when that saves a tenth or more. */
    private static final byte FORMAT_1_DEFLATED = 2;
    private static final int WORTH_COMPRESSING_BYTES = 200;
    /** What an event adds besides its strings and bytes: index, timestamp, lengths and flags. */
    static final int FIXED_BYTES_PER_EVENT = 4 + 8 + 4 + 1 + 4 + 4 + 3 * 2;

    private PackedEvents() {
    }

    /** @param compress deflate the events where that saves a tenth or more of their bytes */
    static byte[] pack(List<Packed> events, boolean compress) {
        byte[] raw = body(events);
        if (compress && raw.length >= WORTH_COMPRESSING_BYTES) {
            byte[] deflated = deflate(raw);
            if (deflated.length <= raw.length * 0.9) {
                return withFormat(FORMAT_1_DEFLATED, deflated);
            }
        }
        return withFormat(FORMAT_1, raw);
    }

    private static byte[] withFormat(byte format, byte[] body) {
        byte[] packed = new byte[body.length + 1];
        packed[0] = format;
        System.arraycopy(body, 0, packed, 1, body.length);
        return packed;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] packed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed, 1, packed.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DynamoDbEventStoreException("A commit item's deflated events are truncated", null);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DynamoDbEventStoreException("A commit item's deflated events are corrupt", e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] body(List<Packed> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.stream().mapToInt(PackedEvents::sizeOf).sum() + 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(events.size());
            for (Packed event : events) {
                StoredEvent.Parts parts = event.parts();
                out.writeInt(event.indexInCommit());
                out.writeUTF(parts.eventId());
                out.writeLong(parts.timestamp().getEpochSecond());
                out.writeInt(parts.timestamp().getNano());
                out.writeUTF(parts.payloadType());
                out.writeBoolean(parts.payloadRevision() != null);
                if (parts.payloadRevision() != null) {
                    out.writeUTF(parts.payloadRevision());
                }
                out.writeInt(parts.payload().length);
                out.write(parts.payload());
                out.writeInt(parts.metaData().length);
                out.write(parts.metaData());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static List<Packed> unpack(byte[] packed) {
        byte format = packed.length == 0 ? 0 : packed[0];
        ByteArrayInputStream body = switch (format) {
            case FORMAT_1 -> new ByteArrayInputStream(packed, 1, packed.length - 1);
            case FORMAT_1_DEFLATED -> new ByteArrayInputStream(inflate(packed));
            default -> throw new DynamoDbEventStoreException("A commit item in an unknown format " + format
                    + ": written by a newer version of this engine?", null);
        };
        try (DataInputStream in = new DataInputStream(body)) {
            int count = in.readInt();
            List<Packed> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = in.readInt();
                String eventId = in.readUTF();
                Instant timestamp = Instant.ofEpochSecond(in.readLong(), in.readInt());
                String payloadType = in.readUTF();
                String revision = in.readBoolean() ? in.readUTF() : null;
                byte[] payload = in.readNBytes(in.readInt());
                byte[] metaData = in.readNBytes(in.readInt());
                events.add(new Packed(index, new StoredEvent.Parts(eventId, timestamp, payloadType, revision, payload, metaData)));
            }
            return events;
        } catch (IOException e) {
            throw new DynamoDbEventStoreException("A commit item's events are truncated or corrupt", e);
        }
    }

    /** The bytes {@link #pack} writes for this event (strings counted as UTF-8, as {@code writeUTF} nearly does). */
    static int sizeOf(Packed event) {
        StoredEvent.Parts parts = event.parts();
        return FIXED_BYTES_PER_EVENT + utf8(parts.eventId()) + utf8(parts.payloadType()) + utf8(parts.payloadRevision())
                + parts.payload().length + parts.metaData().length;
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
