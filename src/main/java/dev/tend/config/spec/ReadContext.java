package dev.tend.config.spec;

import dev.tend.config.SecretResolver;

import java.nio.file.Path;

/**
 * What a spec needs while reading: where to report problems, how to resolve secret references,
 * and the directory relative paths are resolved against (the config file's).
 */
public record ReadContext(Problems problems, SecretResolver secrets, Path baseDirectory) {}
