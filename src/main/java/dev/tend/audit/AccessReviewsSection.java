package dev.tend.audit;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import dev.tend.target.Target;
import dev.tend.target.TargetsSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code accessReviews:} the account reviews the security team signs (tend access review NAME). */
public final class AccessReviewsSection implements ConfigSection<List<AccessReviewSettings>> {
    public static final SectionKey<List<AccessReviewSettings>> KEY = new SectionKey<>("accessReviews");
    static final String SECURITY_TEAM = "Security Team";

    public static List<AccessReviewSettings> of(TendConfig config) {
        return config.list(KEY);
    }

    public static Optional<AccessReviewSettings> named(TendConfig config, String name) {
        return config.named(KEY, AccessReviewSettings::name, name);
    }

    @Override
    public SectionKey<List<AccessReviewSettings>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.optional("accessReviews", ListSpec.of(ObjectSpec.of("an access review: whose accounts, when inactive, who signs",
                Field.required("name", StringSpec.matching("[a-z0-9][a-z0-9_.-]{0,62}", "lower-case letters, digits, '_', '.', '-'"),
                        "the name used by tend access review NAME"),
                Field.required("target", StringSpec.any(), "a postgres target (its roles, or users: of its application) or a redis target (its ACL users)"),
                Field.optional("users", StringSpec.any(), "postgres only: a read-only query listing the application's users, with columns "
                        + "user (or username), and optionally role, last_login, is_superuser or admin"),
                Field.withDefault("inactiveAfter", DurationSpec.between(Duration.ofDays(1), Duration.ofDays(3650)), "90d",
                        "an account unseen for longer is inactive"),
                Field.optional("adminRoles", ListSpec.of(StringSpec.any()), "roles that make an account an administrator, e.g. [admin]"),
                Field.withDefault("signer", StringSpec.any(), SECURITY_TEAM, "the role that signs the review"))),
                "accessReviews: [{name: db-roles, target: db}]");
    }

    @Override
    public List<String> after() {
        return List.of(TargetsSection.KEY.name());
    }

    @Override
    public List<AccessReviewSettings> bind(SectionBinding binding) {
        var targets = binding.get(TargetsSection.KEY).all().stream().collect(Collectors.toMap(Target::name, target -> target, (a, b) -> a));
        var reviews = new ArrayList<AccessReviewSettings>();
        var names = new HashSet<String>();
        for (var fields : binding.entries()) {
            // Invalid values were reported where they stand; such an entry is left out.
            if (!fields.has("name") || !fields.has("target") || !fields.has("inactiveAfter") || !fields.has("signer")) continue;
            if (!names.add(fields.string("name"))) {
                binding.problems().at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate access review '" + fields.string("name") + "'", null);
                continue;
            }
            var target = targets.get(fields.string("target"));
            if (target == null) {
                binding.problems().at(fields.nodeOf("target"), fields.pathOf("target"), "no target named '" + fields.string("target") + "'",
                        Suggestions.didYouMean(fields.string("target"), targets.keySet()));
                continue;
            }
            var type = target.settings().type();
            if (!type.equals("postgres") && !type.equals("redis")) {
                binding.problems().at(fields.nodeOf("target"), fields.pathOf("target"), "target " + target.name() + " is a " + type
                        + " target; access reviews read postgres roles, an application's users through postgres, or redis ACL users", null);
                continue;
            }
            if (fields.has("users") && !type.equals("postgres")) {
                binding.problems().at(fields.nodeOf("users"), fields.pathOf("users"), "users: is a SQL query and needs a postgres target", null);
                continue;
            }
            if (fields.has("users") && !fields.string("users").trim().toLowerCase(Locale.ROOT).matches("(select|with)\\b[\\s\\S]*")) {
                binding.problems().at(fields.nodeOf("users"), fields.pathOf("users"), "users: must be a SELECT query (it runs read-only)",
                        "e.g. SELECT username AS user, role, last_login FROM users");
                continue;
            }
            List<String> admins = fields.has("adminRoles") ? fields.<String>list("adminRoles").stream().filter(java.util.Objects::nonNull).toList() : List.of();
            reviews.add(new AccessReviewSettings(fields.string("name"), target.name(), type, fields.optionalString("users"), fields.duration("inactiveAfter"),
                    List.copyOf(admins), fields.string("signer")));
        }
        return reviews;
    }

    @Override
    public Set<String> names(List<AccessReviewSettings> reviews) {
        return reviews.stream().map(AccessReviewSettings::name).collect(Collectors.toSet());
    }
}
