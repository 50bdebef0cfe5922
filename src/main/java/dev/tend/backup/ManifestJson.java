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

    /** Reads and checks a manifest found in the folder named {@code folder}: its id must be that name. */
    static Manifest read(byte[] bytes, String where, String folder) {
        try {
            var manifest = JSON.readValue(bytes, Manifest.class);
            if (manifest.id() == null || manifest.files() == null || manifest.files().isEmpty() || manifest.startedAt() == null
                    || !Manifest.VERSION.equals(manifest.manifestVersion())) {
                throw new BackupException(where + ": not a Tend backup manifest (" + Manifest.VERSION + ")");
            }
            if (!manifest.id().equals(folder)) {
                throw new BackupException(where + ": the manifest names backup " + manifest.id() + " but lies in " + folder);
            }
            for (var file : manifest.files()) {
                // Names become paths and keys: nothing may point outside the backup.
                var name = file.name();
                if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\") || java.util.Arrays.asList(name.split("/")).contains("..")) {
                    throw new BackupException(where + ": file name '" + name + "' points outside the backup");
                }
            }
            return manifest;
        } catch (JacksonException e) {
            throw new BackupException(where + ": the manifest is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
