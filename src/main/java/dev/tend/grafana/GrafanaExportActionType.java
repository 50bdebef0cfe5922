package dev.tend.grafana;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.action.TargetOperation;
import dev.tend.check.Measurement;
import dev.tend.check.Units;
import dev.tend.task.Impact;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code grafana.export TARGET}: the runbooks' "export Grafana dashboards", through Grafana's HTTP
 * API (/api/search, then /api/dashboards/uid/UID), into a dated directory with {@code SHA256SUMS},
 * written under a temporary name and renamed when complete (an export is whole or absent), the
 * oldest beyond {@code keep} removed.
 */
public final class GrafanaExportActionType implements ActionType {
    private static final String NAME = "grafana.export";
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " GRAFANA-TARGET";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of(), Set.of());
        arguments.positional(1);
        return new Export(arguments.target(0, lookup, GrafanaTarget.class, "grafana"));
    }

    private record Export(GrafanaTarget target) implements TargetOperation {
        @Override
        public String action() {
            return NAME;
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            var timeout = target.settings().timeout();
            var found = target.get("/api/search?type=dash-db&limit=5000", timeout);
            var name = STAMP.format(context.clock().instant());
            var destination = target.exportTo().resolve(name);
            outcome.object(destination.toString()).before(new Measurement("dashboards", found.size(), "dashboards"));
            if (outcome.dryRun()) {
                found.forEach(hit -> outcome.step(hit.path("folderTitle").asString("General") + "/" + hit.path("uid").asString() + ": " + hit.path("title").asString()));
                outcome.plan("would export " + found.size() + " dashboards to " + destination);
                return;
            }
            Files.createDirectories(target.exportTo());
            var partial = target.exportTo().resolve("." + name + ".partial");
            var sums = new ArrayList<String>();
            long bytes = 0;
            try {
                for (var hit : found) {
                    var uid = hit.path("uid").asString();
                    var dashboard = target.get("/api/dashboards/uid/" + java.net.URLEncoder.encode(uid, StandardCharsets.UTF_8), timeout).path("dashboard");
                    var relative = safe(hit.path("folderTitle").asString("General")) + "/" + safe(uid) + ".json";
                    var file = partial.resolve(relative);
                    Files.createDirectories(file.getParent());
                    var content = PRETTY.writeValueAsBytes(dashboard);
                    Files.write(file, content);
                    bytes += content.length;
                    var sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
                    sums.add(sum + "  " + relative);
                    outcome.step(relative + " (" + dashboard.path("title").asString() + ", version " + dashboard.path("version").asLong() + ") " + sum.substring(0, 12));
                }
                Files.writeString(partial.resolve("SHA256SUMS"), String.join("\n", sums) + (sums.isEmpty() ? "" : "\n"));
                Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE);
            } catch (Exception e) {
                delete(partial);
                throw e;
            }
            outcome.after(new Measurement("dashboards", sums.size(), "dashboards")).after(new Measurement("bytes", bytes, "bytes"));
            var removed = prune();
            removed.forEach(old -> outcome.step("removed the old export " + old.getFileName()));
            outcome.succeed("exported " + sums.size() + " dashboards (" + Units.bytes(bytes) + ") to " + destination + " with SHA256SUMS"
                    + (removed.isEmpty() ? "" : "; removed " + removed.size() + " old export(s), keeping " + target.keep()));
        }

        /** Removes the oldest exports beyond keep; only directories named as exports are touched. */
        private List<Path> prune() throws java.io.IOException {
            List<Path> exports;
            try (var listing = Files.list(target.exportTo())) {
                exports = listing.filter(Files::isDirectory).filter(path -> path.getFileName().toString().matches("\\d{8}T\\d{6}Z")).sorted().toList();
            }
            var removed = new ArrayList<Path>();
            for (int i = 0; i < exports.size() - target.keep(); i++) {
                delete(exports.get(i));
                removed.add(exports.get(i));
            }
            return removed;
        }

        private static String safe(String name) {
            var cleaned = name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
            return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
        }

        private static void delete(Path directory) throws java.io.IOException {
            if (!Files.exists(directory)) return;
            try (var walk = Files.walk(directory)) {
                for (var path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
            }
        }
    }
}
