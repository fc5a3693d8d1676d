package io.rumbo.shared.web;

import java.util.List;
import java.util.function.Function;

/** The one list shape of the API: {@code {"content": [...], "page": {...}}}. */
public record PageResponse<T>(List<T> content, PageMetadata page) {

	/**
	 * {@code totalExact} is false when a list stopped counting (a very long list counts up to a cap): then
	 * {@code totalElements} and {@code totalPages} are lower bounds and there is at least one more page.
	 */
	public record PageMetadata(int number, int size, long totalElements, int totalPages, boolean totalExact) {

		public PageMetadata(int number, int size, long totalElements, int totalPages) {
			this(number, size, totalElements, totalPages, true);
		}
	}

	public static <T> PageResponse<T> of(List<T> content, ListQuery query, long total) {
		return of(content, query, total, true);
	}

	/** A page whose total may be a lower bound ({@code exact} false: more rows match than were counted). */
	public static <T> PageResponse<T> of(List<T> content, ListQuery query, long total, boolean exact) {
		int pages = (int) Math.max(1, (total + query.size() - 1) / query.size());
		return new PageResponse<>(content,
				new PageMetadata(query.page(), query.size(), total, total == 0 ? 0 : pages, exact));
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(content.stream().map(mapper).toList(), page);
	}

	public boolean hasNext() {
		return !page.totalExact() || page.number() + 1 < page.totalPages();
	}

	public boolean hasPrevious() {
		return page.number() > 0;
	}
}
