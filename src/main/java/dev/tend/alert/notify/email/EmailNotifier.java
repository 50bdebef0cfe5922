package dev.tend.alert.notify.email;

import dev.tend.alert.notify.Delivery;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Notifier;
import dev.tend.config.Secret;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends one plain-text mail per notification: the headline as subject, the detail and a line per
 * alert as body, the idempotency key in {@code X-Tend-Id}. A 4xx from the server or no connection
 * is tried again; a 5xx, refused credentials or refused addresses are final.
 */
final class EmailNotifier implements Notifier {
    record Server(String host, int port, String tls, Optional<String> username, Optional<Secret> password, Duration timeout) {}

    private final String name;
    private final Server server;
    private final String from;
    private final List<String> to;

    EmailNotifier(String name, Server server, String from, List<String> to) {
        this.name = name;
        this.server = server;
        this.from = from;
        this.to = to;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration attemptBound() {
        return server.timeout().multipliedBy(8); // connect, greeting, STARTTLS, login, envelope and data: each read bounded by the timeout
    }

    @Override
    public String describe() {
        return "email via " + server.host() + ":" + server.port() + " (" + server.tls() + ") to " + String.join(", ", to);
    }

    @Override
    public Delivery send(Message message, Instant now) {
        var session = Session.getInstance(properties());
        try {
            var mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(from));
            for (var recipient : recipients(message)) mail.addRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient));
            mail.setSubject(message.headline(), "UTF-8");
            mail.setText(body(message), "UTF-8");
            mail.setSentDate(Date.from(now));
            mail.setHeader("X-Tend-Id", message.idempotencyKey());
            if (server.username().isPresent()) {
                Transport.send(mail, server.username().get(), server.password().orElseThrow().reveal());
            } else {
                Transport.send(mail);
            }
            int count = recipients(message).size();
            return new Delivery.Delivered("accepted by " + server.host() + " for " + count + " recipient" + (count == 1 ? "" : "s"));
        } catch (AuthenticationFailedException e) {
            return new Delivery.Refused(server.host() + " refused the username and password");
        } catch (SMTPSendFailedException e) {
            var answer = server.host() + " answered " + e.getReturnCode() + " " + firstLine(e.getMessage());
            return e.getReturnCode() >= 500 ? new Delivery.Refused(answer) : new Delivery.Retry(answer, Optional.empty());
        } catch (SendFailedException e) {
            return new Delivery.Refused(server.host() + " refused the addresses: " + firstLine(e.getMessage()));
        } catch (MessagingException e) {
            return new Delivery.Retry("could not send through " + server.host() + ":" + server.port() + ": "
                    + dev.tend.check.Failures.describe(e.getCause() == null ? e : e.getCause()), Optional.empty());
        }
    }

    /** Its own recipients, and the people an escalation level names who have an email. */
    private List<String> recipients(Message message) {
        var all = new java.util.LinkedHashSet<>(to);
        message.addressees().forEach(addressee -> addressee.email().ifPresent(all::add));
        return List.copyOf(all);
    }

    private Properties properties() {
        var properties = new Properties();
        var millis = String.valueOf(server.timeout().toMillis());
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", String.valueOf(server.port()));
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.auth", String.valueOf(server.username().isPresent()));
        switch (server.tls()) {
            case "starttls" -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true"); // never send a password in the clear
            }
            case "tls" -> properties.put("mail.smtp.ssl.enable", "true");
            default -> { }
        }
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        return properties;
    }

    static String body(Message message) {
        var body = new StringBuilder(message.headline()).append("\n\n");
        if (!message.detail().isEmpty()) body.append(message.detail()).append("\n\n");
        message.alerts().forEach(alert -> body.append("- ").append(alert.subject()).append('/').append(alert.name()).append(": ").append(alert.state())
                .append(" (").append(alert.severity()).append(") ").append(alert.reason()).append('\n'));
        if (message.incident().id() != 0) {
            body.append("\nincident ").append(message.incident().id()).append(": tend incident show ").append(message.incident().id());
        }
        body.append("\nat ").append(message.at()).append(" by ").append(message.actor()).append('\n');
        return body.toString();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }
}
