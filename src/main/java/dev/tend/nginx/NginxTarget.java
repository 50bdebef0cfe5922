package dev.tend.nginx;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Verdict;
import dev.tend.command.CommandResult;
import dev.tend.command.CommandSettings;
import dev.tend.command.ContainerCommand;
import dev.tend.command.LocalCommand;
import dev.tend.config.TendConfig;
import dev.tend.docker.DockerTarget;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import dev.tend.target.TargetsSection;
import dev.tend.task.Impact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An nginx Tend can test and reload: on this machine ({@code argv}, e.g. [nginx] or [nginx, -c,
 * /etc/nginx/nginx.conf]) or in a container (through the Engine API's exec). Its check is
 * {@code nginx -t}: a configuration that would fail the next reload is found before the reload.
 */
public record NginxTarget(TargetSettings settings, List<String> argv, Optional<CommandSettings.InContainer> container) implements Target {
    private static final java.util.regex.Pattern STAMP = java.util.regex.Pattern.compile("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d \\[(\\w+)] \\d+#\\d+: ");

    @Override
    public List<Check> checks(CheckContext context) {
        return List.of(new Check() {
            @Override
            public String name() {
                return "config";
            }

            @Override
            public Verdict run(Duration timeout) throws Exception {
                if (container.isPresent()) return Verdict.builder().ok("in container " + container.get().container() + ": tested by nginx.test");
                var result = LocalCommand.run(command(List.of("-t"), timeout), System::getenv);
                return result.succeeded(Set.of(0)) ? Verdict.builder().ok(summary(result)) : Verdict.builder().crit(summary(result));
            }
        });
    }

    /** nginx with these arguments (-t, -s reload) as a command of its own kind. */
    CommandSettings command(List<String> arguments, Duration timeout) {
        var full = new ArrayList<>(argv);
        full.addAll(arguments);
        return new CommandSettings(List.copyOf(full), false, Optional.empty(), Map.of(), timeout, Set.of(0), Impact.ONLINE, Optional.of(name()),
                16 * 1024, container);
    }

    /** Runs nginx with these arguments, here or in its container. */
    CommandResult run(TendConfig config, List<String> arguments, Duration timeout) throws Exception {
        var settings = command(arguments, timeout);
        if (container.isEmpty()) return LocalCommand.run(settings, System::getenv);
        var docker = (DockerTarget) TargetsSection.named(config, container.get().dockerTarget()).orElseThrow();
        return ContainerCommand.run(docker.socket(), settings);
    }

    /** nginx's verdict in one line: the [emerg] line when it failed, its "test is successful" when not. */
    static String summary(CommandResult result) {
        var lines = result.output().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (result.timedOut()) return "nginx -t did not finish: " + result.summary(Duration.ZERO);
        var telling = lines.stream().filter(line -> line.contains("[emerg]") || line.contains("[crit]")).findFirst()
                .or(() -> lines.stream().filter(line -> line.contains("test is successful") || line.contains("test failed")).findFirst())
                .orElse(lines.isEmpty() ? "exit " + result.exitCode() : lines.getLast());
        // "2026/12/01 08:53:42 [emerg] 13642#13642: unknown directive ..." when nginx logs to stderr: the level and the message are what count.
        telling = STAMP.matcher(telling).replaceFirst("[$1] ");
        return telling.startsWith("nginx: ") ? telling.substring(7) : telling;
    }
}
