package dev.tend.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tend validate}: load and check the configuration, run nothing. */
@Command(name = "validate", description = "Check the configuration file and report every problem in it.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    TendCommand tend;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var path = tend.configPath();
        var config = tend.loadConfig();
        var out = spec.commandLine().getOut();
        out.println(path + ": valid — platform " + config.platform().name() + ", " + config.targets().size()
                + " targets, store " + config.store().describe());
        for (var target : config.targets()) {
            out.println("  " + target.name() + " (" + target.settings().type() + ")");
        }
        out.flush();
        return 0;
    }
}
