package dev.tend.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as blocks — headings, paragraphs, bullet lists, tables, charts — that each format
 * (markdown, HTML, PDF) renders its own way. Built by the feature that knows the figures.
 */
public record Document(String title, String subtitle, List<Block> blocks) {

    public sealed interface Block {}

    public record Heading(String text) implements Block {}

    public record Paragraph(String text) implements Block {}

    public record Bullets(List<String> items) implements Block {}

    public record Table(List<String> headers, List<List<String>> rows) implements Block {}

    /** A chart as PNG: every format embeds the same image. */
    public record Chart(String title, byte[] png) implements Block {}

    public static Builder builder(String title, String subtitle) {
        return new Builder(title, subtitle);
    }

    /** Appends blocks in reading order. */
    public static final class Builder {
        private final String title;
        private final String subtitle;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String title, String subtitle) {
            this.title = title;
            this.subtitle = subtitle;
        }

        public Builder heading(String text) {
            blocks.add(new Heading(text));
            return this;
        }

        public Builder paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        public Builder bullets(List<String> items) {
            if (!items.isEmpty()) blocks.add(new Bullets(List.copyOf(items)));
            return this;
        }

        public Builder table(List<String> headers, List<List<String>> rows) {
            if (!rows.isEmpty()) blocks.add(new Table(List.copyOf(headers), List.copyOf(rows)));
            return this;
        }

        public Builder chart(Chart chart) {
            blocks.add(chart);
            return this;
        }

        public Document build() {
            return new Document(title, subtitle, List.copyOf(blocks));
        }
    }
}
