package dev.tend.cli;

import dev.tend.backup.BackupService;
import dev.tend.backup.BackupSettings;
import dev.tend.backup.Manifest;
import dev.tend.backup.Verification;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** How backups, verifications and prune decisions are shown: a table for people, JSON for machines. */
final class BackupOutput {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupOutput() {}

    static void created(BackupService.Created created, boolean json, PrintWriter out) {
        var manifest = created.manifest();
        if (json) {
            var row = backup(manifest);
            row.put("cleaned", created.cleaned());
            out.println(JSON.writeValueAsString(row));
        } else {
            created.cleaned().forEach(path -> out.println("removed leftover " + path));
            out.println("backup " + manifest.backup() + " " + manifest.id() + ": " + size(manifest.sizeBytes()) + ", "
                    + counts(manifest) + ", SHA-256 " + manifest.sha256().substring(0, 16) + "…, in "
                    + seconds(Duration.between(manifest.startedAt(), manifest.finishedAt())));
        }
        out.flush();
    }

    static void list(BackupSettings settings, List<BackupService.Listing> listings, List<String> leftovers, List<String> damaged, boolean json,
            PrintWriter out) {
        if (json) {
            var rows = listings.stream().map(listing -> {
                var row = backup(listing.manifest());
                row.put("verification", listing.lastVerification().map(BackupOutput::verificationRow).orElse(null));
                return row;
            }).toList();
            var document = new LinkedHashMap<String, Object>();
            document.put("backup", settings.name());
            document.put("destination", settings.location().describe());
            document.put("backups", rows);
            document.put("incomplete", leftovers);
            document.put("damaged", damaged);
            out.println(JSON.writeValueAsString(document));
        } else {
            out.printf("%-20s %-20s %-8s %10s %-24s %s%n", "ID", "STARTED", "CLASS", "SIZE", "CONTENT", "VERIFIED");
            for (var listing : listings) {
                var manifest = listing.manifest();
                out.printf("%-20s %-20s %-8s %10s %-24s %s%n", manifest.id(), manifest.startedAt().toString().substring(0, 19) + "Z",
                        manifest.retentionClass(), size(manifest.sizeBytes()), counts(manifest),
                        listing.lastVerification().map(v -> (v.passed() ? "passed " : "FAILED ") + v.startedAt().toString().substring(0, 19) + "Z")
                                .orElse("never"));
            }
            if (listings.isEmpty()) out.println("(no complete backups in " + settings.location().describe() + ")");
            leftovers.forEach(leftover -> out.println("incomplete (not a backup; removed by the next create or prune): " + leftover));
            damaged.forEach(backup -> out.println("damaged (not counted, never deleted by Tend; inspect it): " + backup));
        }
        out.flush();
    }

    static void verification(Verification verification, boolean json, PrintWriter out) {
        if (json) {
            out.println(JSON.writeValueAsString(verificationRow(verification)));
        } else {
            out.println(verification.kind() + " of " + verification.backup() + " " + verification.backupId() + ": " + verification.summary());
            out.println("  checksums " + seconds(verification.checksumTime()) + ", restore " + seconds(verification.restoreTime())
                    + ", total " + seconds(verification.duration()));
            verification.queries().forEach((query, value) -> out.println("  " + query + " → " + value));
            verification.problems().forEach(problem -> out.println("  problem: " + problem));
            verification.notes().forEach(note -> out.println("  note: " + note));
        }
        out.flush();
    }

    static void prune(List<dev.tend.backup.Retention.Decision> decisions, boolean dryRun, boolean json, PrintWriter out) {
        if (json) {
            out.println(JSON.writeValueAsString(Map.of("dryRun", dryRun, "decisions", decisions.stream().map(decision -> Map.of(
                    "id", decision.backup().id(), "keep", decision.keep(), "reason", decision.reason())).toList())));
        } else {
            for (var decision : decisions) {
                out.println((decision.keep() ? "keep   " : dryRun ? "would delete " : "deleted ") + decision.backup().id() + "  " + decision.reason());
            }
            long deleted = decisions.stream().filter(decision -> !decision.keep()).count();
            out.println((dryRun ? "would delete " : "deleted ") + deleted + " of " + decisions.size() + " backups");
        }
        out.flush();
    }

    private static Map<String, Object> backup(Manifest manifest) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", manifest.id());
        row.put("backup", manifest.backup());
        row.put("kind", manifest.kind());
        row.put("target", manifest.target());
        row.put("format", manifest.format());
        row.put("startedAt", manifest.startedAt().toString());
        row.put("finishedAt", manifest.finishedAt().toString());
        row.put("class", manifest.retentionClass());
        row.put("sizeBytes", manifest.sizeBytes());
        row.put("sha256", manifest.sha256());
        row.put("rowCounts", manifest.rowCounts());
        row.put("tables", manifest.tables().size());
        row.put("rows", manifest.rows());
        row.put("keys", manifest.keys());
        return row;
    }

    private static Map<String, Object> verificationRow(Verification verification) {
        var row = new LinkedHashMap<String, Object>();
        row.put("backup", verification.backup());
        row.put("id", verification.backupId());
        row.put("kind", verification.kind());
        row.put("passed", verification.passed());
        row.put("startedAt", verification.startedAt().toString());
        row.put("durationMs", verification.duration().toMillis());
        row.put("checksumMs", verification.checksumTime().toMillis());
        row.put("restoreMs", verification.restoreTime().toMillis());
        row.put("tables", verification.tables());
        row.put("rows", verification.rows());
        row.put("queries", verification.queries());
        row.put("problems", verification.problems());
        row.put("notes", verification.notes());
        return row;
    }

    private static String counts(Manifest manifest) {
        if ("redis".equals(manifest.kind())) return manifest.keys().values().stream().mapToLong(Long::longValue).sum() + " keys";
        return plural(manifest.tables().size(), "table") + ", " + plural(manifest.rows(), "row") + (manifest.exactCounts() ? "" : " (estimated)");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String size(long bytes) {
        return dev.tend.check.Units.bytes(bytes);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }
}
