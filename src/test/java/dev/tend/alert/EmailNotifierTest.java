package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tend.alert.notify.Delivery;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifiersSection;
import dev.tend.registry.BuiltIn;
import dev.tend.testing.FreePorts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The email notifier against a real SMTP server (GreenMail) on loopback, with authentication. */
class EmailNotifierTest {
    private static final Message PAGE = new Message("tend-3-9", Message.TRIGGERED, "Lab", Instant.parse("2026-12-01T03:00:00Z"), "tend",
            "db is CRIT", new Message.IncidentView(3, "db/connect: connection refused", "CRITICAL", "TRIGGERED", Instant.parse("2026-12-01T03:00:00Z")),
            List.of(new Message.AlertView("check:db/connect", "db", "connect", "FIRING", "CRITICAL", "connection refused")));

    private GreenMail smtp;
    private int port;

    @BeforeEach
    void start() {
        port = FreePorts.next();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("tend@example.com", "tend", "s3cret-smtp-pw");
        smtp.getManagers().getSmtpManager().getUserManager().setAuthRequired(true);
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aPageArrivesAsMailWithTheHeadlineAsSubjectAndTheAlertsInTheBody() throws Exception {
        var mail = notifier("s3cret-smtp-pw");

        var delivery = mail.send(PAGE, Instant.parse("2026-12-01T03:00:05Z"));

        assertThat(delivery).isEqualTo(new Delivery.Delivered("accepted by 127.0.0.1 for 2 recipients"));
        var received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("[CRITICAL] Lab: incident 3 triggered: db/connect: connection refused");
        assertThat(received[0].getHeader("X-Tend-Id")[0]).isEqualTo("tend-3-9");
        assertThat(((String) received[0].getContent())).contains("- db/connect: FIRING (CRITICAL) connection refused")
                .contains("tend incident show 3");
        assertThat(mail.describe()).isEqualTo("email via 127.0.0.1:" + port + " (none) to ops@example.com, dba@example.com")
                .doesNotContain("s3cret");
    }

    @Test
    void wrongCredentialsAreFinalAndADownServerIsTriedAgain() throws Exception {
        var refused = notifier("wrong-password").send(PAGE, Instant.now());
        smtp.stop();
        var down = notifier("s3cret-smtp-pw").send(PAGE, Instant.now());

        assertThat(refused).isEqualTo(new Delivery.Refused("127.0.0.1 refused the username and password"));
        assertThat(down).isInstanceOf(Delivery.Retry.class);
        assertThat(((Delivery.Retry) down).reason()).startsWith("could not send through 127.0.0.1:" + port + ": connection refused");
        smtp.start(); // for stop()
    }

    private Notifier notifier(String password) throws Exception {
        var config = BuiltIn.configLoader(Map.of("SMTP_PASSWORD", password)::get).parse("""
                platform: { name: Lab }
                targets: []
                notifiers:
                  - { name: ops-mail, type: email, host: 127.0.0.1, port: %d, tls: none, from: tend@example.com,
                      to: [ops@example.com, dba@example.com], username: tend, password: "${env:SMTP_PASSWORD}", timeout: 5s }
                """.formatted(port), Path.of("tend.yaml"));
        return NotifiersSection.of(config).get(0);
    }
}
