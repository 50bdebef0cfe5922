package dev.tend.config.spec;

import dev.tend.config.SecretResolver;

/** What a spec needs while reading: where to report problems and how to resolve secret references. */
public record ReadContext(Problems problems, SecretResolver secrets) {}
