package dev.tend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tend.config.spec.Field;
import dev.tend.config.spec.StringSpec;
import dev.tend.registry.BuiltIn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binding order is the list's, and a list that binds a section before one it names is refused. */
class ConfigSectionsTest {

    record Section(String name, List<String> after) implements ConfigSection<String> {
        @Override
        public SectionKey<String> key() {
            return new SectionKey<>(name);
        }

        @Override
        public Field field() {
            return Field.optional(name, StringSpec.any(), "a test section");
        }

        @Override
        public String bind(SectionBinding binding) {
            return name;
        }
    }

    @Test
    void theBuiltInListIsInAnOrderItsSectionsAccept() {
        var keys = BuiltIn.sections().inOrder().stream().map(section -> section.key().name()).toList();

        assertThat(keys).startsWith("targets").contains("backups", "windows", "runbooks", "schedules", "serve", "people", "checklists");
        assertThat(keys.indexOf("runbooks")).isLessThan(keys.indexOf("schedules"));
        assertThat(keys.indexOf("schedules")).isLessThan(keys.indexOf("checklists"));
    }

    @Test
    void aSectionBeforeOneItRefersToIsRefusedWithBothNames() {
        assertThatThrownBy(() -> new ConfigSections(List.of(new Section("alerts", List.of("routes")), new Section("routes", List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("section alerts refers to routes, which must come before it in the list");
    }

    @Test
    void aSectionRegisteredTwiceOrUnderAnotherKeyIsRefused() {
        assertThatThrownBy(() -> new ConfigSections(List.of(new Section("logs", List.of()), new Section("logs", List.of()))))
                .hasMessage("section logs is registered twice");
        assertThatThrownBy(() -> new ConfigSections(List.of(new Section("store", List.of()))))
                .hasMessage("section store is registered twice");
    }
}
