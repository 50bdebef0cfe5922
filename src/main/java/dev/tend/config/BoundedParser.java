package dev.tend.config;

import java.util.HashSet;
import java.util.Set;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Passes the parser's events to the composer and stops the document where it nests too deep or
 * aliases too many lists and mappings. The composer recurses once per level, so the limit must
 * act on the events, before the recursion; counting here keeps the line of the offending event.
 */
final class BoundedParser implements Parser {
    /** A tend.yaml needs about eight levels; sixty-four leaves room for any layout and stays far from the stack's limit. */
    static final int MAX_DEPTH = 64;
    /** The YAML reader's own default, checked here first so the problem can name its line. */
    static final int MAX_COLLECTION_ALIASES = 50;

    /** Thrown through the composer; YamlDocument turns it into a located problem. */
    static final class LimitExceeded extends RuntimeException {
        final transient Mark mark;
        final String problem;
        final String hint;

        LimitExceeded(Mark mark, String problem, String hint) {
            super(problem, null, false, false);
            this.mark = mark;
            this.problem = problem;
            this.hint = hint;
        }
    }

    private final Parser parser;
    private final Set<String> collectionAnchors = new HashSet<>();
    private int depth;
    private int collectionAliases;

    BoundedParser(Parser parser) {
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        var event = parser.next();
        var mark = event.getStartMark().orElse(null);
        if (event instanceof CollectionStartEvent start) {
            start.getAnchor().ifPresent(anchor -> collectionAnchors.add(anchor.getValue()));
            if (++depth > MAX_DEPTH) {
                throw new LimitExceeded(mark, "the file nests more than " + MAX_DEPTH + " levels deep",
                        "a tend.yaml needs a handful of levels; look for unbalanced [ or { above this point");
            }
        } else if (event instanceof CollectionEndEvent) {
            depth--;
        } else if (event instanceof ScalarEvent scalar) {
            scalar.getAnchor().ifPresent(anchor -> collectionAnchors.remove(anchor.getValue())); // an anchor may be reused
        } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAlias().getValue())
                && ++collectionAliases > MAX_COLLECTION_ALIASES) {
            throw new LimitExceeded(mark, "more than " + MAX_COLLECTION_ALIASES + " aliases (*name) of lists or mappings",
                    "each alias repeats its anchor's whole value; write fewer, or repeat the few keys that differ");
        }
        return event;
    }
}
