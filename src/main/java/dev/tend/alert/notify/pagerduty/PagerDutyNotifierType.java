package dev.tend.alert.notify.pagerduty;

import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifierType;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** {@code type: pagerduty}: PagerDuty's Events API v2, one PagerDuty incident per Tend incident. */
public final class PagerDutyNotifierType implements NotifierType {

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public String summary() {
        return "PagerDuty Events API v2: trigger, acknowledge and resolve by the incident's dedup_key";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("routingKey", new SecretSpec(), "the integration's routing key, a secret: \"${env:PAGERDUTY_ROUTING_KEY}\""),
                Field.withDefault("url", StringSpec.any(), "https://events.pagerduty.com/v2/enqueue", "the Events API endpoint"),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofMinutes(2)), "10s", "how long one attempt may take"));
    }

    @Override
    public Notifier bind(String name, Fields fields, Problems problems) {
        var key = fields.secret("routingKey").orElse(null);
        var url = fields.string("url");
        if (key == null || url == null) return null;
        String problem;
        try {
            problem = HttpUrls.problem(URI.create(url));
        } catch (IllegalArgumentException e) {
            problem = "not a URL";
        }
        if (problem != null) {
            problems.at(fields.nodeOf("url"), fields.pathOf("url"), problem, "https://events.pagerduty.com/v2/enqueue");
            return null;
        }
        return new PagerDutyNotifier(name, key, URI.create(url), fields.duration("timeout"));
    }
}
