package dev.tend.cli;

import dev.tend.config.spec.DurationSpec;
import dev.tend.schedule.ScheduleServer;
import dev.tend.alert.AlertService;
import dev.tend.alert.notify.Deliverer;
import dev.tend.runbook.ChecklistAlerts;
import dev.tend.schedule.WindowsSection;
import dev.tend.alert.notify.DeliveryLoop;
import dev.tend.alert.notify.NotifiersSection;
import dev.tend.alert.notify.SilenceMirror;
import dev.tend.alert.notify.Wakeup;
import dev.tend.schedule.SchedulesSection;
import dev.tend.schedule.ServeSection;
import dev.tend.store.Stores;
import dev.tend.web.WebContext;
import dev.tend.web.WebServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tend serve}: run the schedules and deliver alerts until stopped, and answer HTTP (API, health) on serve.listen. */
@Command(name = "serve", footerHeading = "%nExamples:%n",
        footer = {"  tend serve -c /etc/tend/tend.yaml", "  tend serve --for 10m", "  tend serve --listen 127.0.0.1:9090"},
        description = "Run the schedules unattended until stopped (Ctrl-C or SIGTERM), deliver alerts, and answer HTTP "
        + "(/api/v1, /livez, /readyz) on serve.listen. Several instances may share one PostgreSQL store: each run happens "
        + "once, and the runs of an instance that dies are taken over.")
final class ServeCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Option(names = "--for", paramLabel = "DURATION", description = "stop after this long (e.g. 10m); default: until stopped")
    String runFor;

    @Option(names = "--name", paramLabel = "NAME", description = "this instance's name in records (default: HOST-PID)")
    String name;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "where HTTP listens, instead of serve.listen (port 0: any free port)")
    String listen;

    ServeCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var limit = runFor == null ? null : DurationSpec.parse(runFor);
        if (runFor != null && limit == null) throw new ParameterException(spec.commandLine(), "--for: '" + runFor + "' is not a duration such as 10m");
        var address = listen == null ? null : dev.tend.target.Address.parseListen(listen);
        if (listen != null && address == null) throw new ParameterException(spec.commandLine(), "--listen: '" + listen + "' is not HOST:PORT (e.g. 127.0.0.1:8484)");
        var config = tend.loadConfig();
        var instance = name != null ? name : hostName() + "-" + ProcessHandle.current().pid();
        var out = spec.commandLine().getOut();
        var stopped = new CountDownLatch(1);
        var closed = new CountDownLatch(1);
        java.util.function.Consumer<String> log = line -> {
            synchronized (out) {
                out.println(Instant.now(environment.clock()) + " " + line);
                out.flush();
            }
        };
        DeliveryLoop delivery = null;
        WebServer web = null;
        dev.tend.schedule.RollupLoop rollups = null;
        var wakeup = new Wakeup();
        try (var store = Stores.open(config.store());
                var server = new ScheduleServer(config, store, environment.clock(), environment.variables(), instance, log, wakeup::wake)) {
            // SIGTERM: let the main thread stop the scheduler and close the store before the JVM halts.
            var hook = new Thread(() -> {
                stopped.countDown();
                try {
                    closed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop tend serve");
            Runtime.getRuntime().addShutdownHook(hook);
            // HTTP first: a port in use stops tend serve before it has run anything.
            web = WebServer.start(new WebContext(config, store, environment.clock(), log, environment.variables()), address != null ? address : ServeSection.of(config).listen());
            server.start();
            var checklists = new ChecklistAlerts(config, store, environment.clock());
            var calendar = WindowsSection.calendar(config);
            var alerting = new AlertService(config, store, environment.clock(), calendar);
            var silences = new SilenceMirror(store, NotifiersSection.of(config), calendar::occurrences, config.platform().name());
            var announcer = new dev.tend.status.MaintenanceAnnouncer(config, store, environment.clock(), log);
            delivery = new DeliveryLoop(Deliverer.of(config, store, environment.clock(), log),
                    () -> alerting.tick() + checklists.evaluateDue() + silences.due(environment.clock().instant()) + announcer.due(), ServeSection.of(config).pollInterval(),
                    wakeup, log);
            delivery.start();
            var daily = new dev.tend.check.DailyRollups(store, calendar);
            rollups = new dev.tend.schedule.RollupLoop(daily, new dev.tend.check.ResultRetention(store, daily), dev.tend.check.RetentionSection.results(config),
                    environment.clock(), log);
            out.println("tend serve: " + instance + " running " + SchedulesSection.of(config).size() + " schedule(s) on " + config.store().describe()
                    + "; HTTP on http://" + new dev.tend.target.Address(
                            (address != null ? address : ServeSection.of(config).listen()).host(), web.port()));
            out.flush();
            if (limit == null) stopped.await(); else stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            web.close(); // no new requests; those in flight finish
            rollups.close();
            delivery.close(); // before the store closes: a delivery in flight is settled or left to its lease
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // stopping because of the signal
            }
        } finally {
            if (web != null) web.close();
            if (rollups != null) rollups.close();
        }
        out.println("tend serve: " + instance + " stopped");
        out.flush();
        closed.countDown();
        return 0;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "tend";
        }
    }

}
