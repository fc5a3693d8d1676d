package io.rumbo.quotas;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Sorting and paging of attainment rows. The rows are computed for the whole scope anyway (the at-risk order needs
 * every projection), so they are sorted and cut in memory. The default, {@code risk}, puts the quotas at risk first,
 * the furthest under the threshold at the top, then the others by projected attainment.
 */
public final class AttainmentSorting {

	/** Sort keys of the attainment lists (the column is the key itself: there is no SQL behind them). */
	public static final Map<String, String> SORTS = Map.of("risk", "risk", "name", "name", "unit", "unit",
			"measure", "measure", "attainment", "attainment", "pace", "pace", "projection", "projection", "actual",
			"actual", "quota", "quota", "gap", "gap");

	public static final String DEFAULT_SORT = "risk";

	private AttainmentSorting() {
	}

	/** One page of the rows in the query's order; the tie-breaker is the name, then the id. */
	public static PageResponse<Row> page(List<Row> rows, ListQuery query) {
		List<Row> sorted = sort(rows, query);
		if (!query.paged()) {
			return PageResponse.of(sorted, query, sorted.size());
		}
		int from = (int) Math.min(sorted.size(), query.offset());
		int to = Math.min(sorted.size(), from + query.size());
		return PageResponse.of(sorted.subList(from, to), query, sorted.size());
	}

	public static List<Row> sort(List<Row> rows, ListQuery query) {
		Comparator<Row> order = null;
		for (ListQuery.Order o : query.orders()) {
			Comparator<Row> one = comparator(o.key(), o.descending());
			order = order == null ? one : order.thenComparing(one);
		}
		Comparator<Row> tie = Comparator.comparing(Row::name).thenComparing(Row::measure).thenComparingLong(Row::id);
		return rows.stream().sorted(order == null ? tie : order.thenComparing(tie)).toList();
	}

	private static Comparator<Row> comparator(String key, boolean descending) {
		Comparator<Row> text = switch (key) {
			case "name" -> Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER);
			case "unit" -> Comparator.comparing(r -> r.unitName() == null ? "" : r.unitName(),
					String.CASE_INSENSITIVE_ORDER);
			case "measure" -> Comparator.comparing(Row::measure);
			default -> null;
		};
		if (text != null) {
			return descending ? text.reversed() : text;
		}
		return switch (key) {
			case "attainment" -> figure(r -> r.pace().attainment(), descending);
			case "pace" -> figure(r -> r.pace().paceIndex(), descending);
			case "projection" -> figure(r -> r.pace().projectedAttainment(), descending);
			case "actual" -> figure(r -> r.pace().actual(), descending);
			case "quota" -> figure(r -> r.pace().quota(), descending);
			case "gap" -> figure(r -> r.pace().gap(), descending);
			// At risk first (last when descending), then by projected attainment.
			default -> Comparator.comparing((Row r) -> descending == r.pace().atRisk())
				.thenComparing(figure(r -> r.pace().projectedAttainment(), descending));
		};
	}

	/** Ascending with the rows lacking the figure (no quota, not begun) last either way. */
	private static Comparator<Row> figure(Function<Row, @Nullable BigDecimal> value, boolean descending) {
		return Comparator.comparing(value, Comparator.nullsLast(
				descending ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder()));
	}
}
