package io.rumbo.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The metrics tables as a whole (facts, customer months, first purchases, pipeline, order ledger), to compare. */
final class MetricsState {

	private MetricsState() {
	}

	/** Every fact row as text, in order: the whole state to compare. */
	static List<String> facts(JdbcClient jdbc) {
		List<String> rows = new ArrayList<>();
		jdbc.sql("SELECT staff_id, unit_id, month_start, line_id, measure, amount FROM metrics_fact"
				+ " ORDER BY staff_id, unit_id, month_start, line_id, measure")
			.query(rs -> {
				rows.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getObject(3, LocalDate.class) + "/" + rs.getLong(4)
						+ "/" + rs.getString(5) + "=" + rs.getBigDecimal(6).stripTrailingZeros().toPlainString());
			});
		jdbc.sql("SELECT staff_id, unit_id, month_start, customer_id, orders FROM metrics_customer_month"
				+ " ORDER BY staff_id, unit_id, month_start, customer_id")
			.query(rs -> {
				rows.add("C" + rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getObject(3, LocalDate.class) + "/"
						+ rs.getLong(4) + "=" + rs.getLong(5));
			});
		// The order ledger too: what the events stored per order is what a rebuild reads from the orders.
		jdbc.sql("SELECT order_id, staff_id, unit_id, month_start, line_id, customer_id, revenue, units, margin, orders"
				+ " FROM metrics_order_contribution ORDER BY order_id, staff_id, unit_id, month_start, line_id")
			.query(rs -> {
				rows.add("L" + rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/"
						+ rs.getObject(4, LocalDate.class) + "/" + rs.getLong(5) + "/" + rs.getLong(6) + "="
						+ rs.getBigDecimal(7).stripTrailingZeros().toPlainString() + "/"
						+ rs.getBigDecimal(8).stripTrailingZeros().toPlainString() + "/"
						+ rs.getBigDecimal(9).stripTrailingZeros().toPlainString() + "/" + rs.getLong(10));
			});
		jdbc.sql("SELECT customer_id, month_start FROM metrics_customer_first ORDER BY customer_id").query(rs -> {
			rows.add("F" + rs.getLong(1) + "/" + rs.getObject(2, LocalDate.class));
		});
		jdbc.sql("SELECT opportunity_id, staff_id, unit_id, month_start, amount FROM metrics_open_pipeline"
				+ " ORDER BY opportunity_id")
			.query(rs -> {
				rows.add("P" + rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/"
						+ rs.getObject(4, LocalDate.class) + "=" + rs.getBigDecimal(5).stripTrailingZeros().toPlainString());
			});
		return rows;
	}

	/** The metrics listeners run after commit on other threads; their publications are deleted once complete. */
	static void awaitListeners(JdbcClient jdbc) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			long open = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
					+ " AND listener_id LIKE 'io.rumbo.metrics.%'").query(Long.class).single();
			if (open == 0) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("The metrics listeners did not finish in 60 s");
	}
}
