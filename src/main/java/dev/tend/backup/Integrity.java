package dev.tend.backup;

import java.util.List;

/** Compares a backup's files as found with its manifest and SHA256SUMS; every difference names the file. */
final class Integrity {
    private Integrity() {}

    static void compare(Manifest manifest, Destination.Fetched fetched, List<String> problems) {
        var sums = Sha256Sums.read(fetched.sums());
        if (sums.isEmpty()) problems.add(Manifest.SUMS + " is missing or empty");
        for (int index = 0; index < manifest.files().size(); index++) {
            var expected = manifest.files().get(index);
            var found = fetched.found().get(index);
            if (found.bytes() < 0) {
                problems.add(expected.name() + " is missing");
            } else if (found.bytes() != expected.bytes()) {
                problems.add(expected.name() + " is " + found.bytes() + " bytes, the manifest says " + expected.bytes() + " (truncated or replaced)");
            } else if (!found.sha256().equals(expected.sha256())) {
                problems.add(expected.name() + ": SHA-256 mismatch (the manifest says " + abbreviate(expected.sha256())
                        + "…, the file hashes to " + abbreviate(found.sha256()) + "…): the file is corrupted");
            }
            if (!sums.isEmpty() && !expected.sha256().equals(sums.get(expected.name()))) {
                problems.add(Manifest.SUMS + " disagrees with the manifest about " + expected.name());
            }
        }
        var manifestHash = Sha256Sums.hex(Hashing.sha256(fetched.manifest()));
        if (!sums.isEmpty() && !manifestHash.equals(sums.get(Manifest.FILE))) {
            problems.add(Manifest.FILE + " does not match its SHA-256 in " + Manifest.SUMS + ": it was changed after the backup");
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
