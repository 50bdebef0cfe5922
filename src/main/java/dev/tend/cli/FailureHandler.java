package dev.tend.cli;

import dev.tend.check.Failures;
import dev.tend.config.ConfigException;
import picocli.CommandLine;

/** Turns failures into one readable message and the documented exit code; never a stack trace. */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (failure instanceof ConfigException config) {
            ConfigReport.print(config, err);
            return 2;
        }
        err.println("tend: " + Failures.describe(failure));
        err.flush();
        return 1;
    }
}
