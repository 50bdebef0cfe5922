package dev.tend.planning;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionResult;
import dev.tend.action.ActionType;
import dev.tend.report.ReportKind;
import dev.tend.report.ReportPeriod;
import dev.tend.task.Impact;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code report capacity|performance|access|security}: a schedule writes the week's performance
 * review or the quarter's capacity plan and keeps it for the responsible role to sign. Writing it
 * is the job; what it finds waits in it for the signer.
 */
public final class ReportActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("report");
    }

    @Override
    public String usage(String name) {
        return "report capacity|performance|access|security";
    }

    @Override
    public Action parse(String name, List<String> arguments, Lookup lookup) {
        if (arguments.size() != 1) throw new IllegalArgumentException("report takes one kind: " + usage(name));
        var kind = ReportKind.named(arguments.getFirst())
                .orElseThrow(() -> new IllegalArgumentException("report: no kind '" + arguments.getFirst() + "': " + usage(name)));
        return new Write(kind);
    }

    private record Write(ReportKind kind) implements Action {
        @Override
        public String describe() {
            return "report " + kind.id();
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public List<String> targets() {
            return List.of();
        }

        @Override
        public ActionResult run(ActionContext context) throws Exception {
            var period = ReportPeriod.containing(LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC), kind.period());
            var kept = ReportWriter.writeAndKeep(kind, period, context.config(), context.store(), context.clock());
            return new ActionResult(true, kind.id() + " report " + period.label() + " kept as report " + kept.id()
                    + (kept.written().findings() ? ", with findings" : ", nothing to act on") + "; sign it: tend report sign " + kind.id()
                    + " --as PERSON --comment TEXT (" + kind.signer() + ")");
        }
    }
}
