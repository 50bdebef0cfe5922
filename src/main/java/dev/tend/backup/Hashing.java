package dev.tend.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.LongConsumer;

/** SHA-256 computed on the bytes as they pass, so a dump is hashed in the same pass that stores it. */
final class Hashing {
    private static final int BUFFER = 1 << 16;

    private Hashing() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    /** Copies everything, returning (bytes, hex SHA-256); progress is told the running byte count. */
    static Manifest.FileEntry copy(String name, InputStream in, OutputStream out, LongConsumer progress) throws IOException {
        var digest = sha256();
        var buffer = new byte[BUFFER];
        long total = 0;
        for (int read; (read = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, read);
            out.write(buffer, 0, read);
            total += read;
            progress.accept(total);
        }
        return new Manifest.FileEntry(name, total, Sha256Sums.hex(digest.digest()));
    }

    /** Hashes a stream without keeping it. */
    static Manifest.FileEntry hash(String name, InputStream in) throws IOException {
        return copy(name, in, OutputStream.nullOutputStream(), bytes -> {});
    }
}
