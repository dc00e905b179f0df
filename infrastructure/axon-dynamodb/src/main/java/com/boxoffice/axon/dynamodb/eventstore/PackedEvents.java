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

/**
 * The binary form of the events one commit item holds (attribute {@value EventTables#EVENTS}): a format byte, the
 * count, then per event its index in the commit, identifier, timestamp (seconds and nanoseconds, exact), payload type
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
    /** What an event adds besides its strings and bytes: index, timestamp, lengths and flags. */
    static final int FIXED_BYTES_PER_EVENT = 4 + 8 + 4 + 1 + 4 + 4 + 3 * 2;

    private PackedEvents() {
    }

    static byte[] pack(List<Packed> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.stream().mapToInt(PackedEvents::sizeOf).sum() + 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_1);
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
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            byte format = in.readByte();
            if (format != FORMAT_1) {
                throw new DynamoDbEventStoreException("A commit item in an unknown format " + format
                        + ": written by a newer version of this engine?", null);
            }
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
