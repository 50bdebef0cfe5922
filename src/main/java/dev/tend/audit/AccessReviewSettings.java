package dev.tend.audit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code accessReviews:} entry: whose accounts are reviewed (a PostgreSQL server's roles, a
 * Redis server's ACL users, or an application's users through a read-only query on a database
 * target), when an account counts as inactive, which roles are administrators, and which role signs.
 */
public record AccessReviewSettings(String name, String target, String targetType, Optional<String> users, Duration inactiveAfter,
        List<String> adminRoles, String signer) {}
