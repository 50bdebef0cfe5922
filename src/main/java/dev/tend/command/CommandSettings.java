package dev.tend.command;

import dev.tend.config.Secret;
import dev.tend.task.Impact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command as tend.yaml gives it ({@code command:}, {@code exec:} or a {@code command} target):
 * the argv (run by a shell only when {@code shell} is set), where and with what environment, how
 * long it may take, which exit codes count as success, and how much output is kept.
 *
 * @param env values are secrets by reference where the user wrote {@code ${env:..}}: resolved
 *     here, redacted from everything Tend keeps or prints
 * @param container for {@code exec:}: the docker target and container it runs in
 */
public record CommandSettings(
        List<String> argv,
        boolean shell,
        Optional<Path> dir,
        Map<String, EnvValue> env,
        Duration timeout,
        Set<Integer> okExitCodes,
        Impact impact,
        Optional<String> target,
        long outputLimit,
        Optional<InContainer> container) {

    /** An environment variable's value: plain text, or a secret (redacted wherever Tend prints). */
    public record EnvValue(String plain, Secret secret) {
        public String reveal() {
            return secret == null ? plain : secret.reveal();
        }
    }

    /** Where an exec runs: the docker target's engine, the container's name or id, and optionally its user. */
    public record InContainer(String dockerTarget, String container, Optional<String> user) {}

    public CommandSettings withTimeout(Duration bound) {
        return new CommandSettings(argv, shell, dir, env, bound, okExitCodes, impact, target, outputLimit, container);
    }

    /** The process's argv: the argv itself, or a POSIX shell running the one script line. */
    public List<String> processArgv() {
        return shell ? List.of("/bin/sh", "-c", argv.getFirst()) : argv;
    }

    /** One line for plans and logs: the argv as typed, quoted where a word has spaces. */
    public String display() {
        return String.join(" ", argv.stream().map(word -> word.isEmpty() || word.matches(".*[\\s\"'$`\\\\].*")
                ? "'" + word.replace("'", "'\\''") + "'" : word).toList());
    }
}
