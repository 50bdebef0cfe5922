package dev.tend.backup;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SHA256SUMS file: the format {@code sha256sum -c} reads (hash, two spaces, relative name). */
final class Sha256Sums {
    private Sha256Sums() {}

    static byte[] write(List<Manifest.FileEntry> files, byte[] manifest) {
        var text = new StringBuilder();
        for (var file : files) text.append(file.sha256()).append("  ").append(file.name()).append('\n');
        text.append(hex(Hashing.sha256(manifest))).append("  ").append(Manifest.FILE).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** name → hash; lines that are not "hash  name" are ignored as sha256sum does with -c --warn. */
    static Map<String, String> read(byte[] sums) {
        var hashes = new LinkedHashMap<String, String>();
        for (var line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
            if (line.length() > 66 && line.substring(0, 64).matches("[0-9a-f]{64}")) {
                var name = line.substring(66);
                hashes.put(name.startsWith("*") ? name.substring(1) : name, line.substring(0, 64));
            }
        }
        return hashes;
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
