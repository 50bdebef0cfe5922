package dev.tend.config;

/** The name of a top-level section and the type of its bound settings, for typed access to {@link TendConfig}. */
public record SectionKey<T>(String name) {}
