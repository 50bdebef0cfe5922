package dev.tend.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The TCP addresses a process listens on, read from /proc: the harness promises that every server
 * it starts binds 127.0.0.1 only, and this is how a test holds it to that.
 */
final class ListeningSockets {
    private ListeningSockets() {}

    /** "127.0.0.1:5432"-style local addresses of the process's listening sockets (IPv4-mapped IPv6 included). */
    static List<String> of(long pid) throws IOException {
        var inodes = new HashSet<String>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (var fd : fds.toList()) {
                try {
                    var link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) inodes.add(link.substring(8, link.length() - 1));
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            }
        }
        var addresses = new ArrayList<String>();
        for (var table : new String[] {"tcp", "tcp6"}) {
            for (var line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table))) {
                var columns = line.trim().split("\\s+");
                // columns: sl local_address rem_address st ... inode; 0A = LISTEN
                if (columns.length > 9 && columns[3].equals("0A") && inodes.contains(columns[9])) {
                    addresses.add(decode(columns[1]));
                }
            }
        }
        return addresses;
    }

    private static String decode(String hexAddressAndPort) {
        var parts = hexAddressAndPort.split(":");
        int port = Integer.parseInt(parts[1], 16);
        var hex = parts[0];
        if (hex.length() == 8) return ipv4(hex) + ":" + port;
        if (hex.equals("0".repeat(32))) return "[::]:" + port;
        if (hex.startsWith("0000000000000000FFFF0000")) return ipv4(hex.substring(24)) + ":" + port;
        if (hex.equals("00000000000000000000000001000000")) return "[::1]:" + port;
        return "[" + hex + "]:" + port;
    }

    /** /proc prints IPv4 addresses as little-endian hex. */
    private static String ipv4(String hex) {
        return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
    }
}
