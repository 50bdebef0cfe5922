package dev.tend.check.http;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A condition on a JSON response: a path such as {@code $.database.ok} or {@code $.checks[0].status}
 * that must exist and, when {@code equals} is given, have that value (compared as text).
 */
public record JsonCondition(String path, Optional<String> equals) {

    /** The problem with the document, or empty when the condition holds. */
    public Optional<String> failure(JsonNode document) {
        var node = resolve(document);
        if (node == null || node.isMissingNode()) return Optional.of(path + " is missing");
        if (equals.isEmpty()) return Optional.empty();
        var actual = node.isValueNode() ? node.asString() : node.toString();
        return actual.equals(equals.get())
                ? Optional.empty()
                : Optional.of(path + " is " + abbreviate(actual) + ", expected " + equals.get());
    }

    private JsonNode resolve(JsonNode document) {
        var node = document;
        for (var step : steps()) {
            if (node == null) return null;
            node = step.matches("\\d+") ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        return node;
    }

    /** "$.a.b[0].c" → [a, b, 0, c]. */
    private String[] steps() {
        var body = path.startsWith("$") ? path.substring(1) : path;
        return body.replace("[", ".").replace("]", "").replaceFirst("^\\.", "").split("\\.");
    }


    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
