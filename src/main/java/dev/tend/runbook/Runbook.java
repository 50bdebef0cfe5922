package dev.tend.runbook;

import java.util.List;
import java.util.Optional;

/** An ordered procedure: its steps (in phases), the steps that roll it back, and the window it must run in, if any. */
public record Runbook(String name, String title, String type, Optional<String> window, List<Step> steps, List<Step> rollback) {}
