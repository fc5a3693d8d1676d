package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerId;

/**
 * Booked net sales and margin per customer over a period, in one grouped query (territory balancing weighs what
 * each territory's accounts bought last year).
 */
@Service
public class CustomerSalesTotals {

	/** What a customer bought in the period. */
	public record Totals(BigDecimal net, BigDecimal margin) {
	}

	private final JdbcClient jdbc;

	CustomerSalesTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Customers with booked orders dated from {@code from} (inclusive) to {@code to} (exclusive); others absent. */
	@Transactional(readOnly = true)
	public Map<CustomerId, Totals> between(LocalDate from, LocalDate to) {
		Map<CustomerId, Totals> totals = new HashMap<>();
		jdbc.sql("""
				SELECT customer_id, SUM(net_amount), SUM(margin_amount) FROM sales_order
				WHERE status = 'BOOKED' AND order_date >= :from AND order_date < :to GROUP BY customer_id""")
			.param("from", from)
			.param("to", to)
			.query(rs -> {
				totals.put(CustomerId.of(rs.getLong(1)), new Totals(rs.getBigDecimal(2), rs.getBigDecimal(3)));
			});
		return totals;
	}

	/**
	 * A fingerprint of the booked orders dated from {@code from} (inclusive) to {@code to} (exclusive), in one
	 * aggregate query: it changes when such an order is booked, cancelled, moved or written (its version moves) and
	 * whenever its amounts change, so a copy of {@link #between} is current while it is the same.
	 */
	@Transactional(readOnly = true)
	public String stamp(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(id), 0), COALESCE(SUM(version), 0), COALESCE(SUM(net_amount), 0),
				       COALESCE(SUM(margin_amount), 0)
				FROM sales_order WHERE status = 'BOOKED' AND order_date >= :from AND order_date < :to""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + ":"
					+ rs.getBigDecimal(4).stripTrailingZeros().toPlainString() + ":"
					+ rs.getBigDecimal(5).stripTrailingZeros().toPlainString())
			.single();
	}
}
