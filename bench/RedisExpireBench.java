import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.resps.Slowlog;

/**
 * Drives bench/redis-expire.sh: for each way of reclaiming expired keys, loads the same data afresh
 * (N keys, a share of them already expired, active expiry off so only the tool reclaims), runs it,
 * and measures wall time, keys reclaimed (INFO expired_keys) and the longest command (SLOWLOG,
 * every command over 100 µs logged).
 *
 * Usage: java -cp TEND_CLASSPATH RedisExpireBench.java PORT KEYS EXPIRED_PERCENT TEND_LAUNCHER TEND_CONFIG
 */
public class RedisExpireBench {
    private static final ProtocolCommand DEBUG = () -> "DEBUG".getBytes();

    record Row(String tool, String outcome, double seconds, long reclaimed, double longestMillis, String longestCommand) {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int keys = Integer.parseInt(args[1]);
        int expiredPercent = Integer.parseInt(args[2]);
        var tend = args[3];
        var config = args[4];
        var rows = new ArrayList<Row>();
        var runbookScript = """
                for i=0,redis.call('CONFIG','GET','databases')[2]-1 do
                  redis.call('SELECT',i)
                  redis.call('SCAN',0,'MATCH','*','COUNT',1000)
                end""";
        var meantScript = """
                for i=0,15 do
                  redis.call('SELECT',i)
                  redis.call('SCAN',0,'MATCH','*','COUNT',1000)
                end
                return 1""";
        var completeScript = """
                local visited = 0
                for i=0,15 do
                  redis.call('SELECT',i)
                  local cursor = '0'
                  repeat
                    local page = redis.call('SCAN',cursor,'COUNT',1000)
                    cursor = page[1]
                    visited = visited + #page[2]
                  until cursor == '0'
                end
                return visited""";
        rows.add(lua(port, keys, expiredPercent, "runbook's Lua, as written (redis-cli --eval)", runbookScript));
        rows.add(lua(port, keys, expiredPercent, "runbook's Lua, databases counted by hand (one SCAN per database)", meantScript));
        rows.add(lua(port, keys, expiredPercent, "Lua scanning every database to its end (one EVAL)", completeScript));
        rows.add(tendRun(port, keys, expiredPercent, tend, config));
        System.out.printf("| way | outcome | time s | expired keys reclaimed (of %,d) | longest command ms | which |%n", keys * expiredPercent / 100);
        System.out.println("|---|---|---|---|---|---|");
        for (var row : rows) {
            System.out.printf("| %s | %s | %.2f | %,d | %s | %s |%n", row.tool(), row.outcome(), row.seconds(), row.reclaimed(),
                    row.longestMillis() < 0.1 ? "< 0.1" : String.format("%.1f", row.longestMillis()), row.longestCommand());
        }
    }

    private static Jedis connect(int port) {
        var jedis = new Jedis("127.0.0.1", port, 600_000);
        return jedis;
    }

    /** N keys in db0, EXPIRED% of them with a TTL already passed; active expiry off; slowlog and stats reset. */
    private static void load(int port, int keys, int expiredPercent) throws Exception {
        try (var jedis = connect(port)) {
            jedis.flushAll();
            jedis.sendCommand(DEBUG, "SET-ACTIVE-EXPIRE", "0");
            var pipeline = jedis.pipelined();
            for (int i = 0; i < keys; i++) {
                if (i % 100 < expiredPercent) pipeline.psetex("session:" + i, 1, "x"); else pipeline.set("user:" + i, "y");
                if (i % 10_000 == 9_999) pipeline.sync();
            }
            pipeline.sync();
            Thread.sleep(100);
            jedis.configSet("slowlog-log-slower-than", "100");
            jedis.configSet("slowlog-max-len", "1000000");
            jedis.slowlogReset();
            jedis.configResetStat();
        }
    }

    /** Reclaimed keys and the longest command since the load. */
    private static Row measure(int port, String tool, String outcome, double seconds) {
        try (var jedis = connect(port)) {
            long reclaimed = Long.parseLong(jedis.info("stats").lines().filter(line -> line.startsWith("expired_keys:")).findFirst().orElseThrow()
                    .substring("expired_keys:".length()).strip());
            List<Slowlog> log = jedis.slowlogGet(1_000_000);
            var longest = log.stream().filter(entry -> !entry.getArgs().isEmpty() && !entry.getArgs().getFirst().equalsIgnoreCase("slowlog")
                    && !entry.getArgs().getFirst().equalsIgnoreCase("info")).max(java.util.Comparator.comparingLong(Slowlog::getExecutionTime));
            return new Row(tool, outcome, seconds, reclaimed, longest.map(entry -> entry.getExecutionTime() / 1000.0).orElse(0.0),
                    longest.map(entry -> entry.getArgs().getFirst().toUpperCase()).orElse("-"));
        }
    }

    private static Row lua(int port, int keys, int expiredPercent, String tool, String script) throws Exception {
        load(port, keys, expiredPercent);
        var file = Files.createTempFile("tend-bench", ".lua");
        Files.writeString(file, script);
        long start = System.nanoTime();
        var process = new ProcessBuilder("redis-cli", "-p", String.valueOf(port), "--eval", file.toString(), "0").redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(file);
        var outcome = output.startsWith("(error)") || output.startsWith("ERR") ? "error: " + output.replaceAll("\\s+", " ").replaceAll("script: \\w+, ", "") : "ran";
        return measure(port, tool, outcome, seconds);
    }

    private static Row tendRun(int port, int keys, int expiredPercent, String tend, String config) throws Exception {
        load(port, keys, expiredPercent);
        long start = System.nanoTime();
        var process = new ProcessBuilder(tend, "-c", config, "run", "redis.expire-scan", "cache", "--json").redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        process.waitFor(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        var result = output.contains("\"result\":\"SUCCEEDED\"") ? "ran" : "failed: " + output.strip();
        var durationMs = output.replaceAll("(?s).*\"durationMs\":(\\d+).*", "$1");
        return measure(port, "tend run redis.expire-scan (own work " + durationMs + " ms of the process's time)", result, seconds);
    }
}
