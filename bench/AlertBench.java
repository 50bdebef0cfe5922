// Alerting benchmarks, Tend (a real `tend serve`) against Prometheus Alertmanager: detection to delivery
// over many independent incidents, and an alert storm behind one dependency. Run as a single-file
// source program on Tend's class path (it uses Jackson from there); bench/alerting.sh runs it once
// per phase and prints the tables. See docs/benchmarks.md.
//
//   java -cp CP bench/AlertBench.java PHASE DIR [key=value...]
//
// PHASE (each starts its own subject process and stops it before it returns):
//   latency-tend   tend serve (command line in DIR/tend-serve.cmd, one argument a line) checks T http
//                  targets served by this program every 1s; incidents are caused at a fixed pace
//                  (incidents + warmup events, spread over `spread` seconds) by making one ready
//                  target answer 503 until its page arrives; it goes back to the pool when its
//                  incident.resolved arrives. Latency = webhook received - incident.openedAt (the
//                  `now` of the evaluation the crossing result was handed to), and - the moment the
//                  crossing check's request reached the target.
//   latency-am     prometheus-alertmanager (group_by [alertname], group_wait = `groupwait` or its default);
//                  the same number of alerts at the same pace, each with its own alertname (its own
//                  group), POSTed to /api/v2/alerts. Latency = webhook received - just before the POST.
//   storm-tend     tend serve with `dep` and `dependents` targets that dependsOn [dep], checked by one
//                  schedule every `every`; after one warm-up incident on target `warm` (warmup=0: none),
//                  right after a round has checked all of them healthy, dep and its dependents start
//                  answering 503. Counts what the webhook receives in `observe` seconds.
//   storm-am       Alertmanager (group_by [alertname]): the same 1 + dependents alerts, one alertname,
//                  POSTed back to back in batches of 64 and again every minute, endsAt 4 minutes ahead
//                  (as Prometheus sends them); counts what arrives in `observe` seconds.
// Everything listens on 127.0.0.1 (ports from the kernel). Child PIDs are appended to DIR/children.pids
// so that the calling script can stop them if this program dies. Prints "RESULT key=value ..." lines
// (times in ms); exits 3 when the phase did not complete (some incident never paged, say).

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

public class AlertBench {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final byte[] KEY = "tend-bench-webhook-signing-key!!".getBytes(StandardCharsets.UTF_8);
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Path dir;
    static Map<String, String> opts = new HashMap<>();
    static final List<Process> children = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: AlertBench latency-tend|latency-am|storm-tend|storm-am DIR [key=value...]");
            System.exit(2);
        }
        dir = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            opts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(AlertBench::stopChildren));
        int rc = switch (args[0]) {
            case "latency-tend" -> latencyTend();
            case "latency-am" -> latencyAm();
            case "storm-tend" -> stormTend();
            case "storm-am" -> stormAm();
            default -> {
                System.err.println("unknown phase " + args[0]);
                yield 2;
            }
        };
        stopChildren();
        System.exit(rc);
    }

    // ---------------------------------------------------------------------------------------------
    // Detection to delivery, Tend

    static int latencyTend() throws Exception {
        int n = intOpt("incidents", 1000), warmup = intOpt("warmup", 50), targets = intOpt("targets", 100);
        double spread = doubleOpt("spread", 60);
        int total = n + warmup;
        var control = new Control(targets);
        var ready = new LinkedBlockingQueue<Integer>();
        for (int k = 1; k <= targets; k++) ready.add(k);
        var eventOf = new int[targets + 1];            // the event a target is down for now
        var openedMicros = new long[total];            // incident.openedAt of each event's page
        var pageMicros = new long[total];              // when the page arrived
        var firstBadMicros = new long[total];          // when the crossing check's request reached the target
        AtomicInteger pages = new AtomicInteger(), resolves = new AtomicInteger(), other = new AtomicInteger();
        var receiver = new Receiver("/tend", (body, micros, headers) -> {
            var message = JSON.readValue(body, Map.class);
            var type = (String) message.get("type");
            @SuppressWarnings("unchecked") var alerts = (List<Map<String, Object>>) message.get("alerts");
            @SuppressWarnings("unchecked") var incident = (Map<String, Object>) message.get("incident");
            var subject = alerts.isEmpty() ? "" : (String) alerts.get(0).get("subject");
            if (!subject.startsWith("t-")) { other.incrementAndGet(); return; }
            int k = Integer.parseInt(subject.substring(2));
            if ("incident.triggered".equals(type)) {
                synchronized (control) {
                    int event = eventOf[k];
                    if (event < 0 || pageMicros[event] != 0) { other.incrementAndGet(); return; }
                    pageMicros[event] = micros;
                    openedMicros[event] = instantMicros(incident.get("openedAt"));
                    firstBadMicros[event] = control.firstBad[k];
                    control.down[k] = false;       // recovered: the next round sees it good and it resolves
                }
                pages.incrementAndGet();
            } else if ("incident.resolved".equals(type)) {
                resolves.incrementAndGet();
                synchronized (control) {
                    eventOf[k] = -1;
                }
                ready.add(k);
            } else {
                other.incrementAndGet();
            }
        });
        java.util.Arrays.fill(eventOf, -1);
        var config = dir.resolve("latency-tend.yaml");
        var yaml = new StringBuilder()
                .append("platform: { name: Bench }\n")
                .append("store: { path: \"").append(dir.resolve("latency-tend.db")).append("\" }\n")
                .append("alerting: { fireAfter: ").append(intOpt("fireAfter", 1)).append(", resolveAfter: 1, flapping: { changes: 100, within: 1m } }\n")
                .append("notifiers:\n  - { name: pager, type: webhook, url: \"").append(receiver.url()).append("\", secret: \"").append(SECRET).append("\" }\n")
                .append("schedules:\n  - { name: round, run: check, every: 1s }\n")
                .append(opts.containsKey("poll") ? "serve: { pollInterval: " + opts.get("poll") + " }\n" : "")
                .append("targets:\n");
        for (int k = 1; k <= targets; k++) {
            yaml.append("  - { name: t-").append(k).append(", type: http, url: \"").append(control.url(k)).append("\", timeout: 5s }\n");
        }
        Files.writeString(config, yaml);
        var tend = startTend(config, "latency-tend");
        try {
            // Two whole rounds of healthy checks first (JVM start, first HTTP connections).
            awaitTrue(Duration.ofSeconds(60), () -> control.requests.get() >= 2L * targets, "two rounds of checks", tend);
            long cpu0 = cpuMillis(tend.pid());
            long spacingNanos = (long) (spread * 1e9 / n);
            long start = System.nanoTime() + 200_000_000L;
            long maxLagMicros = 0;
            int late = 0;
            for (int i = 0; i < total; i++) {
                sleepUntil(start + i * spacingNanos);
                var k = ready.poll(60, TimeUnit.SECONDS);
                if (k == null) throw new IllegalStateException("no target became ready within 60 s (incident " + i + ")");
                long lag = (System.nanoTime() - (start + i * spacingNanos)) / 1000;
                maxLagMicros = Math.max(maxLagMicros, lag);
                if (lag > 100_000) late++;
                synchronized (control) {
                    control.firstBad[k] = 0;
                    eventOf[k] = i;
                    control.down[k] = true;
                }
                if (!tend.isAlive()) throw new IllegalStateException("tend serve exited: " + tail(dir.resolve("latency-tend.log")));
            }
            long dispatched = System.nanoTime();
            boolean complete = awaitQuietly(Duration.ofSeconds(60), () -> pages.get() >= total);
            long cpu1 = cpuMillis(tend.pid());
            double wall = (System.nanoTime() - start) / 1e9;
            stop(tend);
            var fromOpened = new ArrayList<Double>();
            var fromCheck = new ArrayList<Double>();
            for (int i = warmup; i < total; i++) {
                if (pageMicros[i] == 0) continue;
                fromOpened.add((pageMicros[i] - openedMicros[i]) / 1000.0);
                if (firstBadMicros[i] != 0) fromCheck.add((pageMicros[i] - firstBadMicros[i]) / 1000.0);
            }
            double cold = pageMicros[0] == 0 ? -1 : (pageMicros[0] - openedMicros[0]) / 1000.0;
            var stats = Stats.of(fromOpened);
            var check = Stats.of(fromCheck);
            System.out.printf(Locale.ROOT, "RESULT tool=tend incidents=%d warmup=%d targets=%d spread_s=%.0f pages=%d measured=%d resolved=%d other=%d "
                            + "duplicates=%d bad_signatures=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f min_ms=%.1f "
                            + "check_p50_ms=%.1f check_p99_ms=%.1f check_max_ms=%.1f cold_first_ms=%.1f cpu_s=%.2f wall_s=%.1f "
                            + "late_events=%d max_lag_ms=%.1f tail_s=%.1f%n",
                    n, warmup, targets, spread, pages.get(), fromOpened.size(), resolves.get(), other.get(), receiver.duplicates.get(),
                    receiver.badSignatures.get(), stats.p(0.50), stats.p(0.90), stats.p(0.99), stats.max(), stats.min(),
                    check.p(0.50), check.p(0.99), check.max(), cold, (cpu1 - cpu0) / 1000.0, wall, late, maxLagMicros / 1000.0,
                    (System.nanoTime() - dispatched) / 1e9);
            writeSeries("latency-tend.ms", fromOpened);
            return complete && fromOpened.size() == n ? 0 : 3;
        } finally {
            stop(tend);
            receiver.close();
            control.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Detection to delivery, Alertmanager

    static int latencyAm() throws Exception {
        int n = intOpt("incidents", 1000), warmup = intOpt("warmup", 50), targets = intOpt("targets", 100);
        double spread = doubleOpt("spread", 60);
        var groupWait = opts.getOrDefault("groupwait", "default");
        var label = opts.getOrDefault("label", "am");
        int total = n + warmup;
        var sentNanos = new long[total];
        var gotNanos = new long[total];
        AtomicInteger received = new AtomicInteger(), notifications = new AtomicInteger(), alertsSeen = new AtomicInteger();
        var receiver = new Receiver("/am", (body, micros, headers) -> {
            notifications.incrementAndGet();
            long now = System.nanoTime();
            var message = JSON.readValue(body, Map.class);
            @SuppressWarnings("unchecked") var alerts = (List<Map<String, Object>>) message.get("alerts");
            for (var alert : alerts) {
                alertsSeen.incrementAndGet();
                @SuppressWarnings("unchecked") var labels = (Map<String, String>) alert.get("labels");
                var name = labels.get("alertname");
                if (!"firing".equals(alert.get("status")) || !name.startsWith("BenchDown_")) continue;
                int i = Integer.parseInt(name.substring("BenchDown_".length()));
                if (gotNanos[i] == 0) {
                    gotNanos[i] = now;
                    received.incrementAndGet();
                }
            }
        });
        var am = startAlertmanager(label, groupWait, receiver.url());
        try {
            var api = URI.create(am.url + "/api/v2/alerts");
            long cpu0 = cpuMillis(am.process.pid());
            long spacingNanos = (long) (spread * 1e9 / n);
            long start = System.nanoTime() + 200_000_000L;
            var failedPosts = new AtomicInteger();
            var inFlight = new ConcurrentLinkedQueue<java.util.concurrent.CompletableFuture<?>>();
            long maxLagMicros = 0;
            int late = 0;
            for (int i = 0; i < total; i++) {
                sleepUntil(start + i * spacingNanos);
                long lag = (System.nanoTime() - (start + i * spacingNanos)) / 1000;
                maxLagMicros = Math.max(maxLagMicros, lag);
                if (lag > 100_000) late++;
                var body = "[" + amAlert("BenchDown_" + i, "t-" + (i % targets + 1), Instant.now()) + "]";
                var request = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                sentNanos[i] = System.nanoTime();
                inFlight.add(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    if (error != null || response.statusCode() != 200) failedPosts.incrementAndGet();
                }));
                if (!am.process.isAlive()) throw new IllegalStateException("alertmanager exited: " + tail(am.log));
            }
            long dispatched = System.nanoTime();
            for (var future : inFlight) future.handle((r, e) -> null).get(30, TimeUnit.SECONDS);
            long waitBound = groupWaitSeconds(groupWait) + 60;
            boolean complete = awaitQuietly(Duration.ofSeconds(waitBound), () -> received.get() >= total);
            long cpu1 = cpuMillis(am.process.pid());
            double wall = (System.nanoTime() - start) / 1e9;
            var latencies = new ArrayList<Double>();
            for (int i = warmup; i < total; i++) {
                if (gotNanos[i] != 0) latencies.add((gotNanos[i] - sentNanos[i]) / 1e6);
            }
            double cold = gotNanos[0] == 0 ? -1 : (gotNanos[0] - sentNanos[0]) / 1e6;
            var stats = Stats.of(latencies);
            System.out.printf(Locale.ROOT, "RESULT tool=%s group_wait=%s incidents=%d warmup=%d spread_s=%.0f received=%d measured=%d notifications=%d "
                            + "alerts_in_notifications=%d failed_posts=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f min_ms=%.1f cold_first_ms=%.1f "
                            + "cpu_s=%.2f wall_s=%.1f late_events=%d max_lag_ms=%.1f tail_s=%.1f%n",
                    label, groupWait, n, warmup, spread, received.get(), latencies.size(), notifications.get(), alertsSeen.get(), failedPosts.get(),
                    stats.p(0.50), stats.p(0.90), stats.p(0.99), stats.max(), stats.min(), cold, (cpu1 - cpu0) / 1000.0, wall, late,
                    maxLagMicros / 1000.0, (System.nanoTime() - dispatched) / 1e9);
            writeSeries(label + ".ms", latencies);
            return complete && latencies.size() == n && failedPosts.get() == 0 ? 0 : 3;
        } finally {
            stop(am.process);
            receiver.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Alert storm, Tend

    static int stormTend() throws Exception {
        int dependents = intOpt("dependents", 1000);
        var every = opts.getOrDefault("every", "5s");
        double observe = doubleOpt("observe", 30);
        boolean warmup = intOpt("warmup", 1) > 0;
        int warm = dependents + 1;                    // path /t/0 is the dependency, /t/K dependent d-K, /t/D+1 the warm-up target
        int all = dependents + 1 + (warmup ? 1 : 0);  // requests per round
        var control = new Control(warm);
        control.stormUpTo = dependents;
        record Post(long micros, String body) {}
        var posts = new ConcurrentLinkedQueue<Post>();
        var seen = ConcurrentHashMap.<String>newKeySet();   // "type subject" of every message, for the warm-up
        var receiver = new Receiver("/tend", (body, micros, headers) -> {
            posts.add(new Post(micros, body));
            var message = JSON.readValue(body, Map.class);
            @SuppressWarnings("unchecked") var alerts = (List<Map<String, Object>>) message.get("alerts");
            for (var alert : alerts) seen.add(message.get("type") + " " + alert.get("subject"));
        });
        var config = dir.resolve("storm-tend.yaml");
        var yaml = new StringBuilder()
                .append("platform: { name: Bench }\n")
                .append("store: { path: \"").append(dir.resolve("storm-tend.db")).append("\" }\n")
                .append("alerting: { fireAfter: ").append(intOpt("fireAfter", 1)).append(", resolveAfter: 1")
                // The warm-up fires and resolves the schedule's own alert once: a storm soon after must not count as its flapping.
                .append(warmup ? ", flapping: { changes: 100, within: 1m } }\n" : " }\n")
                .append("notifiers:\n  - { name: pager, type: webhook, url: \"").append(receiver.url()).append("\", secret: \"").append(SECRET).append("\" }\n")
                .append("schedules:\n  - { name: round, run: check, every: ").append(every).append(" }\n")
                .append(opts.containsKey("poll") ? "serve: { pollInterval: " + opts.get("poll") + " }\n" : "")
                .append("targets:\n")
                .append("  - { name: dep, type: http, url: \"").append(control.url(0)).append("\", timeout: 5s }\n");
        for (int k = 1; k <= dependents; k++) {
            yaml.append("  - { name: d-").append(k).append(", type: http, url: \"").append(control.url(k)).append("\", timeout: 5s, dependsOn: [dep] }\n");
        }
        if (warmup) yaml.append("  - { name: warm, type: http, url: \"").append(control.url(warm)).append("\", timeout: 5s }\n");
        Files.writeString(config, yaml);
        var tend = startTend(config, "storm-tend");
        var log = dir.resolve("storm-tend.log");
        try {
            // Two healthy rounds, then arm: the moment a round has checked every target, all go down.
            awaitTrue(Duration.ofSeconds(120), () -> control.requests.get() >= 2L * all, "two rounds of checks", tend);
            double coldMs = -1;
            if (warmup) {
                // One incident first (not counted) so that the storm meets a process that has paged before, as a
                // long-running tend serve has: target `warm` fails until paged, then recovers until resolved.
                synchronized (control) {
                    control.down[warm] = true;
                }
                awaitTrue(Duration.ofSeconds(60), () -> seen.contains("incident.triggered warm"), "the warm-up page", tend);
                synchronized (control) {
                    control.down[warm] = false;
                }
                awaitTrue(Duration.ofSeconds(60), () -> seen.contains("incident.resolved warm")
                        && (!seen.contains("incident.triggered round") || seen.contains("incident.resolved round")), "the warm-up to resolve", tend);
                for (var post : posts) {
                    var message = JSON.readValue(post.body(), Map.class);
                    @SuppressWarnings("unchecked") var incident = (Map<String, Object>) message.get("incident");
                    if ("incident.triggered".equals(message.get("type")) && post.body().contains("\"subject\":\"warm\"")) {
                        coldMs = (post.micros() - instantMicros(incident.get("openedAt"))) / 1000.0;
                    }
                }
                long settled = control.requests.get();
                awaitTrue(Duration.ofSeconds(60), () -> control.requests.get() >= settled + all, "a healthy round after the warm-up", tend);
                control.firstBadAny.set(0);
            }
            long armedAt = control.requests.get();
            long flipAt = (armedAt / all + 1) * all;   // the last request of the round in progress (or of the next one)
            control.flipAfter.set(flipAt);
            awaitTrue(Duration.ofSeconds(120), () -> control.flippedMicros.get() != 0, "the round that precedes the storm", tend);
            long flipped = control.flippedMicros.get();
            awaitTrue(Duration.ofSeconds(120), () -> control.requests.get() >= flipAt + all, "the storm round to check every target", tend);
            long firstBad = control.firstBadAny.get();
            // Observe for `observe` seconds after the storm round's first failed check.
            while (nowMicros() < firstBad + (long) (observe * 1e6) && tend.isAlive()) Thread.sleep(100);
            long cpu = cpuMillis(tend.pid());
            stop(tend);
            // The storm round's end (checks, records and evaluation done): the first "succeeded|failed round:" line after its start line.
            long roundStart = 0, roundEnd = 0;
            for (var line : Files.readAllLines(log)) {
                int space = line.indexOf(' ');
                if (space < 20 || !Character.isDigit(line.charAt(0))) continue;
                long micros;
                try {
                    var at = Instant.parse(line.substring(0, space));
                    micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
                } catch (RuntimeException notStamped) {
                    continue;
                }
                var text = line.substring(space + 1);
                if (roundStart == 0 && text.startsWith("start round:") && micros >= flipped) roundStart = micros;
                else if (roundStart != 0 && roundEnd == 0 && (text.startsWith("failed round:") || text.startsWith("found problems in round:") || text.startsWith("succeeded round:"))) roundEnd = micros;
            }
            var sorted = new ArrayList<>(posts);
            sorted.removeIf(post -> post.micros() < firstBad);   // the warm-up's
            sorted.sort((a, b) -> Long.compare(a.micros(), b.micros()));
            int pages = 0, others = 0, listedInDepPage = -1;
            long firstPage = 0, depPage = 0, depOpened = 0;
            var listed = new HashSet<String>();
            var incidentIds = new HashSet<Object>();
            var kinds = new StringBuilder();
            for (var post : sorted) {
                var message = JSON.readValue(post.body(), Map.class);
                @SuppressWarnings("unchecked") var alerts = (List<Map<String, Object>>) message.get("alerts");
                @SuppressWarnings("unchecked") var incident = (Map<String, Object>) message.get("incident");
                var subjects = new ArrayList<String>();
                for (var alert : alerts) subjects.add((String) alert.get("subject"));
                listed.addAll(subjects);
                kinds.append(kinds.isEmpty() ? "" : ",").append(message.get("type")).append("[incident ").append(incident.get("id")).append(": ")
                        .append(subjects.size() <= 3 ? String.join(" ", subjects) : subjects.size() + " targets").append(" +")
                        .append(String.format(Locale.ROOT, "%.0f", (post.micros() - firstBad) / 1000.0)).append("ms]");
                if (!"incident.triggered".equals(message.get("type"))) {
                    others++;
                    continue;
                }
                pages++;
                incidentIds.add(incident.get("id"));
                if (firstPage == 0) firstPage = post.micros();
                if (depPage == 0 && subjects.contains("dep")) {
                    depPage = post.micros();
                    depOpened = instantMicros(incident.get("openedAt"));
                    listedInDepPage = subjects.size();
                    Files.writeString(dir.resolve("storm-tend.page.json"), post.body());
                }
            }
            listed.remove("round");
            System.out.printf(Locale.ROOT, "RESULT tool=tend targets=%d dependents=%d every=%s observe_s=%.0f notifications=%d pages=%d other_notifications=%d "
                            + "incidents_paged=%d first_page_ms=%.1f first_page_from_check_ms=%.1f dep_page_ms=%.1f listed_in_dep_page=%d "
                            + "targets_listed_in_all=%d round_end_ms=%.1f round_from_check_ms=%.1f bad_signatures=%d duplicates=%d cpu_total_s=%.2f "
                            + "warmup_page_ms=%.1f what=%s%n",
                    dependents + 1, dependents, every, observe, sorted.size(), pages, others, incidentIds.size(),
                    firstPage == 0 || depOpened == 0 ? -1 : (firstPage - depOpened) / 1000.0,
                    firstPage == 0 ? -1 : (firstPage - firstBad) / 1000.0,
                    depPage == 0 ? -1 : (depPage - depOpened) / 1000.0, listedInDepPage, listed.size(),
                    roundEnd == 0 || depOpened == 0 ? -1 : (roundEnd - depOpened) / 1000.0, roundEnd == 0 ? -1 : (roundEnd - firstBad) / 1000.0,
                    receiver.badSignatures.get(), receiver.duplicates.get(), cpu / 1000.0, coldMs, kinds.isEmpty() ? "-" : kinds.toString().replace(' ', '_'));
            return depPage != 0 ? 0 : 3;
        } finally {
            stop(tend);
            receiver.close();
            control.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Alert storm, Alertmanager

    static int stormAm() throws Exception {
        int dependents = intOpt("dependents", 1000);
        double observe = doubleOpt("observe", 40);
        var groupWait = opts.getOrDefault("groupwait", "default");
        var label = opts.getOrDefault("label", "am");
        var notes = new ConcurrentLinkedQueue<long[]>();   // {nanos, alerts, firing (1) or resolved (0)}
        var listed = ConcurrentHashMap.<String>newKeySet();
        var firstListed = new AtomicInteger(-1);
        var receiver = new Receiver("/am", (body, micros, headers) -> {
            long now = System.nanoTime();
            var message = JSON.readValue(body, Map.class);
            @SuppressWarnings("unchecked") var alerts = (List<Map<String, Object>>) message.get("alerts");
            for (var alert : alerts) {
                @SuppressWarnings("unchecked") var labels = (Map<String, String>) alert.get("labels");
                listed.add(labels.get("target"));
            }
            firstListed.compareAndSet(-1, alerts.size());
            notes.add(new long[] {now, alerts.size(), "firing".equals(message.get("status")) ? 1 : 0});
        });
        var am = startAlertmanager(label, groupWait, receiver.url());
        try {
            var api = URI.create(am.url + "/api/v2/alerts");
            var names = new ArrayList<String>();
            names.add("dep");
            for (int k = 1; k <= dependents; k++) names.add("d-" + k);
            long cpu0 = cpuMillis(am.process.pid());
            var startsAt = Instant.now();
            long t0 = System.nanoTime();
            int failed = send(api, names, startsAt);
            double postMs = (System.nanoTime() - t0) / 1e6;
            // Prometheus sends the still-firing alerts again every minute (its resend delay): so does this.
            long nextResend = t0 + 60_000_000_000L;
            while (System.nanoTime() - t0 < (long) (observe * 1e9) && am.process.isAlive()) {
                if (System.nanoTime() >= nextResend) {
                    failed += send(api, names, startsAt);
                    nextResend += 60_000_000_000L;
                }
                Thread.sleep(100);
            }
            long cpu1 = cpuMillis(am.process.pid());
            var sorted = new ArrayList<>(notes);
            sorted.sort((a, b) -> Long.compare(a[0], b[0]));
            var times = new StringBuilder();
            for (var note : sorted) {
                times.append(times.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.0f:%d%s", (note[0] - t0) / 1e6, note[1], note[2] == 1 ? "firing" : "resolved"));
            }
            System.out.printf(Locale.ROOT, "RESULT tool=%s group_wait=%s targets=%d observe_s=%.0f notifications=%d first_page_ms=%.1f listed_in_first=%d "
                            + "listed_in_all=%d post_ms=%.1f failed_posts=%d cpu_s=%.2f arrivals=%s%n",
                    label, groupWait, names.size(), observe, sorted.size(), sorted.isEmpty() ? -1 : (sorted.get(0)[0] - t0) / 1e6,
                    firstListed.get(), listed.size(), postMs, failed, (cpu1 - cpu0) / 1000.0, times.isEmpty() ? "-" : times);
            return sorted.isEmpty() || failed > 0 ? 3 : 0;
        } finally {
            stop(am.process);
            receiver.close();
        }
    }

    /** POSTs the storm's alerts, one alertname, in batches of 64 (Prometheus' batch size); how many POSTs failed. */
    static int send(URI api, List<String> targets, Instant startsAt) throws Exception {
        int failed = 0;
        for (int from = 0; from < targets.size(); from += 64) {
            var batch = new StringBuilder("[");
            for (int i = from; i < Math.min(from + 64, targets.size()); i++) {
                if (i > from) batch.append(',');
                batch.append(amAlert("TargetDown", targets.get(i), startsAt));
            }
            var response = CLIENT.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch.append(']').toString())).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) failed++;
        }
        return failed;
    }

    // ---------------------------------------------------------------------------------------------
    // The subjects

    static Process startTend(Path config, String name) throws Exception {
        var command = new ArrayList<>(Files.readAllLines(dir.resolve("tend-serve.cmd")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("serve", "--name", name, "--listen", "127.0.0.1:0", "-c", config.toString()));
        var log = dir.resolve(name + ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        register(process);
        awaitTrue(Duration.ofSeconds(90), () -> Files.exists(log) && Files.readString(log).contains("tend serve: " + name + " running"),
                "tend serve to start", process);
        return process;
    }

    record Alertmanager(Process process, String url, Path log) {}

    static Alertmanager startAlertmanager(String name, String groupWait, String webhook) throws Exception {
        var home = Files.createDirectories(dir.resolve(name));
        var config = home.resolve("alertmanager.yml");
        // Defaults unless told: group_wait 30s, group_interval 5m, repeat_interval 4h, send_resolved true.
        Files.writeString(config, "route:\n  receiver: bench\n  group_by: [alertname]\n"
                + (groupWait.equals("default") ? "" : "  group_wait: " + groupWait + "\n")
                + "receivers:\n  - name: bench\n    webhook_configs:\n      - url: \"" + webhook + "\"\n");
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var log = home.resolve("alertmanager.log");
        var process = new ProcessBuilder(opts.getOrDefault("am", "prometheus-alertmanager"), "--config.file=" + config,
                "--storage.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        register(process);
        var url = "http://127.0.0.1:" + port;
        awaitTrue(Duration.ofSeconds(30), () -> {
            try {
                return CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, "alertmanager to be ready", process);
        return new Alertmanager(process, url, log);
    }

    /** An alert as Prometheus sends it: endsAt 4 minutes ahead (4 x its resend delay of 1 m), renewed by each resend. */
    static String amAlert(String alertname, String target, Instant startsAt) {
        return "{\"labels\":{\"alertname\":\"" + alertname + "\",\"target\":\"" + target + "\",\"severity\":\"critical\"},"
                + "\"annotations\":{\"summary\":\"" + target + " is down\"},\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                + Instant.now().plus(Duration.ofMinutes(4)) + "\"}";
    }

    static synchronized void register(Process process) throws IOException {
        children.add(process);
        Files.writeString(dir.resolve("children.pids"), process.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void stop(Process process) {
        if (!process.isAlive()) return;
        process.destroy();   // SIGTERM: tend serve closes its scheduler and store
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    static void stopChildren() {
        for (var process : List.copyOf(children)) stop(process);
    }

    // ---------------------------------------------------------------------------------------------
    // The far ends this program owns

    interface Handler {
        void handle(String body, long receivedMicros, com.sun.net.httpserver.Headers headers) throws Exception;
    }

    /** The webhook receiver: stamps each POST when its body has arrived, answers 200, checks the Standard Webhooks signature if any. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final String path;
        final AtomicInteger badSignatures = new AtomicInteger(), duplicates = new AtomicInteger();
        final Set<String> ids = ConcurrentHashMap.newKeySet();

        Receiver(String path, Handler handler) throws IOException {
            this.path = path;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext(path, exchange -> {
                try (exchange) {
                    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    long micros = nowMicros();
                    exchange.sendResponseHeaders(200, -1);
                    var headers = exchange.getRequestHeaders();
                    var id = headers.getFirst("webhook-id");
                    if (id != null) {
                        if (!ids.add(id)) duplicates.incrementAndGet();
                        var signature = "v1," + sign(id + "." + headers.getFirst("webhook-timestamp") + "." + body);
                        if (!signature.equals(headers.getFirst("webhook-signature"))) badSignatures.incrementAndGet();
                    }
                    handler.handle(body, micros, headers);
                } catch (Exception e) {
                    System.err.println("receiver: " + e);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /** The targets: GET /t/K answers 200, or 503 while K is down; notes the first 503 of each outage. */
    static final class Control implements AutoCloseable {
        final HttpServer server;
        final boolean[] down;
        final long[] firstBad;
        final AtomicLong requests = new AtomicLong(), flipAfter = new AtomicLong(Long.MAX_VALUE), flippedMicros = new AtomicLong();
        final AtomicLong firstBadAny = new AtomicLong();
        final AtomicBoolean all = new AtomicBoolean();
        volatile int stormUpTo = Integer.MAX_VALUE;   // the storm takes down /t/0 to /t/stormUpTo

        Control(int targets) throws IOException {
            down = new boolean[targets + 1];
            firstBad = new long[targets + 1];
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/t/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    int k = Integer.parseInt(exchange.getRequestURI().getPath().substring(3));
                    boolean bad;
                    synchronized (this) {
                        bad = down[k] || (all.get() && k <= stormUpTo);
                        if (bad && firstBad[k] == 0) firstBad[k] = nowMicros();
                        if (bad) firstBadAny.compareAndSet(0, nowMicros());
                    }
                    var answer = (bad ? "down" : "ok").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(bad ? 503 : 200, answer.length);
                    exchange.getResponseBody().write(answer);
                    // The storm: once the armed round has been answered in full, everything is down.
                    if (requests.incrementAndGet() == flipAfter.get()) {
                        all.set(true);
                        flippedMicros.set(nowMicros());
                    }
                } catch (RuntimeException e) {
                    exchange.sendResponseHeaders(400, -1);
                }
            });
            server.start();
        }

        String url(int k) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/t/" + k;
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Small things

    record Stats(double[] sorted) {
        static Stats of(List<Double> values) {
            return new Stats(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }

        /** Nearest rank. */
        double p(double q) {
            if (sorted.length == 0) return -1;
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }

        double max() {
            return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
        }

        double min() {
            return sorted.length == 0 ? -1 : sorted[0];
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void awaitTrue(Duration bound, Condition condition, String what, Process subject) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.holds()) {
            if (subject != null && !subject.isAlive()) throw new IllegalStateException("the process exited while waiting for " + what);
            if (System.nanoTime() > deadline) throw new IllegalStateException("no " + what + " within " + bound.toSeconds() + " s");
            Thread.sleep(20);
        }
    }

    static boolean awaitQuietly(Duration bound, Condition condition) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(20);
        }
        return true;
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            if (left > 2_000_000) Thread.sleep(left / 1_000_000 - 1);
            else Thread.onSpinWait();
        }
    }

    static long nowMicros() {
        var now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    static long instantMicros(Object value) {
        if (value instanceof Number number) {
            // Jackson writes an Instant as seconds with a fraction when it writes numbers.
            return (long) (number.doubleValue() * 1_000_000);
        }
        var at = Instant.parse(value.toString());
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    static long groupWaitSeconds(String groupWait) {
        if (groupWait.equals("default")) return 30;
        var digits = groupWait.replaceAll("[^0-9]", "");
        long value = digits.isEmpty() ? 0 : Long.parseLong(digits);
        return groupWait.endsWith("ms") ? 1 : groupWait.endsWith("m") ? value * 60 : value;
    }

    /** User + system CPU of a process so far, in ms (from /proc). */
    static long cpuMillis(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;   // USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String sign(String content) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    static void writeSeries(String name, List<Double> values) throws IOException {
        var text = new StringBuilder();
        for (var value : values) text.append(String.format(Locale.ROOT, "%.3f%n", value));
        Files.writeString(dir.resolve(name), text);
    }

    static String tail(Path file) {
        try {
            var text = Files.readString(file);
            return text.substring(Math.max(0, text.length() - 1500));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static int intOpt(String key, int fallback) {
        return opts.containsKey(key) ? Integer.parseInt(opts.get(key)) : fallback;
    }

    static double doubleOpt(String key, double fallback) {
        return opts.containsKey(key) ? Double.parseDouble(opts.get(key)) : fallback;
    }
}
