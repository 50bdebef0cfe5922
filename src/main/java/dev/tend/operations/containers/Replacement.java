package dev.tend.operations.containers;

import dev.tend.action.Outcome;
import dev.tend.check.Failures;
import java.time.Duration;

/**
 * Replaces a container with a new one of the same configuration on a given image, as
 * {@code docker-compose up -d --force-recreate} does, and undoes it when the new one is not ready:
 * the old container is stopped and parked under another name (not removed) until the new one is
 * healthy, so going back is a rename and a start, not a rebuild.
 */
final class Replacement {
    private Replacement() {}

    /** How it went: the new container is ready, or why not and how the old one is after the roll back. */
    record Result(boolean replaced, String failure, String restored) {}

    /** What else must hold once the new container is ready (the target's own checks): empty, or why not. */
    interface Verification {
        java.util.Optional<String> failure() throws Exception;
    }

    static Result run(Engine engine, String container, String image, Timing timing, Outcome outcome) throws Exception {
        return run(engine, container, image, timing, outcome, java.util.Optional::empty);
    }

    static Result run(Engine engine, String container, String image, Timing timing, Outcome outcome, Verification verification) throws Exception {
        var old = engine.inspectOrFail(container);
        var oldId = old.path("Id").asString();
        boolean wasRunning = old.path("State").path("Running").asBoolean();
        var parked = container + "-tend-previous";
        if (engine.inspect(parked).isPresent()) {
            throw new IllegalStateException("a container named " + parked + " exists (left by an earlier run?): remove or rename it first");
        }
        var body = Engine.recreation(old, image);
        outcome.step("stop " + container + " (up to " + dev.tend.check.Units.age(timing.stopGrace()) + " to exit)");
        engine.stop(oldId, timing.stopGrace());
        engine.rename(oldId, parked);
        outcome.step("kept the old container as " + parked);
        String newId = null;
        String failure;
        try {
            newId = engine.create(container, body);
            engine.start(newId);
            outcome.step("created and started " + container + " on " + image);
            var ready = engine.awaitReady(newId, timing.settle(), timing.ready());
            outcome.step("new " + container + ": " + ready.description());
            var checks = ready.ready() ? verification.failure() : java.util.Optional.<String>empty();
            checks.ifPresent(why -> outcome.step("its own checks: " + why));
            if (ready.ready() && checks.isEmpty()) {
                engine.remove(oldId);
                outcome.step("removed the old container");
                return new Result(true, "", "");
            }
            failure = checks.map(why -> "its own checks failed: " + why).orElse(ready.description());
        } catch (Exception e) {
            failure = Failures.describe(e);
        }
        outcome.step("rolling back: " + failure);
        if (newId != null) engine.remove(newId);
        engine.rename(oldId, container);
        if (!wasRunning) return new Result(false, failure, "the old container is back (it was not running)");
        engine.start(oldId);
        var back = engine.awaitReady(oldId, timing.settle(), timing.ready());
        outcome.step("old " + container + " again: " + back.description());
        return new Result(false, failure, back.ready() ? "the old container is back and " + back.description()
                : "the old container is back but " + back.description() + " — look at it now");
    }

    /** The bounds: how long a container gets to stop, how long one without a health check must stay up, how long to wait for ready. */
    record Timing(Duration stopGrace, Duration settle, Duration ready) {
        static Timing of(dev.tend.action.Arguments arguments) {
            return new Timing(arguments.duration("--stop-timeout", Duration.ofSeconds(10)), arguments.duration("--settle", Duration.ofSeconds(10)),
                    arguments.duration("--timeout", Duration.ofMinutes(5)));
        }

        static final java.util.Set<String> OPTIONS = java.util.Set.of("--stop-timeout", "--settle", "--timeout");
    }
}
