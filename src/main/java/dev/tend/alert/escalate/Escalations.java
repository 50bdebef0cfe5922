package dev.tend.alert.escalate;

import dev.tend.alert.AnnouncementsSection;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifiersSection;
import dev.tend.alert.notify.Outbound;
import dev.tend.alert.oncall.OncallSection;
import dev.tend.config.TendConfig;
import dev.tend.people.PeopleSection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses an incident's policy and turns its levels into notifications. With no policy that
 * matches, the default tells every notifier at once (but the users' announcement channels) and
 * escalates no further.
 */
public final class Escalations {
    private final TendConfig config;

    public Escalations(TendConfig config) {
        this.config = config;
    }

    /** The policy for an incident of this severity about these targets. */
    public Policy policyFor(String severity, Set<String> subjects) {
        return EscalationsSection.of(config).stream().filter(policy -> policy.matches(severity, subjects)).findFirst()
                .orElseGet(() -> new Policy("every notifier", Optional.empty(), Set.of(),
                        List.of(new Policy.Level(Duration.ZERO, paging(config), Optional.empty(), List.of())), 0));
    }

    /** Every notifier that is not one of the users' announcement channels: who hears of an incident when no policy says. */
    public static List<String> paging(TendConfig config) {
        var announcements = AnnouncementsSection.of(config);
        return NotifiersSection.of(config).stream().map(Notifier::name).filter(name -> !announcements.contains(name)).toList();
    }

    /**
     * The triggering event's notifications: the policy's first level, with the later levels
     * scheduled in the event's own transaction.
     */
    public Outbound trigger(Policy policy, Instant at, MessageMaker maker) {
        var first = policy.levels().get(0);
        return new Outbound(first.notifiers(), maker.with(addressees(first.oncall(), first.people(), at)))
                .andThen((handle, incident, eventId) -> EscalationSteps.schedule(handle, incident, policy, at));
    }

    /** Makes the message factory once the addressees of a level are known. */
    public interface MessageMaker {
        Outbound.Factory with(List<Message.Addressee> addressees);
    }

    /** The person on call in the rotation at {@code at}, and the named people, as addressees. */
    public List<Message.Addressee> addressees(Optional<String> rotation, List<String> people, Instant at) {
        var names = new ArrayList<String>();
        rotation.flatMap(name -> OncallSection.of(config).stream().filter(r -> r.name().equals(name)).findFirst())
                .ifPresent(found -> names.add(found.at(at).person()));
        people.stream().filter(person -> !names.contains(person)).forEach(names::add);
        return names.stream().map(name -> PeopleSection.named(config, name)
                .map(person -> new Message.Addressee(person.name(), person.email(), person.slack()))
                .orElse(new Message.Addressee(name, Optional.empty(), Optional.empty()))).toList();
    }
}
