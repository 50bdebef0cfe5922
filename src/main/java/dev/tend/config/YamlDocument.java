package dev.tend.config;

import dev.tend.config.spec.Problems;
import java.util.ArrayDeque;
import java.util.ArrayList;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns the text of tend.yaml into one YAML node tree that is safe to walk: any input ends in a
 * tree or in a located problem, never in a crash. The composer and every spec recurse, so
 * nesting is bounded as the composer reads the events ({@link BoundedParser}), and aliases are
 * bounded after it: no structure that contains itself, no alias chain that expands past a sane size.
 */
final class YamlDocument {
    /** Values once aliases are expanded: a large platform has a few thousand; a billion-laughs file has billions. */
    static final int MAX_EXPANDED_NODES = 200_000;

    private YamlDocument() {}

    /** The document's root, or null when a problem was recorded. */
    static Node compose(String text, Problems problems) {
        var settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(BoundedParser.MAX_COLLECTION_ALIASES)
                .setCodePointLimit((int) ConfigLoader.MAX_FILE_BYTES)
                // The whole text in one window: with the default 1 KiB the reader re-copies its window for every
                // chunk of a long scalar (1.8 GB of garbage for a 1 MB value); one window costs 4 bytes a character.
                .setBufferSize(Math.max(1024, Math.min(text.length(), (int) ConfigLoader.MAX_FILE_BYTES) + 1)).setLabel(problems.file()).build();
        try {
            var documents = new ArrayList<Node>();
            new Composer(settings, new BoundedParser(new ParserImpl(settings, new StreamReader(settings, text)))).forEachRemaining(documents::add);
            if (documents.isEmpty()) {
                problems.at((Node) null, "", "the file is empty", "start from an example in examples/");
                return null;
            }
            if (documents.size() > 1) {
                problems.at(documents.get(1), "", "the file holds more than one YAML document", "remove the extra '---'");
                return null;
            }
            return aliasesWithinBounds(documents.get(0), problems) ? documents.get(0) : null;
        } catch (BoundedParser.LimitExceeded e) {
            problems.at(e.mark, "", e.problem, e.hint);
            return null;
        } catch (MarkedYamlEngineException e) {
            var hint = e.getProblem().contains("TAB") ? "indent with spaces; YAML does not allow tabs"
                    : "check indentation and quoting" + (e.getContext() == null ? "" : " (" + e.getContext() + ")");
            problems.at(e.getProblemMark().orElse(null), "", "YAML syntax error: " + e.getProblem(), hint);
            return null;
        } catch (ReaderException e) {
            problems.at(markAt(text, e.getPosition()), "", "the file holds a character YAML does not allow (code point "
                    + String.format("U+%04X", e.getCodePoint()) + ")", "remove it; a tend.yaml is plain text");
            return null;
        } catch (YamlEngineException e) {
            // Text from parse() is not limited by the file check; the reader's own limit then speaks.
            problems.at((Node) null, "", "YAML error: " + e.getMessage(), null);
            return null;
        }
    }

    /** Walks the tree as the specs will, aliases expanded, without recursion of its own. */
    private static boolean aliasesWithinBounds(Node root, Problems problems) {
        var pending = new ArrayDeque<Node>();
        pending.push(root);
        long visited = 0;
        while (!pending.isEmpty()) {
            var node = pending.pop();
            if (node.isRecursive()) {
                problems.at(node, "", "an alias here refers to a value that contains it, so the value never ends",
                        "use the alias outside the value its anchor (&name) marks");
                return false;
            }
            if (++visited > MAX_EXPANDED_NODES) {
                problems.at(root, "", "its aliases expand to more than " + MAX_EXPANDED_NODES + " values",
                        "an alias (*name) repeats the whole value of its anchor; aliases of aliases multiply");
                return false;
            }
            if (node instanceof MappingNode mapping) {
                mapping.getValue().forEach(tuple -> {
                    pending.push(tuple.getValueNode());
                    pending.push(tuple.getKeyNode());
                });
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            }
        }
        return true;
    }

    /** The line and column of a code-point offset, for errors the reader reports by position only. */
    private static Mark markAt(String text, int position) {
        int line = 0;
        int column = 0;
        for (int index = 0, codePoints = 0; index < text.length() && codePoints < position; codePoints++) {
            int codePoint = text.codePointAt(index);
            index += Character.charCount(codePoint);
            if (codePoint == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return new Mark("", position, line, column, new int[0], 0);
    }
}
