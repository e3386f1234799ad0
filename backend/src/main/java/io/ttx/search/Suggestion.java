package io.ttx.search;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** An as-you-type completion: an achievement's title (with its id) or a keyword (no id: it starts a search). */
public record Suggestion(String text, Type type, @Nullable String id) {

    public enum Type { title, keyword }

    public record Page(List<Suggestion> items) { }
}
