package dev.tend.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.Measurement;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import dev.tend.testing.TendCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** tend report over a store with 90 days of history: rendered as HTML and PDF (read back with poppler), signed by the right role, ticking the checklist. */
class ReportCliTest {
    private static final Instant NOW = Instant.parse("2027-02-10T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path directory;
    private Path config;
    private Path volume;

    @BeforeEach
    void history() throws Exception {
        volume = Files.createDirectories(directory.resolve("data"));
        config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: host, type: host, volumes: ["%s"], resources: {enabled: false} }
                people:
                  - { name: sam, roles: [System Administrator] }
                  - { name: dana, roles: [Security Team] }
                rotations:
                  - { name: api-keys, every: 90d, owner: Security Team }
                checklists:
                  - { name: quarterly, template: quarterly }
                store: { path: "%s" }
                """.formatted(volume, directory.resolve("tend.db")));
        // 90 days of disk use growing a quarter point a day to 67%, with one cleanup dip and a latency that doubled this week.
        var results = new ArrayList<CheckResult>();
        for (int ago = 89; ago >= 0; ago--) {
            double used = ago == 40 ? 30 : 67 - 0.25 * ago;
            for (int hour = 0; hour < 8; hour += 2) {
                var at = NOW.minus(Duration.ofDays(ago)).minus(Duration.ofHours(hour));
                long latency = at.isBefore(Instant.parse("2027-02-08T00:00:00Z")) ? 20 : 40;
                results.add(new CheckResult("host", "disk:" + volume, Status.OK, "disk", List.of(new Measurement("used", used, "%")), at, Duration.ofMillis(latency)));
            }
        }
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            new ResultHistory(store).save(results);
        }
    }

    @Test
    void theCapacityPlanRendersAsHtmlWithItsChartAndDates() throws Exception {
        var forecast = forecast();
        var at70 = forecast.path("levels").get(0).path("date").asString();

        var run = TendCli.run(CLOCK, config, "report", "capacity", "--format", "html", "--out", directory.resolve("capacity.html").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("capacity report 2027Q1 written to").contains("kept as report 1")
                .contains("sign it: tend report sign capacity --as PERSON --comment TEXT (a person holding System Administrator)");
        var html = Files.readString(directory.resolve("capacity.html"));
        assertThat(html).contains("<h1>Capacity plan 2027Q1 — Lab</h1>").contains("<img alt=\"host volume " + volume)
                .contains("src=\"data:image/png;base64,iVBOR")
                .contains("host: volume " + volume + " reaches 70% around " + at70 + ": plan its expansion now, as the runbook says at 70%");
        assertThat(at70).isEqualTo("2027-02-22");
    }

    @Test
    void theCapacityPlanAsPdfTurnsIntoPagesWithPdftoppm() throws Exception {
        var pdf = directory.resolve("capacity.pdf");
        assertThat(TendCli.run(CLOCK, config, "report", "capacity", "--out", pdf.toString()).exitCode()).isZero();

        assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        run("pdftoppm", "-png", "-r", "40", pdf.toString(), directory.resolve("page").toString());
        try (var pages = Files.list(directory)) {
            var images = pages.filter(file -> file.getFileName().toString().matches("page-\\d+\\.png")).toList();
            assertThat(images).isNotEmpty();
            assertThat(images).allSatisfy(image -> assertThat(Files.readAllBytes(image)).startsWith(0x89, 'P', 'N', 'G'));
        }
        var text = run("pdftotext", pdf.toString(), "-");
        assertThat(text).contains("Capacity plan 2027Q1").contains("reaches 70% around 2027-02-22");
    }

    @Test
    void onlyTheResponsibleRoleSignsAndTheSignatureTicksTheChecklist() throws Exception {
        assertThat(item("capacity-planning").path("state").asString()).isEqualTo("OPEN");
        assertThat(TendCli.run(CLOCK, config, "report", "sign", "capacity", "--as", "sam", "--comment", "x").err()).contains("nothing to sign: the capacity report has not been written yet (tend report capacity)");
        var printed = TendCli.run(CLOCK, config, "report", "capacity");
        assertThat(printed.out()).startsWith("# Capacity plan 2027Q1 — Lab").doesNotContain("base64")
                .contains("_Chart: host volume " + volume + ": history, trend and levels (in the HTML, PDF or markdown file: --out FILE)_");

        var wrong = TendCli.run(CLOCK, config, "report", "sign", "capacity", "--as", "dana", "--comment", "fine");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("dana does not hold the role System Administrator that signs the capacity report");

        var signed = TendCli.run(CLOCK, config, "report", "sign", "capacity", "--as", "sam", "--comment", "expand /data in February");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        var item = item("capacity-planning");
        assertThat(item.path("state").asString()).isEqualTo("DONE");
        assertThat(item.path("how").asString()).contains("capacity report 1 (2027Q1) signed by sam (System Administrator)");
    }

    @Test
    void theSecurityAuditListsEachActionWithItsOwner() {
        var run = TendCli.run(CLOCK, config, "report", "security");
        assertThat(run.out()).contains("- certificates — coverage: no certificate is watched: add a tls target per endpoint (owner: System Administrator)");
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            new ResultHistory(store).save(List.of(new CheckResult("web", "certificate", Status.CRIT, "certificate of web.example expires in 3 days",
                    List.of(new Measurement("days_left", 3, "days")), NOW, Duration.ofMillis(20))));
        }
        run = TendCli.run(CLOCK, config, "report", "security");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("# Security audit 2027Q1 — Lab")
                .contains("- secret rotations — api-keys: never recorded as rotated; OVERDUE since 2027-02-10 (every 90 days, owner Security Team) (owner: Security Team)")
                .contains("- certificates — web certificate: certificate of web.example expires in 3 days (owner: System Administrator)")
                .contains("- open critical findings — web certificate: certificate of web.example expires in 3 days (owner: on-call)");
    }

    @Test
    void thePerformanceReviewSaysWhatGotWorse() {
        var run = TendCli.run(CLOCK, config, "report", "performance", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        var worse = run.json().path("worse");
        assertThat(worse.get(0).asString()).isEqualTo("check host disk:" + volume + " takes 40.0 ms on average, +100% on the week before (20.0 ms)");
        assertThat(run.json().path("period").asString()).isEqualTo("2027-W06");
    }

    @Test
    void aScheduleWritesTheReportForTheRoleToSign() {
        var run = TendCli.run(CLOCK, config, "run", "report", "performance");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("performance report 2027-W06 kept as report 1, with findings; sign it: tend report sign performance");
        assertThat(TendCli.run(CLOCK, config, "report", "sign", "performance", "--as", "sam", "--comment", "the disk check got slower").exitCode()).isZero();
        assertThat(TendCli.run(CLOCK, config, "run", "report", "weekly").err()).contains("report: no kind 'weekly': report capacity|performance|access|security");
    }

    @Test
    void aBadPeriodOrFormatIsAUsageError() {
        var period = TendCli.run(CLOCK, config, "report", "capacity", "--period", "2027Q5");
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(period.err()).contains("--period 2027Q5: expected a quarter (2027Q1), an ISO week (2027-W05) or a month (2027-01)");

        var pdf = TendCli.run(CLOCK, config, "report", "capacity", "--format", "pdf");
        assertThat(pdf.err()).contains("a PDF needs --out FILE");
        var missing = TendCli.run(CLOCK, config, "report", "capacity", "--out", directory.resolve("no/such/dir/r.html").toString());
        assertThat(missing.err()).contains("no such directory");
    }

    private JsonNode forecast() {
        var forecasts = TendCli.run(CLOCK, config, "forecast", "--json").json().path("forecasts");
        assertThat(forecasts.size()).isEqualTo(1);
        return forecasts.get(0);
    }

    private JsonNode item(String id) {
        var run = TendCli.run(CLOCK, config, "checklist", "show", "quarterly", "--json");
        for (var row : run.json().path("items")) if (row.path("id").asString().equals(id)) return row;
        throw new AssertionError(run.out());
    }

    private static String run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
