package dev.tend.grafana;

import dev.tend.config.spec.Field;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.HttpUrls;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.util.List;

/** {@code type: grafana}: health as a check; its dashboards exported by grafana.export. */
public final class GrafanaTargetType implements TargetType {

    @Override
    public String name() {
        return "grafana";
    }

    @Override
    public String summary() {
        return "a Grafana: health, and its dashboards exported (grafana.export) like a backup";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("url", StringSpec.any(), "its HTTP address, e.g. http://127.0.0.1:3000/"),
                Field.optional("token", new SecretSpec(), "a service account token (Viewer is enough), a secret"),
                Field.required("exportTo", new PathSpec(false), "directory for the dated exports"),
                Field.withDefault("keep", NumberSpec.whole(1, 10_000), "30", "exports kept; older ones are removed after a new one"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        var url = HttpUrls.read(binding, "url", "http://127.0.0.1:3000/");
        if (url == null) return null;
        if (fields.value("exportTo") == null) return null;
        return new GrafanaTarget(binding.settings(), url, fields.secret("token"), fields.value("exportTo"), (int) fields.whole("keep"));
    }
}
