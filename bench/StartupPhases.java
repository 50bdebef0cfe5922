// Where the time of one `tend check` goes, phase by phase, in one fresh JVM started with the flags
// ./tend uses. bench/cold-start.sh compiles this with javac (not the source launcher, whose javac
// run would warm the JVM up first) and runs it on Tend's class path:
//
//   java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
//        -cp "CLASSES_DIR:target/classes:$(cat target/classpath.txt)" StartupPhases CONFIG
//
// Phases follow CheckCommand: config load, store open, HTTP client, checks, save, output. Logging (slf4j +
// logback, first touched by the store) and the SQLite driver's native library are taken out of
// "store open" and timed on their own just before it, so the store's remaining cost is Hikari (and
// Flyway, when the schema is behind). Prints "PHASE name|ms" lines, the last one the total from JVM start to the end of main.

import dev.tend.check.ResultHistory;
import dev.tend.registry.BuiltIn;
import dev.tend.target.TargetsSection;
import dev.tend.check.CheckContext;
import dev.tend.check.CheckRunner;
import dev.tend.check.CheckResult;
import dev.tend.store.Stores;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

public class StartupPhases {
    private static long mark = System.nanoTime();

    public static void main(String[] args) throws Exception {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        phase("jvm start to main", System.currentTimeMillis() - jvmStartMillis);
        mark = System.nanoTime();

        var config = BuiltIn.configLoader(System::getenv).load(Path.of(args[0]));
        phase("config load (YAML, schema, targets)");

        org.slf4j.LoggerFactory.getLogger(StartupPhases.class).debug("init");
        phase("logging init (slf4j + logback, configured in code)");

        var memory = new org.sqlite.SQLiteDataSource();
        memory.setUrl("jdbc:sqlite::memory:");
        try (var connection = memory.getConnection()) {
            connection.createStatement().execute("select 1");
        }
        phase("SQLite driver + native library");

        var clock = Clock.systemUTC();
        List<CheckResult> results;
        try (var store = Stores.open(config.store())) {
            phase("store open (Hikari; Flyway only when the schema is behind)");
            try (var context = CheckContext.create(clock)) {
                phase("check context (the HTTP client is made on first use, inside the checks)");
                results = new CheckRunner(clock, config.redactor(), config.concurrency()).run(TargetsSection.of(config), context, r -> {});
            }
            phase("checks (" + results.size() + ")");
            new ResultHistory(store).save(results);
            phase("store save");
        }
        phase("store close");
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var text = json.writeValueAsString(results.stream().map(r -> List.of(r.target(), r.check(), r.status().name(),
                r.reason() == null ? "" : r.reason(), r.duration().toMillis())).toList());
        if (text.isEmpty()) throw new IllegalStateException();
        phase("JSON output (Jackson)");
        phase("total, JVM start to end of main", System.currentTimeMillis() - jvmStartMillis);
    }

    private static void phase(String name) {
        long now = System.nanoTime();
        phase(name, (now - mark) / 1_000_000);
        mark = System.nanoTime();
    }

    private static void phase(String name, long millis) {
        System.out.printf(Locale.ROOT, "PHASE %s|%d%n", name, millis);
    }
}
