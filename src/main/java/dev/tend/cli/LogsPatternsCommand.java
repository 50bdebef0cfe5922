package dev.tend.cli;

import dev.tend.logs.LogEvent;
import dev.tend.logs.LogReader;
import dev.tend.logs.mine.Template;
import dev.tend.logs.mine.TemplateMiner;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend logs patterns SOURCE}: the templates of every line, any level; {@code --each-line} for scoring the grouping. */
@Command(name = "patterns", footerHeading = "%nExamples:%n",
        footer = {"  tend logs patterns app", "  tend logs patterns /var/log/app.log --each-line > assigned.jsonl"},
        description = {"Mine the templates of every line of a source (any level) and list them with their counts.",
                "--each-line prints instead one JSON line per input line: {\"line\": N, \"pattern\": \"ID\"}."})
final class LogsPatternsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "a name from logs:, or a file or glob")
    String source;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Option(names = "--each-line", description = "one JSON line per input line with the id of the template it was assigned to")
    boolean eachLine;

    @Override
    public Integer call() throws Exception {
        var resolved = LogsCommand.resolve(spec, source);
        try (var opened = resolved.open(spec, null)) {
            if (opened == null) return 1;
            return patterns(resolved, opened);
        }
    }

    private int patterns(LogsCommand.Resolved resolved, dev.tend.logs.LogSources.Opened opened) throws Exception {
        var out = spec.commandLine().getOut();
        var miner = new TemplateMiner();
        var lineNumber = new long[] {0};
        // Each line's template by line number, printed at the end: a template merged later takes its lines with it.
        var assigned = new int[][] {new int[eachLine ? 1 << 16 : 0]};
        var problems = new java.util.ArrayList<String>();
        // Lines are numbered across the source's files in reading order, from 1: as a labelled file would number them.
        for (var file : opened.files()) {
            long offset = lineNumber[0];
            var inputs = LogReader.read(List.of(file), opened.format(), new LogReader.Sink() {
                @Override
                public void event(Path ignored, LogEvent event) {
                    assign(miner.add(event.message()), offset + event.line());
                }

                @Override
                public void unmatched(Path ignored, long line, String text) {
                    assign(miner.add(text), offset + line);
                }

                @Override
                public void continuation(Path ignored, long line, String text, LogEvent record) {
                    assign(miner.add(text), offset + line); // every line has a template here, a stack trace's too
                }

                private void assign(Template template, long line) {
                    if (!eachLine) return;
                    if (line > assigned[0].length) assigned[0] = java.util.Arrays.copyOf(assigned[0], (int) Math.max(line, assigned[0].length * 2L));
                    assigned[0][(int) line - 1] = template.id();
                }
            });
            for (var input : inputs) {
                lineNumber[0] += input.lines();
                if (input.problem() != null) problems.add(input.file() + ": " + input.problem());
            }
        }
        if (eachLine) {
            for (int line = 1; line <= lineNumber[0]; line++) {
                int id = assigned[0][line - 1];
                // A blank line has no template.
                if (id != 0) out.println("{\"line\": " + line + ", \"pattern\": \"" + miner.resolve(id) + "\"}");
            }
        } else {
            var templates = miner.templates().stream().sorted(Comparator.comparingLong(Template::size).reversed()).toList();
            if (json) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("source", resolved.settings().name());
                body.put("format", opened.format().name());
                body.put("lines", lineNumber[0]);
                body.put("patterns", templates.stream().map(template -> Map.of("id", Integer.toString(template.id()), "template", template.text(),
                        "count", template.size())).toList());
                body.put("problems", problems);
                out.println(JsonMapper.builder().build().writeValueAsString(body)); // once per run: not made when text is printed
            } else {
                out.println("Log source " + resolved.settings().name() + ": " + String.format(java.util.Locale.ROOT, "%,d", lineNumber[0]) + " lines in "
                        + templates.size() + " patterns; format " + opened.formatNote());
                for (var template : templates) out.printf("  %5d %10s  %s%n", template.id(), String.format(java.util.Locale.ROOT, "%,d", template.size()), LogsOutput.shown(template.text()));
            }
        }
        for (var problem : problems) spec.commandLine().getErr().println("tend logs patterns: NOT READ " + problem);
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
