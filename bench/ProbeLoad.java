// Load driver for Prometheus blackbox_exporter: N probes of the same nginx URLs Tend checks, with
// exactly C in flight (C virtual threads pulling from one counter), first a warm-up of W probes.
// Run as a single-file source program (no class path needed):
//
//   java bench/ProbeLoad.java EXPORTER_URL TARGET_PREFIX N C W [EXPORTER_PID]
//
// e.g. java bench/ProbeLoad.java http://127.0.0.1:9115 'http://127.0.0.1:8080/health?i=' 10000 100 1000 4242
// Probe K requests GET EXPORTER_URL/probe?module=http_2xx&target=<TARGET_PREFIX K>, K = 1..N.
// Every body must contain "probe_success 1". Prints one line "RESULT tool=blackbox ..." and exits 3
// when any probe failed (the benchmark is void then).

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class ProbeLoad {
    record Outcome(long[] latencyMicros, long[] probeMicros, long failures, long wallNanos) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ProbeLoad EXPORTER_URL TARGET_PREFIX N C W [EXPORTER_PID]");
            System.exit(2);
        }
        String exporter = args[0], prefix = args[1];
        int n = Integer.parseInt(args[2]), c = Integer.parseInt(args[3]), w = Integer.parseInt(args[4]);
        long pid = args.length > 5 ? Long.parseLong(args[5]) : -1;

        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        if (w > 0) {
            var warm = load(client, exporter, prefix, Math.min(w, n), c);
            System.err.printf(Locale.ROOT, "probe-load: warm-up %d probes in %.3f s, %d failed%n",
                    Math.min(w, n), warm.wallNanos / 1e9, warm.failures);
        }
        if (pid > 0) resetPeakRss(pid);
        double exporterCpuBefore = pid > 0 ? cpuSeconds(pid) : 0;
        long driverCpuBefore = driverCpuNanos();
        var out = load(client, exporter, prefix, n, c);
        double exporterCpu = pid > 0 ? cpuSeconds(pid) - exporterCpuBefore : -1;
        double driverCpu = (driverCpuNanos() - driverCpuBefore) / 1e9;
        long rss = pid > 0 ? vmKb(pid, "VmHWM") : -1;

        double wall = out.wallNanos / 1e9;
        long[] lat = out.latencyMicros, probe = out.probeMicros;
        System.out.printf(Locale.ROOT,
                "RESULT tool=blackbox n=%d c=%d wall_s=%.3f rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f "
                        + "probe_p50_ms=%.2f probe_p99_ms=%.2f cpu_s=%.3f per_cpu_s=%.1f rss_peak_kb=%d "
                        + "driver_cpu_s=%.3f failures=%d%n",
                n, c, wall, n / wall, pct(lat, 50) / 1000.0, pct(lat, 99) / 1000.0, lat[lat.length - 1] / 1000.0,
                pct(probe, 50) / 1000.0, pct(probe, 99) / 1000.0, exporterCpu, exporterCpu > 0 ? n / exporterCpu : -1,
                rss, driverCpu, out.failures);
        System.exit(out.failures == 0 ? 0 : 3);
    }

    static Outcome load(HttpClient client, String exporter, String prefix, int n, int c) throws Exception {
        var next = new AtomicInteger(1);
        long[] latency = new long[n];
        long[] probe = new long[n];
        var failures = new AtomicLong();
        var firstErrors = new ConcurrentLinkedQueue<String>();
        long start = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < c; t++) {
                threads.submit(() -> {
                    for (int k = next.getAndIncrement(); k <= n; k = next.getAndIncrement()) {
                        var target = URLEncoder.encode(prefix + k, StandardCharsets.UTF_8);
                        var request = HttpRequest.newBuilder(URI.create(exporter + "/probe?module=http_2xx&target=" + target))
                                .timeout(Duration.ofSeconds(10)).GET().build();
                        long t0 = System.nanoTime();
                        String body;
                        int status;
                        try {
                            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            body = response.body();
                            status = response.statusCode();
                        } catch (Exception e) {
                            body = "";
                            status = -1;
                            if (firstErrors.size() < 5) firstErrors.add(k + ": " + e);
                        }
                        latency[k - 1] = (System.nanoTime() - t0) / 1000;
                        probe[k - 1] = probeDurationMicros(body);
                        if (status != 200 || !body.contains("\nprobe_success 1\n")) {
                            failures.incrementAndGet();
                            if (status >= 0 && firstErrors.size() < 5) {
                                firstErrors.add(k + ": HTTP " + status + " " + body.lines()
                                        .filter(l -> l.startsWith("probe_success") || l.startsWith("probe_http_status_code"))
                                        .toList());
                            }
                        }
                    }
                    return null;
                });
            }
        }
        long wall = System.nanoTime() - start;
        firstErrors.forEach(e -> System.err.println("probe-load: FAILED " + e));
        Arrays.sort(latency);
        Arrays.sort(probe);
        return new Outcome(latency, probe, failures.get(), wall);
    }

    /** The exporter's own measure of the probe: probe_duration_seconds, in µs (0 if absent). */
    static long probeDurationMicros(String body) {
        int at = body.indexOf("\nprobe_duration_seconds ");
        if (at < 0) return 0;
        int from = at + "\nprobe_duration_seconds ".length();
        int to = body.indexOf('\n', from);
        return (long) (Double.parseDouble(body.substring(from, to < 0 ? body.length() : to).trim()) * 1e6);
    }

    static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long driverCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    static void resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
        } catch (Exception e) {
            System.err.println("probe-load: cannot reset VmHWM of " + pid + " (" + e + "); peak is since start");
        }
    }

    /** utime + stime of PID in seconds, from /proc/PID/stat (ticks of 1/100 s on Linux). */
    static double cpuSeconds(long pid) throws Exception {
        var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static long vmKb(long pid, String key) throws Exception {
        for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }
}
