package dev.tend.logs.analyze;

import dev.tend.logs.mine.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lines of one template seen in an analysis: how many, first and last seen, the first two as examples. */
final class PatternGroup {
    static final int EXAMPLES = 2;
    final Template template;
    final List<String> examples = new ArrayList<>(EXAMPLES);
    long count;
    Instant first;
    Instant last;
    String severity;

    PatternGroup(Template template) {
        this.template = template;
    }

    void add(Instant at, String severity, String example) {
        count++;
        if (at != null && (first == null || at.isBefore(first))) first = at;
        if (at != null && (last == null || at.isAfter(last))) last = at;
        if (severity != null && this.severity == null) this.severity = severity;
        if (examples.size() < EXAMPLES) examples.add(example.length() > 500 ? example.substring(0, 500) + "…" : example);
    }

    /** Takes in a group whose template was merged into this one's. */
    PatternGroup absorb(PatternGroup other) {
        if (other == this) return this;
        count += other.count;
        if (other.first != null && (first == null || other.first.isBefore(first))) first = other.first;
        if (other.last != null && (last == null || other.last.isAfter(last))) last = other.last;
        for (var example : other.examples) if (examples.size() < EXAMPLES) examples.add(example);
        return this;
    }

    LogReport.Pattern result(boolean isNew) {
        return new LogReport.Pattern(Integer.toString(template.id()), template.text(), count, first, last, severity, List.copyOf(examples), isNew);
    }
}
