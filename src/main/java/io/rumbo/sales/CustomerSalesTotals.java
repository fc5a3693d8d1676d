package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerId;

/**
 * Booked net sales and margin per customer over a period, in grouped queries of the customers asked (territory
 * balancing weighs what each territory's accounts bought last year; territories keep them in their account copy,
 * decision 0044).
 */
@Service
public class CustomerSalesTotals {

	/** What a customer bought in the period. */
	public record Totals(BigDecimal net, BigDecimal margin) {
	}

	/** Customers per query: an IN list of this size uses the (customer, date) index and stays a small statement. */
	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	CustomerSalesTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Booked orders of {@code customers} dated from {@code from} (inclusive) to {@code to} (exclusive); customers
	 * without any are absent. One grouped query per thousand customers, so a caller walking every customer in chunks
	 * holds one chunk's totals at a time.
	 */
	@Transactional(readOnly = true)
	public Map<CustomerId, Totals> of(Collection<CustomerId> customers, LocalDate from, LocalDate to) {
		Map<CustomerId, Totals> totals = new HashMap<>();
		List<Long> ids = customers.stream().map(CustomerId::value).distinct().toList();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			jdbc.sql("""
					SELECT customer_id, SUM(net_amount), SUM(margin_amount) FROM sales_order
					WHERE status = 'BOOKED' AND customer_id IN (:ids) AND order_date >= :from AND order_date < :to
					GROUP BY customer_id""")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
				.param("from", from)
				.param("to", to)
				.query(rs -> {
					totals.put(CustomerId.of(rs.getLong(1)), new Totals(rs.getBigDecimal(2), rs.getBigDecimal(3)));
				});
		}
		return totals;
	}

	/**
	 * The customers of {@code orders} (as an {@link OrdersImported} names them) whose order date is from {@code from}
	 * (inclusive) to {@code to} (exclusive), whatever the orders' status: a cancelled order's customer lost it.
	 */
	@Transactional(readOnly = true)
	public Set<CustomerId> customersOf(Collection<OrderId> orders, LocalDate from, LocalDate to) {
		Set<CustomerId> customers = new HashSet<>();
		List<Long> ids = orders.stream().map(OrderId::value).distinct().toList();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			customers.addAll(jdbc.sql("""
					SELECT DISTINCT customer_id FROM sales_order
					WHERE id IN (:ids) AND order_date >= :from AND order_date < :to""")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
				.param("from", from)
				.param("to", to)
				.query((rs, n) -> CustomerId.of(rs.getLong(1)))
				.list());
		}
		return customers;
	}
}
