package dev.tend.config;

import java.time.ZoneId;

/** The platform this file describes: its name, and the time zone its people think in. */
public record PlatformSettings(String name, ZoneId timezone) {}
