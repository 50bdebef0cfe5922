package dev.tend.command;

import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code type: command}: a script whose exit code and output say whether the platform is well —
 * the runbooks' {@code ./scripts/health-check.sh}. Exit codes in okExitCodes are OK, in
 * warnExitCodes WARN, any other CRIT; the output conditions must hold as well.
 */
public final class CommandTargetType implements TargetType {

    @Override
    public String name() {
        return "command";
    }

    @Override
    public String summary() {
        return "a command (a health-check script) whose exit code and output are checked";
    }

    @Override
    public List<Field> fields() {
        // The target's own timeout bounds the command: no second one here.
        var fields = new ArrayList<>(CommandFields.common("30s", false).stream().filter(field -> !field.name().equals("timeout")).toList());
        fields.add(Field.optional("warnExitCodes", ListSpec.nonEmpty(NumberSpec.whole(0, 255)), "exit codes that mean WARN (e.g. [1]); others not OK are CRIT"));
        fields.add(Field.optional("outputContains", StringSpec.any(), "text the output must contain"));
        fields.add(Field.optional("outputNotContains", StringSpec.any(), "text the output must not contain (e.g. ERROR)"));
        fields.add(Field.optional("outputMatches", StringSpec.any(), "a regular expression some line of the output must match"));
        return fields;
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        Optional<Pattern> matches = Optional.empty();
        if (fields.has("outputMatches")) {
            try {
                matches = Optional.of(Pattern.compile(fields.string("outputMatches")));
            } catch (PatternSyntaxException e) {
                binding.problem("outputMatches", "not a regular expression: " + e.getDescription(), null);
                return null;
            }
        }
        var command = CommandFields.bind(fields, false, Map.of(), binding.problems());
        if (command == null) return null;
        Set<Integer> warn = new LinkedHashSet<>();
        for (Object code : fields.list("warnExitCodes")) warn.add(((Number) code).intValue());
        return new CommandTarget(binding.settings(), command, warn, fields.optionalString("outputContains"), fields.optionalString("outputNotContains"),
                matches);
    }
}
