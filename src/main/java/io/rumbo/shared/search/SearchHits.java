package io.rumbo.shared.search;

import java.util.List;

/**
 * The first hits of one kind and whether more exist: a module reads one row more than it shows to know it without
 * counting every match (a count over two million customers would cost more than the search).
 */
public record SearchHits(List<SearchHit> hits, boolean more) {

	public static final SearchHits NONE = new SearchHits(List.of(), false);

	public SearchHits {
		hits = List.copyOf(hits);
	}

	/** The first {@code limit} of rows read with {@code LIMIT limit + 1}. */
	public static SearchHits of(List<SearchHit> rows, int limit) {
		return rows.size() > limit ? new SearchHits(rows.subList(0, limit), true) : new SearchHits(rows, false);
	}
}
