package io.rumbo.shared.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Page, size and sort of a list page as its query string gives them ({@code ?page=2&size=50&sort=name,desc}), bound
 * by Spring MVC from a handler parameter next to the page's filter record. {@link #query} checks them against the
 * list's allow-list of sort keys.
 */
public record ListRequest(@Nullable Integer page, @Nullable Integer size, @Nullable String sort) {

	/**
	 * @param allowed sort key to SQL column expression
	 * @param defaultSort the sort when none is given, a key with an optional direction ({@code occurredAt,desc})
	 * @param defaultSize the page size when none is given
	 */
	public ListQuery query(Map<String, String> allowed, String defaultSort, int defaultSize) {
		String given = sort == null || sort.isBlank() ? defaultSort : sort;
		return ListQuery.of(page, size == null ? defaultSize : size, List.of(given), allowed, defaultSort.split(",")[0]);
	}

	/** Every row with the page's sort, for an export of the list. */
	public ListQuery unpaged(Map<String, String> allowed, String defaultSort) {
		return new ListRequest(null, 1, sort).query(allowed, defaultSort, 1).unpaged();
	}
}
