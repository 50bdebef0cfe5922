package dev.tend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.DailyRollups;
import dev.tend.check.Measurement;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import dev.tend.testing.MovableClock;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Access reviews on a real PostgreSQL: planted superusers, an expired password, inactive users, a new administrator after a signed review. */
@ExtendWith(PostgresExtension.class)
class AccessReviewTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static PostgresServer postgres;

    @TempDir
    Path directory;

    @BeforeAll
    static void database(PostgresServer server) throws Exception {
        postgres = server;
        postgres.createDatabase("shop");
        postgres.execute("shop", """
                CREATE ROLE shop_admins NOLOGIN;
                CREATE ROLE shop_root LOGIN SUPERUSER;
                CREATE ROLE shop_app LOGIN;
                CREATE ROLE shop_ops LOGIN IN ROLE shop_admins;
                CREATE ROLE shop_report LOGIN VALID UNTIL '2021-01-01';
                CREATE TABLE auth_users (username text, role text, last_login timestamptz, is_superuser boolean);
                """);
        postgres.execute("shop", "INSERT INTO auth_users VALUES ('ana', 'admin', now() - interval '2 days', false), "
                + "('ben', 'analyst', now() - interval '200 days', false), ('cy', 'analyst', NULL, false), ('root', 'admin', now(), true)");
    }

    private Path config() throws Exception {
        return Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Shop }
                targets:
                  - { name: db, type: postgres, url: "%s" }
                accessReviews:
                  - { name: db-roles, target: db, adminRoles: [shop_admins] }
                  - { name: app-users, target: db, users: "SELECT username AS user, role, last_login, is_superuser FROM auth_users",
                      inactiveAfter: 90d, adminRoles: [admin] }
                rotations:
                  - { name: api-keys, every: 90d, owner: Security Team }
                checklists:
                  - name: monthly-security
                    cadence: monthly
                    items:
                      - { id: rotate-api-keys, text: "Rotate the API keys", role: Security Team, evidence: { rotation: api-keys } }
                people:
                  - { name: dana, roles: [Security Team] }
                  - { name: sam, roles: [System Administrator] }
                store: { path: "%s" }
                """.formatted(postgres.url("shop"), directory.resolve("tend.db")));
    }

    /** What tend serve leaves behind: 150 days of the connections check seeing sessions, rolled up day by day. */
    private void seedSessions() {
        var results = new ArrayList<CheckResult>();
        for (int ago = 150; ago >= 1; ago--) {
            var measurements = new ArrayList<Measurement>(List.of(new Measurement("sessions:shop_app", 3, "sessions"),
                    new Measurement("sessions:postgres", 1, "sessions")));
            if (ago >= 120) measurements.add(new Measurement("sessions:shop_report", 1, "sessions"));
            if (ago == 10) measurements.add(new Measurement("sessions:shop_ops", 1, "sessions"));
            results.add(new CheckResult("db", "connections", Status.OK, "ok", measurements, NOW.minus(Duration.ofDays(ago)), Duration.ofMillis(2)));
        }
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            new ResultHistory(store).save(results);
            var rollups = new DailyRollups(store, dev.tend.window.MaintenanceWindows.none());
            var today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
            for (int ago = 151; ago >= 1; ago--) rollups.rollUp(today.minusDays(ago));
        }
    }

    @Test
    void theServersRolesAreReviewedSignedAndANewAdministratorIsFoundNextTime() throws Exception {
        var config = config();
        seedSessions();
        var clock = new MovableClock(NOW);

        var first = TendCli.run(clock, config, "access", "review", "db-roles", "--json");

        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        var review = first.json();
        assertThat(names(review.path("superusers"))).contains("shop_root", "postgres");
        assertThat(names(review.path("admins"))).containsExactly("shop_ops");
        // shop_report was last seen 120 days ago; shop_root never in 150 days of records; the others recently.
        assertThat(names(review.path("inactive"))).contains("shop_report", "shop_root").doesNotContain("shop_app", "shop_ops", "postgres", "shop_admins");
        assertThat(review.path("findings").toString()).contains("shop_report: password expired 2021-01-01");
        assertThat(review.path("changes").isNull()).isTrue();
        var ops = StreamSupport.stream(review.path("accounts").spliterator(), false).filter(account -> account.path("name").asString().equals("shop_ops"))
                .findFirst().orElseThrow();
        assertThat(names(ops.path("roles"))).containsExactly("shop_admins");
        assertThat(ops.path("lastSeen").asString()).startsWith(LocalDate.ofInstant(NOW.minus(Duration.ofDays(10)), ZoneOffset.UTC).toString());

        var wrongRole = TendCli.run(clock, config, "access", "sign", "db-roles", "--as", "sam", "--comment", "looks fine");
        assertThat(wrongRole.exitCode()).isEqualTo(2);
        assertThat(wrongRole.err()).contains("sam does not hold the role Security Team that signs access review db-roles");

        var signed = TendCli.run(clock, config, "access", "sign", "db-roles", "--as", "dana", "--comment", "shop_report to be dropped");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("signed by dana (Security Team): shop_report to be dropped");
        var again = TendCli.run(clock, config, "access", "sign", "db-roles", "--as", "dana", "--comment", "twice");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("is already signed by dana");

        postgres.execute("shop", "CREATE ROLE shop_auditors NOLOGIN; CREATE ROLE shop_intern LOGIN CREATEROLE IN ROLE shop_auditors");
        clock.advance(Duration.ofDays(1));
        var second = TendCli.run(clock, config, "access", "review", "db-roles");

        assertThat(second.out()).contains("new administrators shop_intern").contains("new accounts shop_auditors, shop_intern").contains("new roles shop_auditors")
                .contains("FINDING new administrators since the review signed");
        var stored = TendCli.run(clock, config, "access", "review", "db-roles", "--json").json();
        assertThat(names(stored.path("changes").path("newAdmins"))).containsExactly("shop_intern");
        assertThat(names(stored.path("changes").path("newRoles"))).containsExactly("shop_auditors");
        assertThat(names(stored.path("inactive"))).as("new since the signed review, so never seen: new, not inactive").doesNotContain("shop_intern");
        assertThat(names(stored.path("changes").path("newAccounts"))).containsExactly("shop_auditors", "shop_intern");
        postgres.execute("shop", "DROP ROLE shop_intern; DROP ROLE shop_auditors");
    }

    @Test
    void anApplicationsUsersAreReadByItsQuery() throws Exception {
        var run = TendCli.run(new MovableClock(NOW), config(), "access", "review", "app-users", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        var review = run.json();
        assertThat(names(review.path("inactive"))).containsExactly("ben", "cy");
        assertThat(names(review.path("admins"))).containsExactly("ana");
        assertThat(names(review.path("superusers"))).containsExactly("root");
        assertThat(review.path("roleCounts").path("analyst").asInt()).isEqualTo(2);
        assertThat(review.path("findings").get(0).asString()).isEqualTo("2 accounts inactive for over 90 days: ben, cy — disable or remove them, or record why they stay");
    }

    @Test
    void aRotationNeverRecordedIsOverdueUntilItsOwnerRecordsIt() throws Exception {
        var config = config();
        var clock = new MovableClock(NOW);

        var before = TendCli.run(clock, config, "access", "rotations");
        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.out()).startsWith("OVERDUE api-keys: never recorded as rotated");

        assertThat(TendCli.run(clock, config, "access", "rotated", "api-keys", "--as", "sam", "--comment", "x").err()).contains("sam is not the owner");
        assertThat(item(clock, config).path("state").asString()).isEqualTo("OPEN");
        assertThat(TendCli.run(clock, config, "access", "rotated", "api-keys", "--as", "dana", "--comment", "new keys in vault").exitCode()).isZero();
        assertThat(TendCli.run(clock, config, "access", "rotations").exitCode()).isZero();
        var ticked = item(clock, config);
        assertThat(ticked.path("state").asString()).isEqualTo("DONE");
        assertThat(ticked.path("how").asString()).contains("rotation api-keys recorded by dana").endsWith(": new keys in vault");

        clock.advance(Duration.ofDays(91));
        var later = TendCli.run(clock, config, "access", "rotations", "--json").json().path("rotations").get(0);
        assertThat(later.path("overdue").asBoolean()).isTrue();
        assertThat(later.path("evidence").asString()).isEqualTo("recorded by dana: new keys in vault");
    }

    private static JsonNode item(MovableClock clock, Path config) {
        return TendCli.run(clock, config, "checklist", "show", "monthly-security", "--json").json().path("items").get(0);
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
