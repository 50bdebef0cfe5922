package dev.tend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.spec.ConfigProblem;
import dev.tend.registry.BuiltIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backups: section is as strict as the rest of tend.yaml: every mistake, where it is, at once. */
class BackupConfigTest {
    private static final String TARGETS = """
            platform: { name: Lab }
            targets:
              - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:5432/app" }
              - { name: web, type: http, url: "http://127.0.0.1:8000/health" }
              - { name: objects, type: s3, endpoint: "http://127.0.0.1:9000", bucket: files }
            """;

    @Test
    void aMinimalBackupTakesTheRunbookDefaults() throws Exception {
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse(TARGETS + """
                backups:
                  - { name: db, target: db, destination: backups }
                """, Path.of("/etc/tend/tend.yaml"));
        var backup = BackupsSection.named(config, "db").orElseThrow();
        assertThat(backup.location()).isEqualTo(new BackupLocation.Local(Path.of("/etc/tend/backups")));
        assertThat(backup.retention().daily().toDays()).isEqualTo(30);
        assertThat(backup.retention().weekly().toDays()).isEqualTo(90);
        assertThat(backup.retention().monthly()).isEmpty();
        assertThat(backup.format()).isEqualTo(BackupSettings.DumpFormat.CUSTOM);
        assertThat(backup.exactRowCounts()).isTrue();
        assertThat(backup.timeout().toHours()).isEqualTo(6);
        assertThat(backup.freshness().crit()).isEqualTo(50 * 3600);
    }

    @Test
    void everyMistakeIsReportedWithItsLine() {
        var problems = problems(TARGETS + """
                backups:
                  - { name: a, target: dbb, destination: /b }
                  - { name: b, target: web, destination: /b }
                  - { name: c, target: db, destination: "s3://files/x" }
                  - { name: d, target: db, destination: "s3://Bad_Bucket/x", s3: objects }
                  - { name: e, target: db, destination: "s3://files/x", s3: db }
                  - { name: a, target: db, destination: /b }
                  - { name: f, target: db, destination: /b, retention: { daily: 30d, weekly: 7d } }
                  - { name: g, target: db, destination: /b, format: tar, frequency: daily }
                """);
        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::message).contains(
                org.assertj.core.groups.Tuple.tuple(7, "no target named 'dbb'"),
                org.assertj.core.groups.Tuple.tuple(8, "'web' is a http target; backups are of postgres or redis targets"),
                org.assertj.core.groups.Tuple.tuple(9, "an s3:// destination needs s3: <an s3 target>"),
                org.assertj.core.groups.Tuple.tuple(10, "'Bad_Bucket' is not a valid bucket name"),
                org.assertj.core.groups.Tuple.tuple(11, "'db' is a postgres target; s3 needs an s3 target"),
                org.assertj.core.groups.Tuple.tuple(12, "duplicate backup name 'a'"),
                org.assertj.core.groups.Tuple.tuple(13, "weekly retention is shorter than daily"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem.line()).isEqualTo(14));
        assertThat(problems.stream().filter(problem -> problem.line() == 14).map(ConfigProblem::message).toList())
                .anySatisfy(message -> assertThat(message).contains("frequency"));
    }

    @Test
    void aBackupOfATargetWithItsOwnErrorAddsNoSecondOne() {
        var problems = problems("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://tend:secret@127.0.0.1/app" }
                backups:
                  - { name: db, target: db, destination: /b }
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).isEqualTo("the URL contains a password");
    }

    private static List<ConfigProblem> problems(String yaml) {
        return dev.tend.config.ConfigErrors.of(yaml);
    }
}
