package dev.tend.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a command on this machine. Its environment is only what it is given (plus PATH, HOME,
 * LANG and TZ from Tend's), so Tend's own secrets are not handed to every script. At its timeout
 * the whole process tree is stopped: TERM to every process, then KILL after a grace period to any
 * still there.
 */
public final class LocalCommand {
    private static final List<String> PASSED_THROUGH = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER");
    private static final Duration GRACE = Duration.ofSeconds(2);

    private LocalCommand() {}

    public static CommandResult run(CommandSettings settings, Function<String, String> environment) throws Exception {
        var builder = new ProcessBuilder(settings.processArgv()).redirectErrorStream(true);
        settings.dir().ifPresent(dir -> builder.directory(dir.toFile()));
        Map<String, String> env = builder.environment();
        env.clear();
        for (var name : PASSED_THROUGH) {
            var value = environment.apply(name);
            if (value != null) env.put(name, value);
        }
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        settings.env().forEach((name, secret) -> env.put(name, secret.reveal()));
        long start = System.nanoTime();
        var process = builder.start();
        process.getOutputStream().close(); // no input: a command that asks a question gets EOF, not a hang
        var output = new CappedOutput(settings.outputLimit());
        var reader = Thread.ofVirtual().start(() -> output.readAll(process.getInputStream()));
        boolean finished;
        try {
            finished = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            stopTree(process);
            throw e;
        }
        if (!finished) stopTree(process);
        // A grandchild that escaped the kill could hold the pipe open: do not wait on it for long.
        reader.join(GRACE.toMillis());
        if (reader.isAlive()) process.getInputStream().close();
        var took = Duration.ofNanos(System.nanoTime() - start);
        return new CommandResult(finished ? process.exitValue() : -1, output.text(), output.dropped(), !finished, took);
    }

    /** TERM to the process and everything it started (taken before the parent dies: orphans leave the tree), then KILL. */
    static void stopTree(Process process) throws InterruptedException {
        var tree = new ArrayList<ProcessHandle>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessHandle::isAlive)) Thread.sleep(50);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
