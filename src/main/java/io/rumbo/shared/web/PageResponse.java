package io.rumbo.shared.web;

import java.util.List;
import java.util.function.Function;

/** The one list shape of the API: {@code {"content": [...], "page": {...}}}. */
public record PageResponse<T>(List<T> content, PageMetadata page) {

	public record PageMetadata(int number, int size, long totalElements, int totalPages) {
	}

	public static <T> PageResponse<T> of(List<T> content, ListQuery query, long total) {
		int pages = (int) Math.max(1, (total + query.size() - 1) / query.size());
		return new PageResponse<>(content, new PageMetadata(query.page(), query.size(), total, total == 0 ? 0 : pages));
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(content.stream().map(mapper).toList(), page);
	}

	public boolean hasNext() {
		return page.number() + 1 < page.totalPages();
	}

	public boolean hasPrevious() {
		return page.number() > 0;
	}
}
