package dev.tend.alert.notify.slack;

import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifierType;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.SecretSpec;
import java.time.Duration;
import java.util.List;

/** {@code type: slack}: a Slack incoming webhook (the URL is the credential). */
public final class SlackNotifierType implements NotifierType {

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public String summary() {
        return "a Slack incoming webhook";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("url", new SecretSpec(), "the incoming webhook URL, a secret: \"${env:SLACK_WEBHOOK_URL}\""),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofMinutes(2)), "10s", "how long one attempt may take"));
    }

    @Override
    public Notifier bind(String name, Fields fields, Problems problems) {
        var url = fields.secret("url").orElse(null);
        if (url == null) return null;
        if (url.isResolved() && !url.reveal().startsWith("https://") && !url.reveal().startsWith("http://")) {
            problems.at(fields.nodeOf("url"), fields.pathOf("url"), "not an http(s) URL", "Slack's look like https://hooks.slack.com/services/T…/B…/…");
            return null;
        }
        return new SlackNotifier(name, url, fields.duration("timeout"));
    }
}
