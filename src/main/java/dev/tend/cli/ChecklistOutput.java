package dev.tend.cli;

import dev.tend.runbook.ChecklistSettings;
import dev.tend.runbook.ChecklistsSection;
import dev.tend.runbook.ItemState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A checklist's items as [x] / [ ] / [!] lines, or JSON. */
final class ChecklistOutput {
    private ChecklistOutput() {}

    static void show(ChecklistSettings checklist, List<ItemState> states, boolean json, PrintWriter out) {
        if (json) {
            var document = new LinkedHashMap<String, Object>();
            document.put("checklist", checklist.name());
            document.put("title", checklist.title());
            document.put("items", states.stream().map(ChecklistOutput::row).toList());
            out.println(JsonMapper.builder().build().writeValueAsString(document));
        } else {
            out.println(checklist.title() + " (" + checklist.name() + ")");
            for (var state : states) {
                var box = switch (state.state()) {
                    case DONE -> "[x]";
                    case OPEN -> "[ ]";
                    case OVERDUE -> "[!]";
                };
                out.println("  " + box + " " + state.item().id() + ": " + state.item().text() + " — " + state.item().role());
                out.println("      " + (state.state() == ItemState.State.OVERDUE ? "OVERDUE: " : "") + state.how());
            }
        }
        out.flush();
    }

    /** The checklist named on the command line, or a usage error listing the ones there are. */
    static ChecklistSettings find(dev.tend.config.TendConfig config, String name, picocli.CommandLine.Model.CommandSpec spec) {
        return ChecklistsSection.named(config, name).orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(), "no checklist named '"
                + name + "'; checklists: " + String.join(", ", ChecklistsSection.of(config).stream().map(ChecklistSettings::name).toList())));
    }

    static long count(List<ItemState> states, ItemState.State state) {
        return states.stream().filter(item -> item.state() == state).count();
    }

    private static Map<String, Object> row(ItemState state) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", state.item().id());
        row.put("text", state.item().text());
        row.put("role", state.item().role());
        row.put("state", state.state().name());
        row.put("period", state.period().label());
        row.put("periodStart", state.period().start().toString());
        row.put("periodEnd", state.period().end().toString());
        row.put("how", state.how());
        return row;
    }
}
