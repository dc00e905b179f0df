package com.boxoffice.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The listening TCP sockets of this machine as Linux reports them in {@code /proc/net/tcp} and {@code /proc/net/tcp6}:
 * what a server actually bound, read without sending it any traffic.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");

    /** One listening socket: its local address (hex, as the kernel writes it), port and inode. */
    record Socket(String addressHex, int port, long inode) {

        boolean loopback() {
            // IPv4 127.x.x.x is stored little-endian ("0100007F"); IPv6 ::1 as 31 zeros and a 1; ::ffff:127.x too.
            return addressHex.length() == 8 ? addressHex.endsWith("7F")
                    : addressHex.equals("00000000000000000000000001000000")
                    || (addressHex.startsWith("0000000000000000FFFF0000") && addressHex.endsWith("7F"));
        }
    }

    private ListeningSockets() {
    }

    static List<Socket> all() {
        List<Socket> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(path);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields[3].equals(LISTEN)) {
                        String[] local = fields[1].split(":");
                        sockets.add(new Socket(local[0], Integer.parseInt(local[1], 16), Long.parseLong(fields[9])));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sockets;
    }

    /** The listening sockets on {@code port}. */
    static List<Socket> onPort(int port) {
        return all().stream().filter(socket -> socket.port() == port).toList();
    }

    /** The listening sockets held open by process {@code pid} (from its file descriptors). */
    static List<Socket> ofProcess(long pid) {
        Set<Long> inodes;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            inodes = fds.map(ListeningSockets::linkTarget)
                    .map(SOCKET_LINK::matcher)
                    .filter(Matcher::matches)
                    .map(matcher -> Long.parseLong(matcher.group(1)))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all().stream().filter(socket -> inodes.contains(socket.inode())).toList();
    }

    private static String linkTarget(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";  // closed between listing and reading
        }
    }
}
