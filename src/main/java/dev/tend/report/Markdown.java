package dev.tend.report;

import java.util.Base64;
import java.util.stream.Collectors;

/** A document as markdown, charts embedded as PNG data URIs so the one file is the whole report. */
public final class Markdown {
    private Markdown() {}

    public static String render(Document document) {
        return render(document, true);
    }

    /**
     * Without {@code charts}, each chart is a line naming it instead of a PNG: what a terminal
     * shows (base64 is unreadable there, and a capacity plan's charts are megabytes of it).
     */
    public static String render(Document document, boolean charts) {
        var out = new StringBuilder("# ").append(document.title()).append("\n\n");
        if (!document.subtitle().isBlank()) out.append("_").append(document.subtitle()).append("_\n\n");
        for (var block : document.blocks()) {
            switch (block) {
                case Document.Heading heading -> out.append("## ").append(heading.text()).append("\n\n");
                case Document.Paragraph paragraph -> out.append(paragraph.text()).append("\n\n");
                case Document.Bullets bullets -> {
                    bullets.items().forEach(item -> out.append("- ").append(item).append('\n'));
                    out.append('\n');
                }
                case Document.Table table -> {
                    out.append(row(table.headers())).append(table.headers().stream().map(header -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
                    table.rows().forEach(row -> out.append(row(row)));
                    out.append('\n');
                }
                case Document.Chart chart -> {
                    if (charts) {
                        out.append("![").append(chart.title()).append("](data:image/png;base64,").append(Base64.getEncoder().encodeToString(chart.png())).append(")\n\n");
                    } else {
                        out.append("_Chart: ").append(chart.title()).append(" (in the HTML, PDF or markdown file: --out FILE)_\n\n");
                    }
                }
            }
        }
        return out.toString();
    }

    private static String row(java.util.List<String> cells) {
        return cells.stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
