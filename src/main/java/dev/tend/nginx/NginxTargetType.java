package dev.tend.nginx;

import dev.tend.command.CommandSettings;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.util.List;
import java.util.Optional;

/** {@code type: nginx}: the web server nginx.test and nginx.reload act on (and tls.renew reloads). */
public final class NginxTargetType implements TargetType {

    @Override
    public String name() {
        return "nginx";
    }

    @Override
    public String summary() {
        return "an nginx to test (nginx -t) and reload, on this machine or in a container";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.withDefault("argv", ListSpec.nonEmpty(StringSpec.any()), "[nginx]",
                        "how to call nginx, before -t or -s reload (e.g. [nginx, -c, /etc/nginx/nginx.conf])"),
                Field.optional("container", ObjectSpec.of("nginx in a container",
                        Field.required("target", StringSpec.any(), "the docker target"),
                        Field.required("name", StringSpec.any(), "the container's name")), "instead of this machine: run nginx in this container"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        List<String> argv = fields.list("argv");
        if (argv == null || argv.contains(null)) return null;
        Optional<CommandSettings.InContainer> container = Optional.empty();
        if (fields.has("container")) {
            var inside = fields.object("container");
            if (inside.string("target") == null || inside.string("name") == null) return null;
            container = Optional.of(new CommandSettings.InContainer(inside.string("target"), inside.string("name"), Optional.empty()));
        }
        return new NginxTarget(binding.settings(), List.copyOf(argv), container);
    }
}
