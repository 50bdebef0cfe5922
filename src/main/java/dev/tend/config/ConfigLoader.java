package dev.tend.config;

import dev.tend.config.spec.ConfigProblem;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.ReadContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads tend.yaml strictly: YAML syntax, then shape (unknown keys, wrong types), then meaning
 * (duplicate names, dangling references). Every problem is collected; none is thrown alone.
 */
public final class ConfigLoader {
    /** A large platform's tend.yaml is tens of KiB; past this it is the wrong file (a log, a dump), and reading it costs seconds. */
    static final long MAX_FILE_BYTES = 1024L * 1024;
    private final ConfigSections sections;
    private final Function<String, String> environment;
    private final boolean deferSecrets;
    private ObjectSpec schema;

    public ConfigLoader(ConfigSections sections, Function<String, String> environment) {
        this(sections, environment, false);
    }

    private ConfigLoader(ConfigSections sections, Function<String, String> environment, boolean deferSecrets) {
        this.sections = sections;
        this.environment = environment;
        this.deferSecrets = deferSecrets;
    }

    /**
     * A loader that checks everything but leaves well-formed secret references unresolved, noting
     * each; its configs are for validation only (revealing an unresolved secret fails).
     */
    public ConfigLoader withoutSecrets() {
        return new ConfigLoader(sections, environment, true);
    }

    /** A valid configuration and what is worth noting about it (secrets left unresolved). */
    public record Loaded(TendConfig config, List<ConfigProblem> notes) {}

    public TendConfig load(Path file) throws ConfigException {
        return loadWithNotes(file).config();
    }

    public Loaded loadWithNotes(Path file) throws ConfigException {
        String text;
        try {
            // Read no more than a config can be: a wrong -c (a log, a dump) must not fill the heap first.
            if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw single(file, "the file is " + Files.size(file) / 1024 + " KiB; a tend.yaml is at most "
                        + MAX_FILE_BYTES / 1024 + " KiB", "check that -c names the configuration file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(file, "no configuration file here", "create one (see examples/) or pass -c PATH / set TEND_CONFIG");
        } catch (java.nio.charset.MalformedInputException e) {
            throw single(file, "the file is not UTF-8 text", "save it as UTF-8");
        } catch (IOException e) {
            throw single(file, "cannot read the file: " + e.getMessage(), "check that it exists and that tend may read it");
        }
        return parseWithNotes(text, file);
    }

    public TendConfig parse(String text, Path source) throws ConfigException {
        return parseWithNotes(text, source).config();
    }

    private Loaded parseWithNotes(String text, Path source) throws ConfigException {
        var problems = new Problems(source.toString());
        try {
            return read(text, source, problems);
        } catch (RuntimeException | StackOverflowError bug) {
            // Tend's fault, not the file's (the fuzz test hunts these): still a located answer and exit 2,
            // with what was found so far, never a stack trace.
            org.slf4j.LoggerFactory.getLogger(ConfigLoader.class).debug("checking {} failed", source, bug);
            problems.at((org.snakeyaml.engine.v2.nodes.Node) null, "", "an error in Tend stopped the check of this file",
                    "fix the other problems, if any, and report this with the file");
            throw new ConfigException(problems.sorted());
        }
    }

    private Loaded read(String text, Path source, Problems problems) throws ConfigException {
        var root = YamlDocument.compose(text, problems);
        if (root == null) throw new ConfigException(problems.sorted());
        var secrets = new SecretResolver(environment, deferSecrets);
        var fields = (Fields) schema().read(root, "", new ReadContext(problems, secrets, baseDirectory(source)));
        if (fields == null) throw new ConfigException(problems.sorted());

        var platform = fields.has("platform") ? platform(fields.object("platform"), problems) : null;
        var zone = platform == null ? ZoneId.of("UTC") : platform.timezone();
        var bound = bind(fields, zone, baseDirectory(source), problems);
        var store = fields.has("store") ? StoreSpec.read(fields.object("store"), problems) : StoreSettings.sqlite(StoreSettings.DEFAULT_SQLITE);
        var runner = fields.object("runner");
        if (!problems.isEmpty() || platform == null || store == null || runner == null || !runner.has("concurrency")) {
            throw new ConfigException(problems.sorted());
        }
        return new Loaded(new TendConfig(source, platform, (int) runner.whole("concurrency"), store, secrets.redactor(),
                Collections.unmodifiableMap(bound)), problems.notes());
    }

    /** Every registered section in its order, each seeing the ones before it; every problem is collected. */
    private Map<String, Object> bind(Fields fields, ZoneId zone, Path baseDirectory, Problems problems) {
        var bound = new LinkedHashMap<String, Object>();
        var names = new HashMap<String, Set<String>>();
        for (var section : sections.inOrder()) {
            var key = section.key().name();
            var settings = section.bind(new SectionBinding(fields.value(key), problems, zone, baseDirectory, bound, names));
            bound.put(key, settings);
            names.put(key, namesOf(section, settings));
        }
        return bound;
    }

    @SuppressWarnings("unchecked")
    private static <T> Set<String> namesOf(ConfigSection<T> section, Object settings) {
        return settings == null ? Set.of() : section.names((T) settings);
    }

    /** Built on first use and kept: the same loader validates many files in tests and tools. */
    private ObjectSpec schema() {
        if (schema == null) schema = ConfigSchema.root(sections);
        return schema;
    }

    private static Path baseDirectory(Path source) {
        var parent = source.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private static PlatformSettings platform(Fields platform, Problems problems) {
        if (platform.string("name") == null || platform.string("timezone") == null) return null; // already reported
        try {
            return new PlatformSettings(platform.string("name"), ZoneId.of(platform.string("timezone")));
        } catch (DateTimeException e) {
            problems.at(platform.nodeOf("timezone"), platform.pathOf("timezone"),
                    "unknown time zone '" + platform.string("timezone") + "'", "use an IANA name such as UTC or Europe/Berlin");
            return null;
        }
    }

    private static ConfigException single(Path file, String message, String hint) {
        return new ConfigException(List.of(new ConfigProblem(file.toString(), 1, 1, "", message, hint)));
    }

}
