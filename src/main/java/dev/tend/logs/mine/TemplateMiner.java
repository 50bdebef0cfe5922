package dev.tend.logs.mine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An online template miner of the Drain family (He et al., ICWS 2017): each masked message is
 * routed by its length and its first words through a fixed-depth tree to a few candidate
 * templates, and joins the most similar one when at least {@link #SIMILARITY} of its words agree.
 *
 * <p>Unlike Drain, a line joins a template only if the words where they differ look variable (a
 * digit, a masked value, or a position that is already a wildcard): "connection refused" and
 * "connection reset" are two errors, not one. A plain word becomes a variable by evidence instead:
 * when {@link #VARIANTS} templates differ from each other in that one word alone ("login failed
 * for alice", "... bob", "... carol"), they are merged into one with a wildcard there. Merged
 * templates keep the first one's id; {@link #resolve} maps the others to it.
 *
 * <p>One pass; memory grows with the number of templates, not of lines.
 */
public final class TemplateMiner {
    /** Share of words that must agree for a line to join a template (Drain's usual 0.4). */
    public static final double SIMILARITY = 0.4;
    /** Templates that differ in one plain word only, at the same place, before that word counts as a variable. */
    public static final int VARIANTS = 3;
    /**
     * Words of the prefix used for routing: one (Drain uses two), so that templates differing in a
     * plain word right after the first ("User alice deleted...", "User bob deleted...") meet in one
     * leaf and can be merged as variants.
     */
    static final int PREFIX = 1;
    /** Children per tree node before new words share the wildcard child. */
    static final int MAX_CHILDREN = 100;
    /** Words compared at most: a very long message is judged by its beginning. */
    static final int MAX_WORDS = 80;

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<Template> templates = new ArrayList<>();
    }

    private final Map<Integer, Node> byLength = new HashMap<>();
    private final List<Template> templates = new ArrayList<>();
    private final Map<Integer, Template> merged = new HashMap<>();
    private final double similarity;

    public TemplateMiner() {
        this(SIMILARITY);
    }

    public TemplateMiner(double similarity) {
        this.similarity = similarity;
    }

    /** Masks the message, finds or starts its template, counts the line in it. */
    public Template add(String message) {
        var words = Masking.tokens(Masking.mask(message));
        if (words.size() > MAX_WORDS) words = new ArrayList<>(words.subList(0, MAX_WORDS));
        var leaf = leaf(words);
        Template best = null;
        double bestSimilarity = -1;
        for (var candidate : leaf.templates) {
            if (!compatible(candidate, words)) continue;
            double score = candidate.similarity(words);
            if (score > bestSimilarity || score == bestSimilarity && best != null && candidate.wildcards() > best.wildcards()) {
                best = candidate;
                bestSimilarity = score;
            }
        }
        if (best == null || bestSimilarity < similarity && !words.isEmpty()) {
            best = new Template(templates.size() + 1, words);
            templates.add(best);
            leaf.templates.add(best);
            best = mergeVariants(leaf, best);
        } else {
            best.widen(words);
        }
        best.add();
        return best;
    }

    /** The template a line assigned to {@code id} belongs to now (after merges), by id. */
    public int resolve(int id) {
        var into = merged.get(id);
        return into == null ? id : resolve(into.id());
    }

    /** The templates, merged ones left out. */
    public Collection<Template> templates() {
        return templates.stream().filter(template -> !merged.containsKey(template.id())).toList();
    }

    /** Every position where they differ may become a wildcard: the template has one there, or both words look variable. */
    private static boolean compatible(Template template, List<String> words) {
        for (int index = 0; index < template.length(); index++) {
            var mine = template.token(index);
            var theirs = words.get(index);
            if (mine.equals(theirs) || mine.equals(Template.WILDCARD)) continue;
            if (!variable(mine) || !variable(theirs)) return false;
        }
        return true;
    }

    /** A new template that is the {@link #VARIANTS}th to differ from its siblings in one plain word: they become one. */
    private Template mergeVariants(Node leaf, Template fresh) {
        for (int position = 0; position < fresh.length(); position++) {
            if (variable(fresh.token(position))) continue;
            var siblings = new ArrayList<Template>();
            for (var other : leaf.templates) {
                if (other.length() == fresh.length() && differsOnlyAt(other, fresh, position)) siblings.add(other);
            }
            if (siblings.size() < VARIANTS) continue;
            var keep = siblings.getFirst();
            keep.wildcard(position);
            for (var other : siblings.subList(1, siblings.size())) {
                keep.absorb(other);
                merged.put(other.id(), keep);
                leaf.templates.remove(other);
            }
            return keep;
        }
        return fresh;
    }

    private static boolean differsOnlyAt(Template one, Template other, int position) {
        for (int index = 0; index < one.length(); index++) {
            boolean same = one.token(index).equals(other.token(index));
            if (index == position ? variable(one.token(index)) : !same) return false;
        }
        return true;
    }

    /** A word that may vary: it has a digit, holds a masked value ("embed-<NUM>"), or is a wildcard already. */
    static boolean variable(String word) {
        if (word.indexOf('<') >= 0 && word.indexOf('>') > word.indexOf('<')) return true;
        for (int index = 0; index < word.length(); index++) {
            if (Character.isDigit(word.charAt(index))) return true;
        }
        return false;
    }

    /** The tree node whose templates a message of these words may join, made on the way if missing. */
    private Node leaf(List<String> words) {
        var node = byLength.computeIfAbsent(words.size(), length -> new Node());
        for (int depth = 0; depth < Math.min(PREFIX, words.size()); depth++) {
            var word = words.get(depth);
            var key = variable(word) ? Template.WILDCARD : word;
            var next = node.children.get(key);
            if (next == null) {
                if (!key.equals(Template.WILDCARD) && node.children.size() >= MAX_CHILDREN - 1) key = Template.WILDCARD;
                next = node.children.computeIfAbsent(key, ignored -> new Node());
            }
            node = next;
        }
        return node;
    }
}
