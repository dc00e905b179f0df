package com.boxoffice.deploy.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar stream entry by entry (ustar headers, as Jib writes them), enough to look into an image tarball in
 * tests without a library for it.
 */
final class Tar {

    private static final int BLOCK = 512;

    private final InputStream in;
    /** Bytes of the current entry not read yet, and its padding to the next block. */
    private long remaining;
    private long padding;

    Tar(InputStream in) {
        this.in = in;
    }

    /** An entry: its path (no leading {@code ./} or {@code /}), type flag, permission bits and size. */
    record Entry(String name, char type, int mode, long size) {

        boolean isDirectory() {
            return type == '5';
        }

        boolean isFile() {
            return type == '0' || type == '\0';
        }
    }

    /** The next entry, or null at the end; its content is what {@link #content()} reads until the next call. */
    Entry next() throws IOException {
        in.skipNBytes(remaining + padding);
        byte[] header = in.readNBytes(BLOCK);
        if (header.length < BLOCK || header[0] == 0) {
            remaining = 0;
            padding = 0;
            return null;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        if (!prefix.isEmpty()) {
            name = prefix + "/" + name;
        }
        long size = octal(header, 124, 12);
        remaining = size;
        padding = (BLOCK - size % BLOCK) % BLOCK;
        return new Entry(name.replaceFirst("^\\./", "").replaceFirst("^/", ""), (char) header[156],
                (int) octal(header, 100, 8), size);
    }

    /** The current entry's content. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    remaining--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int read = in.read(buffer, offset, (int) Math.min(length, remaining));
                if (read > 0) {
                    remaining -= read;
                }
                return read;
            }
        };
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
