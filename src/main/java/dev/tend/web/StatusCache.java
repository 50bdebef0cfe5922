package dev.tend.web;

import dev.tend.status.StatusPage;
import dev.tend.status.StatusPageBuilder;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The status page and its JSON and feeds, rendered when the page is rebuilt, never per request: a
 * request is a map lookup. A background thread rebuilds every {@link #FRESH} while the page is
 * being read (and stops after {@link #IDLE} without a reader), so no reader waits for a rebuild;
 * only the first request, or one that finds the render older than {@link #STALE} (the thread
 * stopped or is stuck), rebuilds on the spot, the others meanwhile getting the previous render.
 * When the store is away, the last good render is served and the failure logged, which is
 * stale-if-error at the origin too.
 */
final class StatusCache {
    static final Duration FRESH = Duration.ofSeconds(2);
    static final Duration STALE = FRESH.multipliedBy(2);
    static final Duration IDLE = Duration.ofMinutes(1);
    private final java.util.concurrent.ScheduledExecutorService refresher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("tend-status-page").factory());
    private volatile long lastRead = System.nanoTime();
    private java.util.concurrent.ScheduledFuture<?> refreshing;
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private final StatusPageBuilder builder;
    private final Consumer<String> log;
    private final java.time.Clock clock;
    private final ReentrantLock rebuilding = new ReentrantLock();
    private volatile Map<String, Rendered> rendered;
    private volatile Instant builtAt = Instant.MIN;
    private volatile StatusPage page;

    /** One rendered resource: its body, content type and strong ETag. */
    record Rendered(byte[] body, String contentType, String etag) {}

    StatusCache(StatusPageBuilder builder, java.time.Clock clock, Consumer<String> log) {
        this.builder = builder;
        this.clock = clock;
        this.log = log;
    }

    Rendered get(String name) {
        lastRead = System.nanoTime();
        var now = clock.instant();
        if (rendered == null || builtAt.plus(STALE).isBefore(now)) {
            if (rendered == null) rebuilding.lock(); else if (!rebuilding.tryLock()) return rendered.get(name);
            try {
                if (rendered == null || builtAt.plus(STALE).isBefore(now)) rebuild(now);
            } finally {
                rebuilding.unlock();
            }
        }
        keepFresh();
        return rendered.get(name);
    }

    /** Starts the background rebuilds if they are not running (the first read, or the first after an idle minute). */
    private synchronized void keepFresh() {
        if (refreshing != null && !refreshing.isDone()) return;
        refreshing = refresher.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastRead > IDLE.toNanos()) {
                refreshing.cancel(false); // nobody reads: stop until someone does
                return;
            }
            if (!rebuilding.tryLock()) return;
            try {
                rebuild(clock.instant());
            } catch (RuntimeException e) {
                log.accept("status page: " + dev.tend.check.Failures.describe(e));
            } finally {
                rebuilding.unlock();
            }
        }, FRESH.toMillis(), FRESH.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    StatusPage page() {
        get("summary.json");
        return page;
    }

    private void rebuild(Instant now) {
        StatusPage fresh;
        try {
            fresh = builder.build();
        } catch (RuntimeException e) {
            if (rendered == null) throw e;
            log.accept("status page: could not rebuild (" + dev.tend.check.Failures.describe(e) + "); serving the page of " + builtAt);
            builtAt = now; // try again after FRESH, not on every request
            return;
        }
        var url = "/status";
        var next = new HashMap<String, Rendered>();
        var fingerprint = fingerprint(fresh);
        json(next, fingerprint, "summary.json", StatuspageJson.summary(fresh, url));
        json(next, fingerprint, "status.json", StatuspageJson.status(fresh, url));
        json(next, fingerprint, "components.json", StatuspageJson.components(fresh, url));
        json(next, fingerprint, "incidents.json", StatuspageJson.incidents(fresh, url, fresh.incidents()));
        json(next, fingerprint, "incidents/unresolved.json", StatuspageJson.incidents(fresh, url, fresh.unresolvedIncidents()));
        json(next, fingerprint, "scheduled-maintenances.json", StatuspageJson.maintenances(fresh, url, fresh.maintenances()));
        json(next, fingerprint, "scheduled-maintenances/upcoming.json", StatuspageJson.maintenances(fresh, url, fresh.upcomingMaintenances()));
        json(next, fingerprint, "scheduled-maintenances/active.json", StatuspageJson.maintenances(fresh, url, fresh.activeMaintenances()));
        var html = new StringOutput();
        TEMPLATES.render("status/page.jte", Map.of("page", fresh), html);
        put(next, fingerprint, "page", html.toString(), "text/html; charset=utf-8");
        put(next, fingerprint, "feed.atom", StatusFeeds.atom(fresh), "application/atom+xml; charset=utf-8");
        put(next, fingerprint, "feed.rss", StatusFeeds.rss(fresh), "application/rss+xml; charset=utf-8");
        page = fresh;
        rendered = Map.copyOf(next);
        builtAt = now;
    }

    private static void json(Map<String, Rendered> into, String fingerprint, String name, Object body) {
        put(into, fingerprint, name, Json.write(body), "application/json");
    }

    /**
     * Every render carries times that move with each rebuild (the page's, a component's latest
     * check): the ETag is over what a reader cares about instead — statuses, incidents and their
     * updates — so it is weak, and an unchanged page keeps it.
     */
    private static void put(Map<String, Rendered> into, String fingerprint, String name, String body, String contentType) {
        into.put(name, new Rendered(body.getBytes(StandardCharsets.UTF_8), contentType, "W/\"" + dev.tend.access.Digests.sha256(name + "\n" + fingerprint).substring(0, 32) + "\""));
    }

    private static String fingerprint(StatusPage page) {
        var out = new StringBuilder(page.title()).append('|').append(page.indicator());
        page.components().forEach(component -> out.append('|').append(component.id()).append('=').append(component.status()));
        for (var list : java.util.List.of(page.incidents(), page.maintenances())) {
            list.forEach(incident -> out.append('|').append(incident.id()).append('=').append(incident.status()).append('/').append(incident.updates().size())
                    .append('/').append(incident.updatedAt()));
        }
        return out.toString();
    }
}
