package io.rumbo.sales.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two grouped statements behind {@link io.rumbo.sales.SalesResults}: booked orders credited to each person, by
 * the unit they were in on the order date and the calendar month, at order level (with the orders counted) and at
 * line level (by product). Each credit's share is applied without rounding ({@code amount x share %}, divided by 100
 * in Java), so the sums of any grouping add up exactly to the sums of a coarser one.
 */
@Component
public class SalesResultsQueries {

	/** An order-level sum: what one person booked in one unit in one calendar month. */
	public record CreditRow(long staffId, long unitId, LocalDate month, BigDecimal netRevenue, BigDecimal units,
			BigDecimal margin, BigDecimal orders) {
	}

	/** A line-level sum: what one person booked of one product in one unit in one calendar month. */
	public record ProductRow(long staffId, long unitId, LocalDate month, long productId, BigDecimal netRevenue,
			BigDecimal units, BigDecimal margin) {
	}

	private final JdbcClient jdbc;

	SalesResultsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Orders are counted by share too (an order split 60/40 counts 0.6 and 0.4); a return counts as no order while its
	 * amounts reduce the results. A return is what {@code SalesOrder.isReturn()} and the events call one: an order
	 * whose every line is negative (so a mixed order, or one discounted to zero, is still an order).
	 */
	public List<CreditRow> credits(LocalDate from, LocalDate toExclusive) {
		return jdbc.sql("""
				SELECT c.staff_id, c.unit_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date),
				       SUM(o.net_amount * c.share_percent), SUM(o.units * c.share_percent),
				       SUM(o.margin_amount * c.share_percent),
				       SUM(CASE WHEN EXISTS (SELECT 1 FROM sales_order_line k WHERE k.order_id = o.id AND k.quantity >= 0)
				                THEN c.share_percent ELSE 0 END)
				FROM sales_order o
				JOIN sales_order_credit c ON c.order_id = o.id
				WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to
				GROUP BY c.staff_id, c.unit_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date)""")
			.param("from", from)
			.param("to", toExclusive)
			.query((rs, n) -> new CreditRow(rs.getLong(1), rs.getLong(2), LocalDate.of(rs.getInt(3), rs.getInt(4), 1),
					share(rs.getBigDecimal(5)), share(rs.getBigDecimal(6)), share(rs.getBigDecimal(7)),
					share(rs.getBigDecimal(8))))
			.list();
	}

	public List<ProductRow> products(LocalDate from, LocalDate toExclusive) {
		return products(from, toExclusive, null);
	}

	/**
	 * As above, only for credits of these units ({@code null}: every unit): a reader's plan-versus-actual reads the
	 * credits of their units from the (unit, order) index and costs what their rows cost.
	 */
	public List<ProductRow> products(LocalDate from, LocalDate toExclusive, @Nullable Collection<Long> unitIds) {
		String units = unitIds == null ? "" : " AND c.unit_id IN (:units)";
		return jdbc.sql("""
				SELECT c.staff_id, c.unit_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date),
				       l.product_id, SUM(l.net_amount * c.share_percent), SUM(l.quantity * c.share_percent),
				       SUM(l.margin_amount * c.share_percent)
				FROM sales_order o
				JOIN sales_order_line l ON l.order_id = o.id
				JOIN sales_order_credit c ON c.order_id = o.id
				WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to""" + units + """

				GROUP BY c.staff_id, c.unit_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date),
				         l.product_id""")
			.params(unitIds == null ? java.util.Map.of("from", from, "to", toExclusive)
					: java.util.Map.of("from", from, "to", toExclusive, "units",
							unitIds.isEmpty() ? List.of(-1L) : unitIds))
			.query((rs, n) -> new ProductRow(rs.getLong(1), rs.getLong(2), LocalDate.of(rs.getInt(3), rs.getInt(4), 1),
					rs.getLong(5), share(rs.getBigDecimal(6)), share(rs.getBigDecimal(7)), share(rs.getBigDecimal(8))))
			.list();
	}

	/** A sum of amounts times share percentages, as the amount: exact (a decimal point moved, never rounded). */
	private static BigDecimal share(BigDecimal sumTimesPercent) {
		return sumTimesPercent == null ? BigDecimal.ZERO : sumTimesPercent.movePointLeft(2);
	}
}
