package dev.tend.cli;

import dev.tend.alert.notify.Delivery;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.NotifiersSection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend notify test NOTIFIER}: one test message, and what the far end answered. */
@Command(name = "notify", footerHeading = "%nExamples:%n", footer = {"  tend notify test ops-mail"},
        description = "Notifiers: send a test message through one.", subcommands = NotifyCommand.Test.class)
final class NotifyCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "test", footerHeading = "%nExamples:%n", footer = {"  tend notify test ops-mail", "  tend notify test pager-hook"},
            description = "Send a test message through a notifier now (not through the outbox) and print what the far end answered; "
                    + "exit 1 when it did not take it.")
    static final class Test implements Callable<Integer> {
        private final Main.Environment environment;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NOTIFIER", description = "a name under notifiers:")
        String name;

        Test(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            var config = ((TendCommand) spec.parent().parent().userObject()).loadConfig();
            var notifier = NotifiersSection.named(config, name).orElseThrow(() -> new ParameterException(spec.commandLine(), "no notifier named '"
                    + name + "'" + (NotifiersSection.of(config).isEmpty() ? "; tend.yaml has no notifiers: section"
                    : "; notifiers: " + String.join(", ", NotifiersSection.of(config).stream().map(dev.tend.alert.notify.Notifier::name).toList()))));
            var now = environment.clock().instant();
            var message = new Message("tend-test-" + now.toEpochMilli(), Message.TEST, config.platform().name(), now, "tend",
                    "a test message from tend notify test: nothing is wrong",
                    new Message.IncidentView(0, "test message", "WARNING", "TRIGGERED", now), List.of());
            var result = notifier.send(message, now);
            var out = spec.commandLine().getOut();
            var answer = switch (result) {
                case Delivery.Delivered delivered -> "delivered: " + delivered.answer();
                case Delivery.Retry retry -> "not delivered, would be tried again: " + retry.reason();
                case Delivery.Refused refused -> "refused: " + refused.reason();
            };
            out.println(name + " (" + notifier.describe() + "): " + config.redactor().redact(answer));
            out.flush();
            return result instanceof Delivery.Delivered ? 0 : 1;
        }
    }
}
