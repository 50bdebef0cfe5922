package dev.tend.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:/path}} references and remembers every value it
 * resolved, so a {@link Redactor} can later scrub them from anything Tend prints.
 */
public final class SecretResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-z]+):(.*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long MAX_FILE_BYTES = 64 * 1024;
    private static final String FORMS = "write \"${env:NAME}\" or \"${file:/absolute/path}\"";

    private final Function<String, String> environment;
    private final boolean deferReferences;
    private final List<String> resolved = new ArrayList<>();

    public SecretResolver(Function<String, String> environment) {
        this(environment, false);
    }

    /**
     * @param deferReferences when true (tend validate --without-secrets), a well-formed reference is
     *     not looked up: it yields an unresolved secret and a note, so a config can be validated in
     *     CI where production secrets are absent. A malformed reference is still a problem.
     */
    public SecretResolver(Function<String, String> environment, boolean deferReferences) {
        this.environment = environment;
        this.deferReferences = deferReferences;
    }

    public static SecretResolver fromSystem() {
        return new SecretResolver(System::getenv);
    }

    /** The outcome of resolving one value: a secret, or a problem with a hint; a deferred secret carries a note. */
    public record Resolution(Secret secret, String problem, String hint, String note) {
        static Resolution ok(Secret secret) {
            return new Resolution(secret, null, null, null);
        }

        static Resolution fail(String problem, String hint) {
            return new Resolution(null, problem, hint, null);
        }

        static Resolution deferred(String reference, String what) {
            return new Resolution(Secret.unresolved(reference), null, null, "secret not resolved (--without-secrets): " + what);
        }
    }

    /**
     * Resolves one value. A failure still carries an unresolved secret: the problem fails the load
     * anyway, and the rest of the file is checked as if the secret were there, so one unset variable
     * reads as one problem, not as every backup, schedule and runbook of its target gone missing.
     */
    public Resolution resolve(String text) {
        var resolution = lookUp(text);
        return resolution.problem() == null ? resolution
                : new Resolution(Secret.unresolved(text), resolution.problem(), resolution.hint(), null);
    }

    private Resolution lookUp(String text) {
        if (!text.contains("${")) {
            return remember(text, "<literal secret>");
        }
        var matcher = REFERENCE.matcher(text);
        if (!matcher.matches()) {
            return Resolution.fail("a secret reference must be the whole value and look like ${source:name}", FORMS);
        }
        var source = matcher.group(1);
        var name = matcher.group(2);
        return switch (source) {
            case "env" -> fromEnvironment(name, text);
            case "file" -> fromFile(name, text);
            default -> Resolution.fail("unknown secret source '" + source + "'", FORMS);
        };
    }

    private Resolution fromEnvironment(String name, String reference) {
        if (!ENV_NAME.matcher(name).matches()) {
            return Resolution.fail("'" + name + "' is not an environment variable name", FORMS);
        }
        if (deferReferences) return Resolution.deferred(reference, "environment variable " + name);
        var value = environment.apply(name);
        if (value == null || value.isEmpty()) {
            return Resolution.fail("environment variable " + name + " is not set", "export " + name + " before running tend; to check the rest without secrets: tend validate --without-secrets");
        }
        return remember(value, reference);
    }

    private Resolution fromFile(String name, String reference) {
        var path = Path.of(name);
        if (!path.isAbsolute()) {
            return Resolution.fail("secret file path '" + name + "' is not absolute", FORMS);
        }
        if (deferReferences) return Resolution.deferred(reference, "file " + name);
        try {
            if (!Files.isRegularFile(path)) {
                return Resolution.fail("secret file " + name + " does not exist or is not a regular file", null);
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                return Resolution.fail("secret file " + name + " is larger than " + MAX_FILE_BYTES / 1024 + " KiB", null);
            }
            var value = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) return Resolution.fail("secret file " + name + " is empty", null);
            return remember(value, reference);
        } catch (IOException | SecurityException e) {
            // Named in words, not by the exception: its message is left out so nothing of the file can show.
            var why = e instanceof java.nio.file.AccessDeniedException || e instanceof SecurityException ? "permission denied" : "read error";
            return Resolution.fail("cannot read secret file " + name + " (" + why + ")",
                    "check that the file exists and that tend may read it");
        }
    }

    private Resolution remember(String value, String source) {
        resolved.add(value);
        return Resolution.ok(new Secret(value, source));
    }

    public Redactor redactor() {
        return new Redactor(resolved);
    }
}
