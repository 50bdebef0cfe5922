package dev.tend.runbook;

import dev.tend.action.Action;
import java.time.Duration;
import java.util.Optional;

/**
 * One step of a runbook, in one phase of a maintenance run: before the work (pre-checks, the
 * pre-maintenance backup), the work, or the verification after it.
 */
public sealed interface Step {

    String name();

    Phase phase();

    OnFailure onFailure();

    /** One line for plans and logs. */
    String describe();

    enum Phase { PRE, TASKS, VERIFY, ROLLBACK }

    /** What a failed step does to the run: stop it, carry on, or roll back (run the rollback steps). */
    enum OnFailure { STOP, CONTINUE, ROLLBACK }

    /** Runs an action (a check round, a backup operation, a PostgreSQL task), within a timeout. */
    record Run(String name, Phase phase, OnFailure onFailure, Action action, Duration timeout, Optional<String> requires) implements Step {
        @Override
        public String describe() {
            return action.describe() + " (" + action.impact().name().toLowerCase(java.util.Locale.ROOT) + ", timeout "
                    + dev.tend.check.Units.age(timeout) + requires.map(target -> ", requires " + target + " healthy").orElse("") + ")";
        }
    }

    /** Waits for the sign-off of someone in the role; {@code automationLater} marks a step Tend will automate in a later version. */
    record Manual(String name, Phase phase, OnFailure onFailure, String text, String role, boolean automationLater) implements Step {
        @Override
        public String describe() {
            return "MANUAL" + (automationLater ? " (until automated)" : "") + ": " + text + " — sign-off by " + role;
        }
    }

    /** A message for the people following the maintenance (recorded in the run's log). */
    record Notify(String name, Phase phase, OnFailure onFailure, String message) implements Step {
        @Override
        public String describe() {
            return "notify: " + message;
        }
    }

    /** A pause, e.g. to let a restarted service settle. */
    record Wait(String name, Phase phase, OnFailure onFailure, Duration duration) implements Step {
        @Override
        public String describe() {
            return "wait " + dev.tend.check.Units.age(duration);
        }
    }
}
