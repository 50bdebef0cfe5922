package dev.tend.action;

/**
 * How an action run ended, in one line for the schedule's record.
 *
 * @param findingsOnly it did not succeed only because its work found problems that raise their own
 *     alerts (a check round with a check not OK): the run itself worked, so its schedule is not
 *     alerted as failed, and the problem pages once, as the check's alert, not twice
 */
public record ActionResult(boolean succeeded, String summary, boolean findingsOnly) {

    public ActionResult(boolean succeeded, String summary) {
        this(succeeded, summary, false);
    }

    /** The work ran to its end and found problems that alert on their own. */
    public static ActionResult foundProblems(String summary) {
        return new ActionResult(false, summary, true);
    }
}
