package dev.tend.config.spec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A file system path, read as a {@link Path}; optionally required to be absolute. A relative path
 * is taken relative to the configuration file, so a config means the same from any directory.
 */
public record PathSpec(boolean absolute) implements Spec {

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var text = (String) StringSpec.any().read(node, path, context);
        if (text == null) return null;
        try {
            var value = Path.of(text);
            if (absolute && !value.isAbsolute()) {
                context.problems().at(node, path, "\"" + text + "\" is not an absolute path", "start it with /, e.g. /var/lib/docker");
                return null;
            }
            return value.isAbsolute() ? value : context.baseDirectory().resolve(value).normalize();
        } catch (InvalidPathException e) {
            context.problems().at(node, path, "not a valid path: " + e.getReason(), null);
            return null;
        }
    }

    @Override
    public Map<String, Object> jsonSchema() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "string");
        if (absolute) schema.put("pattern", "^/");
        return schema;
    }

    @Override
    public String expected() {
        return absolute ? "an absolute path" : "a path";
    }
}
