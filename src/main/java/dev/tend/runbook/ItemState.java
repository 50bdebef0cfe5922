package dev.tend.runbook;

/** Where one item stands in one period: done (and how), still open (due by the period's end), or overdue (its period passed). */
public record ItemState(ChecklistItem item, Period period, State state, String how) {

    public enum State { DONE, OPEN, OVERDUE }
}
