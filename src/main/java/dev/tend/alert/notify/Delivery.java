package dev.tend.alert.notify;

import java.time.Duration;
import java.util.Optional;

/** What the far end made of one attempt: taken, worth trying again (perhaps after a given time), or refused for good. */
public sealed interface Delivery {
    record Delivered(String answer) implements Delivery {}

    record Retry(String reason, Optional<Duration> after) implements Delivery {}

    record Refused(String reason) implements Delivery {}
}
