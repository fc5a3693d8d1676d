package io.rumbo.territories.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.territories.AccountMove;

/**
 * Search, sort and paging of a preview's rows. The alignment is computed for every account at once (one statement),
 * so its rows are filtered and paged here rather than in SQL.
 */
final class PreviewPages {

	/** Sort keys of the preview (the values only name the key: rows are sorted in memory). */
	static final Map<String, String> SORTS = Map.of("legalName", "legalName", "potential", "potential",
			"workloadHours", "workloadHours", "lastYearNet", "lastYearNet", "lastYearMargin", "lastYearMargin",
			"fromOwner", "fromOwner", "toOwner", "toOwner");

	private PreviewPages() {
	}

	static List<AccountMove> filtered(List<AccountMove> rows, @Nullable String q, ListQuery query) {
		String needle = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
		Comparator<AccountMove> order = null;
		for (ListQuery.Order o : query.orders()) {
			Comparator<AccountMove> c = comparator(o.key());
			c = o.descending() ? c.reversed() : c;
			order = order == null ? c : order.thenComparing(c);
		}
		Comparator<AccountMove> tie = Comparator.comparingLong(AccountMove::customerId);
		return rows.stream()
			.filter(r -> needle == null || contains(r.legalName(), needle) || contains(r.fromOwnerName(), needle)
					|| contains(r.toOwnerName(), needle) || contains(r.fromTerritoryName(), needle)
					|| contains(r.toTerritoryName(), needle))
			.sorted(order == null ? tie : order.thenComparing(tie))
			.toList();
	}

	static PageResponse<AccountMove> page(List<AccountMove> rows, ListQuery query) {
		int from = (int) Math.min(rows.size(), query.offset());
		int to = (int) Math.min(rows.size(), (long) from + query.size());
		return PageResponse.of(rows.subList(from, to), query, rows.size());
	}

	private static boolean contains(@Nullable String text, String needle) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
	}

	private static Comparator<AccountMove> comparator(String key) {
		return switch (key) {
			case "potential" -> Comparator.comparing(AccountMove::potential);
			case "workloadHours" -> Comparator.comparing(AccountMove::workloadHours);
			case "lastYearNet" -> Comparator.comparing(AccountMove::lastYearNet);
			case "lastYearMargin" -> Comparator.comparing(AccountMove::lastYearMargin);
			case "fromOwner" -> Comparator.comparing(r -> r.fromOwnerName() == null ? "" : r.fromOwnerName());
			case "toOwner" -> Comparator.comparing(r -> r.toOwnerName() == null ? "" : r.toOwnerName());
			default -> Comparator.comparing(r -> r.legalName().toLowerCase(Locale.ROOT));
		};
	}
}
