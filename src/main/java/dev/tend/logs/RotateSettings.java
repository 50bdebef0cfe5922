package dev.tend.logs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code rotate:} of a log source. A current file is rotated when it reached {@code maxSize} or its
 * last rotation is {@code every} old; by rename, then the writer told to reopen (a signal to the pid
 * in {@code pidFile}, or to a container through its engine), or by copy and truncate for a writer
 * that cannot reopen. Rotated files are
 * named as logrotate names them ({@code .1}, or with {@code dateext} {@code -YYYYMMDD}), compressed
 * after {@code compressAfter}, deleted after {@code deleteAfter}, at most {@code keep} kept.
 */
public record RotateSettings(Optional<Long> maxSize, Optional<Duration> every, int keep, Optional<Duration> compressAfter, Optional<Duration> deleteAfter,
        boolean dateext, Method method, Optional<Path> pidFile, Optional<LogSourceSettings.Container> container, String signal) {

    public enum Method { RENAME, COPYTRUNCATE }
}
