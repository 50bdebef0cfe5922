package dev.tend.check;

/** One figure a check read, with its unit ("%", "bytes", "ms", "count", "days"). */
public record Measurement(String name, double value, String unit) {}
