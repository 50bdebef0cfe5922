package dev.tend.web;

import dev.tend.status.StatusIncident;
import dev.tend.status.StatusPage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Atom and RSS 2.0 feeds of the page's incidents and maintenance, one entry each with all its updates. */
final class StatusFeeds {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private StatusFeeds() {}

    static String atom(StatusPage page) {
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        out.append("  <id>tag:tend,2026:status:").append(xml(page.id())).append("</id>\n");
        out.append("  <title>").append(xml(page.title())).append("</title>\n");
        out.append("  <updated>").append(page.updatedAt()).append("</updated>\n");
        out.append("  <link rel=\"alternate\" href=\"/status\"/>\n  <link rel=\"self\" href=\"/status/feed.atom\"/>\n");
        out.append("  <author><name>").append(xml(page.title())).append("</name></author>\n");
        for (var entry : entries(page)) {
            out.append("  <entry>\n    <id>tag:tend,2026:status:").append(xml(page.id())).append(':').append(xml(entry.id())).append("</id>\n");
            out.append("    <title>").append(xml(title(entry))).append("</title>\n");
            out.append("    <updated>").append(entry.updatedAt()).append("</updated>\n");
            out.append("    <published>").append(entry.createdAt()).append("</published>\n");
            out.append("    <link rel=\"alternate\" href=\"/status#").append(xml(entry.id())).append("\"/>\n");
            out.append("    <content type=\"html\">").append(xml(html(entry))).append("</content>\n  </entry>\n");
        }
        return out.append("</feed>\n").toString();
    }

    static String rss(StatusPage page) {
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\">\n<channel>\n");
        out.append("  <title>").append(xml(page.title())).append("</title>\n  <link>/status</link>\n");
        out.append("  <description>").append(xml(page.indicator().description())).append("</description>\n");
        out.append("  <lastBuildDate>").append(RFC_1123.format(page.updatedAt())).append("</lastBuildDate>\n");
        for (var entry : entries(page)) {
            out.append("  <item>\n    <title>").append(xml(title(entry))).append("</title>\n");
            out.append("    <guid isPermaLink=\"false\">").append(xml(page.id())).append(':').append(xml(entry.id())).append('@').append(entry.updatedAt().toEpochMilli())
                    .append("</guid>\n");
            out.append("    <link>/status#").append(xml(entry.id())).append("</link>\n");
            out.append("    <pubDate>").append(RFC_1123.format(entry.updatedAt())).append("</pubDate>\n");
            out.append("    <description>").append(xml(html(entry))).append("</description>\n  </item>\n");
        }
        return out.append("</channel>\n</rss>\n").toString();
    }

    private static List<StatusIncident> entries(StatusPage page) {
        var all = new ArrayList<StatusIncident>(page.incidents());
        all.addAll(page.maintenances());
        all.sort(Comparator.comparing(StatusIncident::updatedAt).reversed());
        return all;
    }

    private static String title(StatusIncident entry) {
        return (entry.maintenance() ? "[Maintenance] " : "") + entry.name() + " — " + entry.status().replace('_', ' ');
    }

    private static String html(StatusIncident entry) {
        var out = new StringBuilder();
        if (entry.maintenance()) {
            out.append("<p>Scheduled for ").append(entry.scheduledFor().orElseThrow()).append(" to ").append(entry.scheduledUntil().orElseThrow()).append("</p>");
        }
        for (var update : entry.updates()) {
            out.append("<p><b>").append(xml(update.status().replace('_', ' '))).append("</b> (").append(update.at()).append(") ")
                    .append(xml(update.body())).append("</p>");
        }
        return out.toString();
    }

    static String xml(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
