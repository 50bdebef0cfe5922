package dev.tend.host;

import static dev.tend.check.RunChecks.measurement;
import static dev.tend.check.RunChecks.named;
import static dev.tend.check.RunChecks.oneTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.RunChecks;
import dev.tend.check.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostChecksTest {

    @Test
    void volumeUsageIsGradedAgainstThePlanWarnAndCritLevels(@TempDir Path directory) throws Exception {
        var store = Files.getFileStore(directory);
        double used = 100.0 * (store.getTotalSpace() - store.getUnallocatedSpace())
                / (store.getTotalSpace() - store.getUnallocatedSpace() + store.getUsableSpace());
        // Levels placed around the real usage, so the test holds on any machine.
        double below = Math.floor(used) - 1;
        double above = Math.min(100, Math.ceil(used) + 1);

        var ok = disk(directory, "{plan: " + above + ", warn: " + above + ", crit: " + above + "}");
        var plan = disk(directory, "{plan: " + below + ", warn: " + above + ", crit: " + above + "}");
        var warn = disk(directory, "{plan: " + below + ", warn: " + below + ", crit: " + above + "}");
        var crit = disk(directory, "{plan: 0, warn: 0, crit: " + below + "}");

        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(measurement(ok, "used")).isCloseTo(used, org.assertj.core.data.Offset.offset(0.5));
        assertThat(measurement(ok, "free")).isGreaterThan(0);
        assertThat(plan.status()).isEqualTo(Status.WARN);
        assertThat(plan.reason()).contains("planning threshold: plan storage expansion");
        assertThat(warn.status()).isEqualTo(Status.WARN);
        assertThat(warn.reason()).matches("disk .* \\d+% used, .* free of .*, over the \\d+% threshold");
        assertThat(crit.status()).isEqualTo(Status.CRIT);
        assertThat(crit.reason()).endsWith("over the " + (long) below + "% threshold");
    }

    @Test
    void usageMatchesWhatDfReports(@TempDir Path directory) throws Exception {
        var df = new ProcessBuilder("df", "-P", directory.toString()).redirectErrorStream(true).start();
        var lines = new String(df.getInputStream().readAllBytes()).strip().split("\n");
        assertThat(df.waitFor()).isZero();
        var dfPercent = Double.parseDouble(lines[lines.length - 1].trim().split("\\s+")[4].replace("%", ""));

        var result = disk(directory, "{plan: 100, warn: 100, crit: 100}");

        // df rounds Use% up to a whole percent; the volume may change a little between the two reads.
        assertThat(measurement(result, "used")).isBetween(dfPercent - 1.5, dfPercent + 0.5);
    }

    @Test
    void aMissingVolumeIsCritical() throws Exception {
        var result = RunChecks.run(oneTarget("name: host, type: host, volumes: [/no/such/volume]")).get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).isEqualTo("/no/such/volume does not exist; is the volume mounted?");
    }

    @Test
    void directorySizesAreMeasuredAndGraded(@TempDir Path directory) throws Exception {
        Files.write(directory.resolve("a.log"), new byte[600_000]);
        Files.createDirectories(directory.resolve("old"));
        Files.write(directory.resolve("old/b.log.gz"), new byte[500_000]);

        var results = RunChecks.run(oneTarget("name: host, type: host, directories: [{path: \"" + directory
                + "\", warn: 1MB, crit: 2MB}, {path: /no/such/dir}]"));

        var logs = named(results, "dir:" + directory);
        assertThat(logs.status()).isEqualTo(Status.WARN);
        assertThat(measurement(logs, "size")).isEqualTo(1_100_000);
        assertThat(measurement(logs, "files")).isEqualTo(2);
        assertThat(logs.reason()).isEqualTo(directory + " holds 1.1 MB in 2 files, over the 1.0 MB threshold");
        assertThat(named(results, "dir:/no/such/dir").status()).isEqualTo(Status.CRIT);
    }

    private static dev.tend.check.CheckResult disk(Path volume, String levels) throws Exception {
        return RunChecks.run(oneTarget("name: host, type: host, volumes: [\"" + volume + "\"], disk: " + levels)).get(0);
    }

    @Test
    void resourceUseIsCheckedFromProcWithItsLevels() throws Exception {
        var results = RunChecks.run(oneTarget("name: host, type: host, resources: { interval: 200ms }"));

        assertThat(named(results, "cpu").reason()).matches("CPU \\d+(\\.\\d)?% busy over 200 ms \\(iowait .*\\); load [\\d.]+ [\\d.]+ [\\d.]+ on \\d+ cores.*");
        assertThat(measurement(named(results, "cpu"), "busy")).isBetween(0.0, 100.0);
        assertThat(named(results, "memory").reason()).matches("memory \\d+(\\.\\d)?% used \\(.* of .*, page cache not counted\\); .*");
        assertThat(measurement(named(results, "memory"), "available")).isGreaterThan(0);
        assertThat(named(results, "disk-io").status()).isIn(Status.OK, Status.WARN);
        assertThat(named(results, "disk-io").reason()).containsAnyOf("util", "no block devices");

        // The load average is graded with the CPU: out of reach here, so that only the CPU's levels decide.
        var strict = RunChecks.run(oneTarget("name: host, type: host, resources: { interval: 100ms, cpu: {warn: 0, crit: 100}, "
                + "load: {warn: 999, crit: 1000}, memory: {warn: 0, crit: 100} }"));
        // Warn at 0% makes any use a warning; crit at 100% is reached by a machine busy for the whole interval (a loaded CI host can be).
        var cpu = named(strict, "cpu");
        assertThat(cpu.status()).as(cpu.reason()).isEqualTo(measurement(cpu, "busy") >= 100 ? Status.CRIT : Status.WARN);
        assertThat(named(strict, "memory").status()).isEqualTo(Status.WARN);

        var off = RunChecks.run(oneTarget("name: host, type: host, resources: { enabled: false }"));
        assertThat(off).noneMatch(result -> result.check().equals("cpu"));
    }
}
