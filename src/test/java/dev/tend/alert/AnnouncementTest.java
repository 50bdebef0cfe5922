package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tend.alert.notify.Outbox;
import dev.tend.cli.Main;
import dev.tend.config.ConfigException;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Stores;
import dev.tend.testing.FreePorts;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance told to the users through announcements: (a real SMTP server, GreenMail): the start,
 * each notify step, the completion notice; incidents never go to them, and a failed run pages on-call only.
 */
class AnnouncementTest {
    private static final Instant SUNDAY_0200 = Instant.parse("2026-11-29T02:00:00Z");
    @TempDir
    Path directory;
    private GreenMail smtp;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        int port = FreePorts.next();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: api, type: tcp, address: "127.0.0.1:1" }
                notifiers:
                  - { name: users, type: email, host: 127.0.0.1, port: %d, tls: none, from: tend@example.com, to: [users@example.com] }
                  - { name: oncall, type: email, host: 127.0.0.1, port: %d, tls: none, from: tend@example.com, to: [oncall@example.com] }
                announcements: { notify: [users] }
                runbooks:
                  - name: patch
                    title: Kernel patching
                    steps:
                      - { name: tell, notify: "Patching starts now; the API may answer slowly for 10 minutes", phase: pre }
                      - { name: wait, wait: 1s }
                  - name: broken
                    title: API upgrade
                    steps:
                      - { name: verify, run: check api, phase: verify }
                store: { path: "%s" }
                """.formatted(port, port, directory.resolve("tend.db")));
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    @Test
    void theStartEachNotifyStepAndTheCompletionNoticeReachTheUsers() throws Exception {
        var run = tend("runbook", "run", "patch", "--as", "alice");

        assertThat(run).contains("run 1 of patch: COMPLETED", "notifications: 3 delivered");
        assertThat(subjects("users@example.com")).containsExactly(
                "[MAINTENANCE] Lab: Kernel patching has started",
                "[MAINTENANCE] Lab: Kernel patching: Patching starts now; the API may answer slowly for 10 minutes",
                "[MAINTENANCE] Lab: Kernel patching is complete");
        var notice = (String) mailTo("users@example.com")[2].getContent();
        assertThat(notice).contains("MAINTENANCE COMPLETE", "All services are now fully operational.");
        assertThat(subjects("oncall@example.com")).as("maintenance news is for users").isEmpty();
        assertThat(tend("runbook", "show", "1")).contains("notified: Patching starts now; the API may answer slowly for 10 minutes (to users)");
    }

    @Test
    void aFailedRunTellsTheUsersItFailedAndPagesOnCallOnly() throws Exception {
        var run = tend("runbook", "run", "broken");

        assertThat(run).contains("run 1 of broken: FAILED");
        assertThat(subjects("users@example.com")).containsExactly("[MAINTENANCE] Lab: API upgrade has started", "[MAINTENANCE] Lab: API upgrade failed");
        assertThat(subjects("oncall@example.com")).singleElement().asString()
                .startsWith("[CRITICAL] Lab: incident 1 triggered: maintenance broken: run 1 failed: step verify failed");
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            assertThat(new Outbox(store).list("DELIVERED", 10)).extracting(Outbox.Row::notifier).containsOnly("users", "oncall");
        }
    }

    @Test
    void aPagerCannotAnnounceAndANameMustExist() {
        var loader = BuiltIn.configLoader(Map.<String, String>of("PD_KEY", "0123456789abcdef0123456789abcdef")::get);
        var failure = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> loader.parse("""
                platform: { name: Lab }
                targets:
                  - { name: api, type: tcp, address: "127.0.0.1:1" }
                notifiers:
                  - { name: pd, type: pagerduty, routingKey: "${env:PD_KEY}" }
                announcements: { notify: [pd, userz] }
                """, Path.of("tend.yaml")));
        assertThat(failure.problems()).extracting(problem -> problem.path() + ": " + problem.message()).containsExactly(
                "announcements.notify[0]: notifier 'pd' (pagerduty events.pagerduty.com) pages on-call; it cannot tell users of maintenance",
                "announcements.notify[1]: no notifier named 'userz'");
    }

    private String[] subjects(String recipient) throws Exception {
        return Arrays.stream(mailTo(recipient)).map(message -> {
            try {
                return message.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(String[]::new);
    }

    private MimeMessage[] mailTo(String recipient) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().equals(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    private String tend(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of("-c", config.toString()));
        var environment = new HashMap<String, String>(Map.of("PATH", System.getenv("PATH")));
        Main.run(new Main.Environment(Clock.fixed(SUNDAY_0200, ZoneOffset.UTC), environment::get), new PrintWriter(out), new PrintWriter(err),
                all.toArray(String[]::new));
        return out + err.toString();
    }
}
