package dev.tend.docker;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Verdict;
import java.nio.file.Path;
import java.time.Duration;

/** A check of the engine as a whole: no socket is CRIT with why; otherwise it asks the run's shared client. */
abstract class EngineCheck implements Check {
    final Path socket;
    private final CheckContext context;

    EngineCheck(Path socket, CheckContext context) {
        this.socket = socket;
        this.context = context;
    }

    @Override
    public final Verdict run(Duration timeout) throws Exception {
        var problem = DockerTarget.socketProblem(socket);
        if (problem.isPresent()) return Verdict.builder().crit(problem.get());
        return judge(DockerTarget.client(context, socket), timeout);
    }

    abstract Verdict judge(DockerEngineClient client, Duration timeout) throws Exception;

    /** An answer that is not a 200 with a body, said as such. */
    Verdict unanswered(DockerEngineClient.Answer answer) {
        return Verdict.builder().crit("the engine at " + socket + " answered HTTP " + answer.status());
    }

    static boolean answered(DockerEngineClient.Answer answer) {
        return answer.status() == 200 && answer.body() != null;
    }
}
