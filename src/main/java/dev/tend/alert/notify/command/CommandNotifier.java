package dev.tend.alert.notify.command;

import dev.tend.alert.notify.Delivery;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Notifier;
import dev.tend.store.JsonColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the program once per notification, the message as JSON on stdin. Exit 0 is delivered; exit
 * 75 (EX_TEMPFAIL) or running past the timeout is tried again (the process tree is killed);
 * any other exit is refused. The first 500 characters of its output are the answer.
 */
final class CommandNotifier implements Notifier {
    static final int TRY_AGAIN = 75;
    private final String name;
    private final List<String> argv;
    private final Duration timeout;

    CommandNotifier(String name, List<String> argv, Duration timeout) {
        this.name = name;
        this.argv = argv;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration attemptBound() {
        return timeout.plusSeconds(5); // the run, then stopping its process tree
    }

    @Override
    public String describe() {
        return "command " + argv.get(0);
    }

    @Override
    public Delivery send(Message message, Instant now) {
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Delivery.Refused("cannot start " + argv.get(0) + ": " + dev.tend.check.Failures.describe(e));
        }
        try {
            try (var stdin = process.getOutputStream()) {
                stdin.write(JsonColumns.write(message).getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // it did not read all of it; its exit code still says whether it took it
            }
            var output = process.getInputStream();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Delivery.Retry(argv.get(0) + " ran past " + timeout.toSeconds() + " s and was stopped", Optional.empty());
            }
            var answer = "exit " + process.exitValue() + ": " + brief(new String(output.readNBytes(2000), StandardCharsets.UTF_8));
            return switch (process.exitValue()) {
                case 0 -> new Delivery.Delivered(answer);
                case TRY_AGAIN -> new Delivery.Retry(answer, Optional.empty());
                default -> new Delivery.Refused(answer);
            };
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Delivery.Retry("interrupted", Optional.empty());
        } catch (IOException e) {
            return new Delivery.Retry("cannot read the output of " + argv.get(0), Optional.empty());
        }
    }

    private static String brief(String output) {
        var text = output.strip().replaceAll("\\s+", " ");
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
