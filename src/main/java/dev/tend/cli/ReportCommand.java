package dev.tend.cli;

import dev.tend.report.Document;
import dev.tend.report.Html;
import dev.tend.report.Markdown;
import dev.tend.report.Pdf;
import dev.tend.report.ReportKind;
import dev.tend.report.ReportPeriod;
import dev.tend.planning.ReportWriter;
import dev.tend.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend report KIND}: writes the capacity plan, performance review, account audit or security audit, and keeps it for signing. */
@Command(name = "report", footerHeading = "%nExamples:%n",
        footer = {"  tend report capacity --format html --out capacity.html", "  tend report security --period 2027Q1 --format pdf --out audit.pdf",
                "  tend report performance --json", "  tend report sign capacity --as sam --comment \"expand /data by March\""},
        description = "Write a report (capacity, performance, access, security) as markdown, HTML or PDF; it is kept as evidence "
                + "until signed. Exit 1 when it has findings.",
        subcommands = {ReportSignCommand.class})
final class ReportCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND", description = "capacity, performance, access or security")
    String kindName;

    @Option(names = "--period", paramLabel = "PERIOD", description = "2027Q1, 2027-W05 or 2027-01 (default: the current quarter, week or month)")
    String periodText;

    @Option(names = "--format", paramLabel = "FORMAT", description = "md, html or pdf (default: from --out's extension, else md)")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here (PDF needs it); without it the report goes to stdout")
    Path out;

    @Option(names = "--json", description = "print the report's figures as JSON instead")
    boolean json;

    ReportCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (kindName == null) throw new ParameterException(spec.commandLine(), "which report? capacity, performance, access or security");
        var kind = ReportKind.named(kindName).orElseThrow(() -> new ParameterException(spec.commandLine(), "no report kind '" + kindName
                + "'; kinds: " + String.join(", ", Arrays.stream(ReportKind.values()).map(ReportKind::id).toList())));
        var today = LocalDate.ofInstant(environment.clock().instant(), ZoneOffset.UTC);
        var period = periodText == null ? ReportPeriod.containing(today, kind.period()) : ReportPeriod.parse(periodText)
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--period " + periodText + ": expected a quarter (2027Q1), an ISO week (2027-W05) or a month (2027-01)"));
        var chosen = format(spec);
        var config = tend.loadConfig();
        ReportWriter.Written written;
        long id;
        try (var store = Stores.open(config.store())) {
            var kept = ReportWriter.writeAndKeep(kind, period, config, store, environment.clock());
            written = kept.written();
            id = kept.id();
        }
        var stdout = spec.commandLine().getOut();
        if (json) {
            var data = new LinkedHashMap<String, Object>(written.data());
            data.put("id", id);
            stdout.println(JsonMapper.builder().build().writeValueAsString(data));
        } else if (out == null) {
            stdout.print(Markdown.render(written.document(), false));
        } else {
            long bytes = save(written.document(), chosen, out);
            stdout.println(kind.id() + " report " + period.label() + " written to " + out + " (" + chosen + ", " + bytes + " bytes); kept as report " + id
                    + "; sign it: tend report sign " + kind.id() + " --as PERSON --comment TEXT (a person holding " + kind.signer() + ")");
        }
        stdout.flush();
        return written.findings() ? 1 : 0;
    }

    private String format(picocli.CommandLine.Model.CommandSpec spec) {
        var name = format != null ? format.toLowerCase(Locale.ROOT)
                : out == null ? "md" : out.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("^.*\\.(html?|pdf|md)$", "$1");
        name = name.equals("htm") ? "html" : name;
        if (!Map.of("md", 1, "html", 1, "pdf", 1).containsKey(name)) {
            throw new ParameterException(spec.commandLine(), format != null ? "--format " + format + ": expected md, html or pdf"
                    : "--out " + out + ": name it .md, .html or .pdf, or give --format");
        }
        if (name.equals("pdf") && out == null && !json) throw new ParameterException(spec.commandLine(), "a PDF needs --out FILE");
        return name;
    }

    /** Writes beside the target and moves into place: a reader never sees half a report. */
    private long save(Document document, String format, Path file) throws IOException {
        var directory = file.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) throw new ParameterException(spec.commandLine(), "--out " + file + ": no such directory");
        byte[] bytes = switch (format) {
            case "pdf" -> Pdf.render(document);
            case "html" -> Html.render(document).getBytes(StandardCharsets.UTF_8);
            default -> Markdown.render(document).getBytes(StandardCharsets.UTF_8);
        };
        var temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return bytes.length;
    }
}
