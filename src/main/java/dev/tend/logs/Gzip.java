package dev.tend.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/** gzip beside the file, as logrotate and find -exec gzip leave it: NAME.gz, readable by zcat, with the file's time. */
public final class Gzip {
    private Gzip() {}

    /** Writes NAME.gz (to a temporary name first, renamed when whole), keeps the time, removes NAME; returns the compressed size. */
    public static long compress(Path file) throws IOException {
        var target = file.resolveSibling(file.getFileName() + ".gz");
        var partial = file.resolveSibling(file.getFileName() + ".gz.tend-partial");
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS); OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.setLastModifiedTime(partial, Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(file);
        return Files.size(target);
    }
}
