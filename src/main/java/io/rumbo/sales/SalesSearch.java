package io.rumbo.sales;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.organization.DataScope;
import io.rumbo.shared.search.SearchHit;
import io.rumbo.shared.search.SearchHits;
import io.rumbo.shared.search.SearchText;

/**
 * The sales module's part of the global search: opportunities by title and orders by number or external number,
 * within the reader's data scope in SQL as on their lists and pages (an order through its credits). The expressions
 * are the ones migration V60 indexes on PostgreSQL.
 */
@Service
public class SalesSearch {

	static final String OPPORTUNITY_TEXT = SearchText.folded("o.title");

	static final String ORDER_TEXT = SearchText.folded("o.order_number", "o.external_number");

	private final JdbcClient jdbc;
	private final CustomerDirectory customers;

	SalesSearch(JdbcClient jdbc, CustomerDirectory customers) {
		this.jdbc = jdbc;
		this.customers = customers;
	}

	private record Row(long id, String title, long customerId) {
	}

	/** Opportunities, detail the account's name, those closing latest first. */
	@Transactional(readOnly = true)
	public SearchHits opportunities(DataScope scope, List<String> words, int limit) {
		if (!SearchText.searchable(words)) {
			return SearchHits.NONE;
		}
		Map<String, Object> params = new HashMap<>();
		String sql = SearchText.firstOrdered("SELECT o.id, o.title, o.customer_id, o.expected_close"
				+ " FROM sales_opportunity o WHERE " + SearchText.allWords(OPPORTUNITY_TEXT, words, "w", params)
				+ " AND " + scope.sql("o.owner_unit_id", "o.owner_staff_id", params),
				"m.expected_close DESC, m.id DESC", limit);
		return hits(jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2),
				rs.getLong(3))).list(), "/opportunities/", limit);
	}

	/** Orders, detail the account's name, newest first; in scope through the order's credits as on the order list. */
	@Transactional(readOnly = true)
	public SearchHits orders(DataScope scope, List<String> words, int limit) {
		if (!SearchText.searchable(words)) {
			return SearchHits.NONE;
		}
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("SELECT o.id, COALESCE(o.order_number, o.external_number) AS order_no,"
				+ " o.customer_id, o.order_date FROM sales_order o WHERE ")
			.append(SearchText.allWords(ORDER_TEXT, words, "w", params));
		if (!scope.all()) {
			sql.append(" AND o.id IN (SELECT sc.order_id FROM sales_order_credit sc WHERE ")
				.append(scope.sql("sc.unit_id", "sc.staff_id", params))
				.append(')');
		}
		return hits(jdbc.sql(SearchText.firstOrdered(sql.toString(), "m.order_date DESC, m.id DESC", limit))
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.list(), "/orders/", limit);
	}

	private SearchHits hits(List<Row> rows, String path, int limit) {
		Set<Long> ids = new HashSet<>();
		rows.forEach(row -> ids.add(row.customerId()));
		Map<Long, String> names = customers.names(ids);
		return SearchHits.of(rows.stream()
			.map(row -> new SearchHit(row.id(), row.title(), names.get(row.customerId()), path + row.id()))
			.toList(), limit);
	}
}
