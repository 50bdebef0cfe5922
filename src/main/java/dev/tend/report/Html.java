package dev.tend.report;

import java.util.Base64;
import java.util.List;

/**
 * A document as one self-contained XHTML page (styles inline, charts as PNG data URIs), well-formed
 * so the PDF renderer reads the same markup a browser shows.
 */
public final class Html {
    private static final String STYLE = """
            body { font-family: sans-serif; font-size: 10.5pt; color: #1d2433; margin: 2em; }
            h1 { font-size: 18pt; margin-bottom: 0; } h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #ccd; }
            .subtitle { color: #556; margin-top: 0.2em; }
            table { border-collapse: collapse; margin: 0.6em 0; } th, td { border: 1px solid #ccd; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #eef1f6; } img { max-width: 100%; }
            """;

    private Html() {}

    public static String render(Document document) {
        var out = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\" />")
                .append("<title>").append(escape(document.title())).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>").append(escape(document.title())).append("</h1>");
        if (!document.subtitle().isBlank()) out.append("<p class=\"subtitle\">").append(escape(document.subtitle())).append("</p>");
        for (var block : document.blocks()) {
            switch (block) {
                case Document.Heading heading -> out.append("<h2>").append(escape(heading.text())).append("</h2>");
                case Document.Paragraph paragraph -> out.append("<p>").append(escape(paragraph.text())).append("</p>");
                case Document.Bullets bullets -> {
                    out.append("<ul>");
                    bullets.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>"));
                    out.append("</ul>");
                }
                case Document.Table table -> {
                    out.append("<table><thead>").append(row("th", table.headers())).append("</thead><tbody>");
                    table.rows().forEach(row -> out.append(row("td", row)));
                    out.append("</tbody></table>");
                }
                case Document.Chart chart -> out.append("<figure><img alt=\"").append(escape(chart.title())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(chart.png())).append("\" /><figcaption>").append(escape(chart.title()))
                        .append("</figcaption></figure>");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String row(String cell, List<String> cells) {
        var out = new StringBuilder("<tr>");
        cells.forEach(text -> out.append('<').append(cell).append('>').append(escape(text)).append("</").append(cell).append('>'));
        return out.append("</tr>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
