package dev.tend.nginx;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.action.TargetOperation;
import dev.tend.check.Measurement;
import dev.tend.command.CommandSettings;
import dev.tend.command.LocalCommand;
import dev.tend.check.tls.TlsTarget;
import dev.tend.task.Impact;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tls.renew TLS-TARGET}: the runbooks' {@code certbot renew} then {@code nginx -s reload},
 * judged by what the endpoint serves: the certificate's days left are read before and after, and
 * when renewal was due (fewer days left than the target's warn level) and the served certificate did
 * not change, the step fails — a renewal that "succeeded" while the old certificate is still served
 * is the failure that expires a site.
 */
public final class TlsRenewActionType implements ActionType {
    private static final String NAME = "tls.renew";

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " TLS-TARGET";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of(), Set.of());
        arguments.positional(1);
        var tls = arguments.target(0, lookup, TlsTarget.class, "tls");
        var renew = tls.renew().orElseThrow(() -> arguments.problem("'" + tls.name() + "' has no renew: {argv: [certbot, renew], reload: NGINX-TARGET}"));
        Optional<NginxTarget> reload = Optional.empty();
        if (renew.reload().isPresent()) {
            if (!(lookup.targets().get(renew.reload().get()) instanceof NginxTarget nginx)) {
                throw arguments.problem("'" + tls.name() + "' reloads '" + renew.reload().get() + "', which is not an nginx target");
            }
            reload = Optional.of(nginx);
        }
        return new Renew(tls, renew, reload);
    }

    private record Renew(TlsTarget target, TlsTarget.Renewal renewal, Optional<NginxTarget> reload) implements TargetOperation {
        @Override
        public String action() {
            return NAME;
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            var timeout = target.settings().timeout();
            var before = target.served(timeout);
            double daysBefore = daysLeft(before, context);
            boolean due = daysBefore <= target.daysLeft().warn();
            outcome.object(target.address().toString()).before(new Measurement("days_left", Math.floor(daysBefore), "days"));
            outcome.step("served: " + describe(before) + " (" + (long) Math.floor(daysBefore) + " days left; renewal " + (due ? "due" : "not due") + ")");
            var command = new CommandSettings(renewal.argv(), false, Optional.empty(), Map.of(), renewal.timeout(), Set.of(0), Impact.ONLINE,
                    Optional.of(target.name()), 64 * 1024, Optional.empty());
            outcome.step("$ " + command.display());
            if (outcome.dryRun()) {
                reload.ifPresent(nginx -> outcome.step("nginx -t, then nginx -s reload (" + nginx.name() + ")"));
                outcome.plan("would renew (" + (due ? "due" : "not due") + ": " + (long) Math.floor(daysBefore) + " days left) and read the certificate again");
                return;
            }
            var result = LocalCommand.run(command, context.environment());
            result.output().lines().filter(line -> !line.isBlank()).forEach(line -> outcome.step("> " + line));
            if (!result.succeeded(Set.of(0))) {
                outcome.fail(command.display() + " " + result.summary(renewal.timeout()) + lastLine(result.output()) + "; nothing reloaded");
                return;
            }
            if (reload.isPresent()) {
                var failure = NginxActionType.testAndReload(context, reload.get(), outcome);
                if (failure.isPresent()) {
                    outcome.fail("renewed, but " + failure.get());
                    return;
                }
            }
            var after = servedAfterReload(before, timeout);
            double daysAfter = daysLeft(after, context);
            outcome.after(new Measurement("days_left", Math.floor(daysAfter), "days"));
            outcome.step("served now: " + describe(after));
            boolean changed = !after.getSerialNumber().equals(before.getSerialNumber()) || !after.getNotAfter().equals(before.getNotAfter());
            var figures = (long) Math.floor(daysBefore) + " → " + (long) Math.floor(daysAfter) + " days left";
            if (changed) outcome.succeed("renewed: " + figures + " (expires " + after.getNotAfter().toInstant() + ")");
            else if (due) outcome.fail("renewal was due (" + (long) Math.floor(daysBefore) + " days left) but " + target.address()
                    + " still serves the same certificate (expires " + before.getNotAfter().toInstant() + ")");
            else outcome.succeed("not due yet: " + figures + ", the same certificate");
        }

        /** nginx's new workers start a moment after the reload signal: look a few times before judging. */
        private X509Certificate servedAfterReload(X509Certificate before, Duration timeout) throws Exception {
            X509Certificate now = target.served(timeout);
            for (int look = 0; look < 20 && now.getSerialNumber().equals(before.getSerialNumber()) && reload.isPresent(); look++) {
                Thread.sleep(100);
                now = target.served(timeout);
            }
            return now;
        }

        private static double daysLeft(X509Certificate certificate, ActionContext context) {
            return Duration.between(context.clock().instant(), certificate.getNotAfter().toInstant()).toSeconds() / 86_400.0;
        }

        private static String describe(X509Certificate certificate) {
            return certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber().toString(16) + ", expires "
                    + certificate.getNotAfter().toInstant();
        }

        private static String lastLine(String output) {
            return output.lines().filter(line -> !line.isBlank()).reduce((a, b) -> b).map(line -> ": " + line).orElse("");
        }
    }
}
