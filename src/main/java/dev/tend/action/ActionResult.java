package dev.tend.action;

/** How an action run ended, in one line for the schedule's record. */
public record ActionResult(boolean succeeded, String summary) {}
