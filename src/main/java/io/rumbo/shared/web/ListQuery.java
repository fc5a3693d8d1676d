package io.rumbo.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Page, size and sort of a list request, checked against the list's allow-list of sort keys.
 * The SQL that a sort key becomes comes only from the allow-list, never from the request.
 */
public record ListQuery(int page, int size, List<Order> orders) {

	public static final int MAX_SIZE = 500;

	/** Large enough for a CSV export that walks every row of a filtered list in one query. */
	public static final int UNBOUNDED = Integer.MAX_VALUE;

	public record Order(String key, String column, boolean descending) {
		public String sql() {
			return column + (descending ? " DESC" : " ASC");
		}

		public String param() {
			return key + "," + (descending ? "desc" : "asc");
		}
	}

	/**
	 * @param sortParams values like {@code lastName,desc}; {@code null} or empty takes the default
	 * @param allowed sort key to SQL column expression
	 * @param defaultSort the key used when none is given
	 */
	public static ListQuery of(Integer page, Integer size, List<String> sortParams, Map<String, String> allowed,
			String defaultSort) {
		int p = page == null ? 0 : page;
		int s = size == null ? 20 : size;
		if (p < 0) {
			throw ValidationFailedException.of("page", "shared.validation.page");
		}
		if (s < 1 || s > MAX_SIZE) {
			throw ValidationFailedException.of("size", "shared.validation.size", MAX_SIZE);
		}
		List<Order> orders = new ArrayList<>();
		List<String> params = sortParams == null || sortParams.isEmpty() ? List.of(defaultSort) : sortParams;
		// Spring splits "name,desc" into two values when binding to a list, so directions attach to the key before them.
		List<String> tokens = new ArrayList<>();
		for (String param : params) {
			if (param != null) {
				for (String token : param.split(",")) {
					if (!token.isBlank()) {
						tokens.add(token.trim());
					}
				}
			}
		}
		for (String token : tokens) {
			String lower = token.toLowerCase(Locale.ROOT);
			if (lower.equals("asc") || lower.equals("desc")) {
				if (orders.isEmpty()) {
					throw ValidationFailedException.of("sort", "shared.validation.sortDirection", token);
				}
				Order last = orders.remove(orders.size() - 1);
				orders.add(new Order(last.key(), last.column(), lower.equals("desc")));
				continue;
			}
			String column = allowed.get(token);
			if (column == null) {
				throw ValidationFailedException.of("sort", "shared.validation.sort", token,
						String.join(", ", new java.util.TreeSet<>(allowed.keySet())));
			}
			orders.add(new Order(token, column, false));
		}
		if (orders.isEmpty()) {
			orders.add(new Order(defaultSort, allowed.get(defaultSort), false));
		}
		return new ListQuery(p, s, List.copyOf(orders));
	}

	public ListQuery unpaged() {
		return new ListQuery(0, UNBOUNDED, orders);
	}

	public boolean paged() {
		return size != UNBOUNDED;
	}

	public long offset() {
		return (long) page * size;
	}

	/** ORDER BY clause built from allow-listed columns; {@code tieBreaker} keeps paging stable. */
	public String orderBy(String tieBreaker) {
		StringBuilder sql = new StringBuilder(" ORDER BY ");
		for (Order order : orders) {
			sql.append(order.sql()).append(", ");
		}
		return sql.append(tieBreaker).toString();
	}

	/** LIMIT / OFFSET in the syntax that PostgreSQL and H2 both accept. */
	public String limit() {
		return paged() ? " LIMIT " + size + " OFFSET " + offset() : "";
	}

	public String sortParam() {
		return orders.isEmpty() ? "" : orders.get(0).param();
	}

	public boolean sortedBy(String key) {
		return !orders.isEmpty() && orders.get(0).key().equals(key);
	}

	public boolean descending() {
		return !orders.isEmpty() && orders.get(0).descending();
	}
}
