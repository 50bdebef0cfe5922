package dev.tend.backup;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** manifest.json: readable by people and by jq, so a backup explains itself without Tend. */
final class ManifestJson {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ManifestJson() {}

    static byte[] write(Manifest manifest) {
        return (JSON.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static Manifest read(byte[] bytes, String where) {
        try {
            var manifest = JSON.readValue(bytes, Manifest.class);
            if (manifest.id() == null || manifest.files() == null || !Manifest.VERSION.equals(manifest.manifestVersion())) {
                throw new BackupException(where + ": not a Tend backup manifest (" + Manifest.VERSION + ")");
            }
            return manifest;
        } catch (JacksonException e) {
            throw new BackupException(where + ": the manifest is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
