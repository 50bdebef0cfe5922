package dev.tend.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-side pages of a list: {@code ?page=N&per_page=M} (1-based; 50 by default, at most 500),
 * with RFC 8288 {@code Link} headers to the first, previous, next and last page and the total in
 * {@code X-Total-Count}.
 */
final class Paging {
    static final int DEFAULT = 50;
    static final int MAX = 500;

    private Paging() {}

    static <T> List<T> page(Context ctx, List<T> all) {
        int perPage = Params.number(ctx, "per_page", DEFAULT, 1, MAX);
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        int page = Params.number(ctx, "page", 1, 1, Integer.MAX_VALUE);
        var links = new ArrayList<String>();
        links.add(link(ctx, 1, perPage, "first"));
        if (page > 1) links.add(link(ctx, Math.min(page - 1, last), perPage, "prev"));
        if (page < last) links.add(link(ctx, page + 1, perPage, "next"));
        links.add(link(ctx, last, perPage, "last"));
        ctx.header("Link", String.join(", ", links)).header("X-Total-Count", Integer.toString(all.size()));
        int from = (int) Math.min((long) (page - 1) * perPage, all.size());
        return all.subList(from, Math.min(from + perPage, all.size()));
    }

    private static String link(Context ctx, int page, int perPage, String rel) {
        return "<" + ctx.path() + "?page=" + page + "&per_page=" + perPage + ">; rel=\"" + rel + "\"";
    }
}
