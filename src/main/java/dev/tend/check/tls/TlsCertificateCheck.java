package dev.tend.check.tls;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Handshake, then judge the certificate: trusted chain, matching name, days until expiry. */
final class TlsCertificateCheck implements Check {
    private final TlsTarget target;
    private final Clock clock;

    TlsCertificateCheck(TlsTarget target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "certificate";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var hostname = target.serverName().orElse(target.address().host());
        var seen = TlsHandshake.run(target.address().socketAddress(), hostname, target.trust(), timeout);
        var chain = seen.chain();
        if (chain == null || chain.length == 0) {
            return Verdict.builder().crit(target.address() + " completed a handshake without presenting a certificate");
        }
        var leaf = chain[0];
        var expires = leaf.getNotAfter().toInstant();
        long daysLeft = Duration.between(clock.instant(), expires).toDays();
        var verdict = Verdict.builder()
                .measure("days_left", daysLeft, "days")
                .measure("chain_length", chain.length, "count")
                .measure("chain_valid", seen.rejection() == null ? 1 : 0, "bool");
        var problem = new CertificateProblems(target.address().toString(), hostname, seen, target.remedies(), clock).find();
        if (problem.isPresent()) return verdict.crit(problem.get());
        var status = target.daysLeft().gradeLow(daysLeft);
        var reason = "certificate " + CertificateNames.subject(leaf) + " expires " + LocalDate.ofInstant(expires, ZoneOffset.UTC)
                + " (in " + daysLeft + " days), chain trusted";
        if (status != Status.OK) {
            reason += "; renew it: under the " + Math.round(status == Status.CRIT ? target.daysLeft().crit() : target.daysLeft().warn())
                    + "-day threshold";
        }
        return verdict.verdict(status, reason);
    }
}
