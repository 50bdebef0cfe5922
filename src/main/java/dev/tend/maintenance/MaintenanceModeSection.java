package dev.tend.maintenance;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.StringSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code maintenanceMode: {file: /etc/nginx/maintenance.on}} or {@code {url: ..., method: POST}}: configured once for the platform. */
public final class MaintenanceModeSection implements ConfigSection<MaintenanceModeSettings> {
    public static final SectionKey<MaintenanceModeSettings> KEY = new SectionKey<>(dev.tend.action.ActionType.Lookup.MAINTENANCE_MODE);

    public static Optional<MaintenanceModeSettings> of(TendConfig config) {
        return Optional.ofNullable(config.section(KEY));
    }

    @Override
    public SectionKey<MaintenanceModeSettings> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.optional("maintenanceMode", ObjectSpec.of("how the platform shows users it is under maintenance",
                Field.optional("file", new PathSpec(true), "a flag file the platform's nginx checks (examples/nginx/maintenance.conf): present = maintenance"),
                Field.optional("url", StringSpec.any(), "instead: the application's switch, called with {\"maintenance\": true|false}"),
                Field.withDefault("method", EnumSpec.of("POST", "PUT"), "POST", "url: the method"),
                Field.optional("token", new SecretSpec(), "url: a bearer token, a secret"),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofMinutes(5)), "10s", "url: the call's timeout")),
                "maintenanceMode: {file: /etc/nginx/maintenance.on}");
    }

    @Override
    public List<String> after() {
        return List.of();
    }

    /** "on" when configured: what action lookups see of this section (templates use it). */
    @Override
    public java.util.Set<String> names(MaintenanceModeSettings settings) {
        return settings == null ? java.util.Set.of() : java.util.Set.of("on");
    }

    @Override
    public MaintenanceModeSettings bind(SectionBinding binding) {
        var fields = binding.fields();
        if (fields == null) return null;
        if (fields.has("file") == fields.has("url")) {
            binding.problems().at(fields.node(), fields.path(), "maintenanceMode needs exactly one of file or url",
                    "e.g. file: /etc/nginx/maintenance.on");
            return null;
        }
        Optional<URI> url = Optional.empty();
        if (fields.has("url")) {
            try {
                var parsed = new URI(fields.string("url"));
                if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme()) || parsed.getHost() == null) {
                    throw new java.net.URISyntaxException(fields.string("url"), "not an http(s) URL with a host");
                }
                url = Optional.of(parsed);
            } catch (java.net.URISyntaxException e) {
                binding.problems().at(fields.nodeOf("url"), fields.pathOf("url"), "not a URL: " + e.getReason(), "e.g. https://app.internal/admin/maintenance");
                return null;
            }
        }
        return new MaintenanceModeSettings(Optional.ofNullable(fields.value("file")), url, fields.string("method"), fields.secret("token"),
                fields.duration("timeout"));
    }
}
