package io.rumbo.metrics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Set-based writes of the order ledger's deltas: each statement merges up to {@value #ROWS} changes into their rows
 * (a row is added to, created, or deleted when it comes to zero, as facts keep no zero rows), found by primary key,
 * so a change costs what it touches whatever the size of the tables.
 * The same SQL runs on H2 and PostgreSQL (MERGE with a VALUES source, every value cast so both know its type).
 */
final class FactChanges {

	private static final int ROWS = 500;

	private FactChanges() {
	}

	/** The non-zero measures of one order cell as fact deltas: revenue, units, margin, orders. */
	static List<Object[]> rows(long staff, long unit, LocalDate month, long line, BigDecimal[] sums) {
		List<Object[]> rows = new ArrayList<>(4);
		BaseMeasure[] measures = { BaseMeasure.REVENUE, BaseMeasure.UNITS, BaseMeasure.MARGIN, BaseMeasure.ORDERS };
		for (int i = 0; i < measures.length; i++) {
			if (sums[i].signum() != 0) {
				rows.add(new Object[] { staff, unit, month, line, measures[i].name(), sums[i] });
			}
		}
		return rows;
	}

	/** Adds each (staff, unit, month, line, measure, amount) to its fact. Answers the rows changed. */
	static long facts(JdbcTemplate template, List<Object[]> deltas) {
		return merge(template, deltas, """
				MERGE INTO metrics_fact f USING (VALUES %s) AS d (staff_id, unit_id, month_start, line_id, measure, amount)
				ON (f.staff_id = d.staff_id AND f.month_start = d.month_start AND f.measure = d.measure
				  AND f.unit_id = d.unit_id AND f.line_id = d.line_id)
				WHEN MATCHED AND f.amount + d.amount = 0 THEN DELETE
				WHEN MATCHED THEN UPDATE SET amount = f.amount + d.amount
				WHEN NOT MATCHED THEN INSERT (staff_id, unit_id, month_start, line_id, measure, amount)
				  VALUES (d.staff_id, d.unit_id, d.month_start, d.line_id, d.measure, d.amount)""",
				"(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS BIGINT), CAST(? AS VARCHAR(24)),"
						+ " CAST(? AS NUMERIC(30, 10)))");
	}

	/**
	 * Adds each (staff, unit, month, customer, orders) to the orders of its customer month: a customer month exists
	 * while it counts orders.
	 */
	static long customers(JdbcTemplate template, List<Object[]> deltas) {
		return merge(template, deltas, """
				MERGE INTO metrics_customer_month f USING (VALUES %s) AS d (staff_id, unit_id, month_start, customer_id,
				  orders)
				ON (f.staff_id = d.staff_id AND f.month_start = d.month_start AND f.unit_id = d.unit_id
				  AND f.customer_id = d.customer_id)
				WHEN MATCHED AND f.orders + d.orders = 0 THEN DELETE
				WHEN MATCHED THEN UPDATE SET orders = f.orders + d.orders
				WHEN NOT MATCHED THEN INSERT (staff_id, unit_id, month_start, customer_id, orders)
				  VALUES (d.staff_id, d.unit_id, d.month_start, d.customer_id, d.orders)""",
				"(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS BIGINT), CAST(? AS INT))");
	}

	private static long merge(JdbcTemplate template, List<Object[]> deltas, String sql, String row) {
		long[] changed = { 0 };
		each(deltas, (chunk, values) -> changed[0] += template.update(
				sql.formatted(String.join(", ", Collections.nCopies(chunk.size(), row))), values));
		return changed[0];
	}

	private interface Statement {
		void run(List<Object[]> chunk, Object[] values);
	}

	/** Runs a statement per {@value #ROWS} rows, with their values flattened in order. */
	private static void each(List<Object[]> rows, Statement statement) {
		for (int at = 0; at < rows.size(); at += ROWS) {
			List<Object[]> chunk = rows.subList(at, Math.min(rows.size(), at + ROWS));
			List<Object> values = new ArrayList<>();
			chunk.forEach(r -> Collections.addAll(values, r));
			statement.run(chunk, values.toArray());
		}
	}
}
