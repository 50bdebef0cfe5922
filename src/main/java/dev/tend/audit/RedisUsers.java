package dev.tend.audit;

import dev.tend.redis.RedisConnector;
import dev.tend.redis.RedisTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Redis server's ACL users from {@code ACL LIST}: enabled or not, passwordless, and what they may
 * run — every command (+@all, allcommands) makes a superuser, the admin category an administrator.
 */
final class RedisUsers {
    private RedisUsers() {}

    static Listing list(RedisTarget target, AccessReviewSettings settings, Duration timeout) {
        var accounts = new ArrayList<Account>();
        try (var jedis = RedisConnector.open(target, timeout)) {
            for (var line : jedis.aclList()) {
                var words = Arrays.asList(line.split("\\s+"));
                if (words.size() < 2 || !words.get(0).equals("user")) continue;
                var name = words.get(1);
                boolean on = words.contains("on");
                boolean all = words.contains("+@all") || words.contains("allcommands");
                boolean admin = !all && (words.contains("+@admin") || settings.adminRoles().contains(name));
                var notes = new ArrayList<String>();
                if (!on) notes.add("disabled");
                if (on && words.contains("nopass")) notes.add("no password");
                var categories = words.stream().filter(word -> word.startsWith("+@")).toList();
                accounts.add(new Account(name, categories, all, admin, on, Optional.empty(), List.copyOf(notes)));
            }
        }
        return new Listing("ACL users of Redis " + target.where(), accounts,
                List.of("Redis keeps no login times: inactivity is not judged for its users"));
    }
}
