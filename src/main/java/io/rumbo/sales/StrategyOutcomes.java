package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the records tagged with strategies did within a period, for plan reviews: booked orders (by order date) with
 * their net revenue and margin, and opportunities expected to close in the period with how many were won and lost;
 * and the same won and lost counts of the opportunities tagged with no strategy, to compare win rates. Three grouped
 * statements whatever the number of strategies. Limited to the review's units: an opportunity counts in the unit of
 * its owner, an order's amounts in the units credited with it (by their share), so a region's or a team's review
 * counts only its own records (the company's review passes every unit).
 */
@Service
public class StrategyOutcomes {

	/** A strategy's tagged records in a period. */
	public record Outcome(long strategyId, BigDecimal revenue, BigDecimal margin, long orders, long opportunities,
			long won, long lost) {
	}

	/** Won and lost opportunities (expected to close in the period) tagged with no strategy. */
	public record Untagged(long won, long lost) {
	}

	private final JdbcClient jdbc;

	StrategyOutcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Map<Long, Outcome> outcomes(Collection<Long> strategyIds, Collection<Long> unitIds, LocalDate from,
			LocalDate toExclusive) {
		Map<Long, Outcome> result = new HashMap<>();
		if (strategyIds.isEmpty()) {
			return result;
		}
		if (unitIds.isEmpty()) {
			strategyIds.forEach(id -> result.put(id, new Outcome(id, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0)));
			return result;
		}
		Map<Long, long[]> opportunities = new HashMap<>();
		jdbc.sql("""
				SELECT o.strategy_id, COUNT(*),
				  SUM(CASE WHEN s.outcome = 'WON' THEN 1 ELSE 0 END), SUM(CASE WHEN s.outcome = 'LOST' THEN 1 ELSE 0 END)
				FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE o.strategy_id IN (:ids) AND o.owner_unit_id IN (:units)
				  AND o.expected_close >= :from AND o.expected_close < :to
				GROUP BY o.strategy_id""")
			.param("ids", strategyIds)
			.param("units", unitIds)
			.param("from", from)
			.param("to", toExclusive)
			.query(rs -> {
				opportunities.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
			});
		jdbc.sql("""
				SELECT o.strategy_id, SUM(o.net_amount * c.share_percent / 100),
				  SUM(o.margin_amount * c.share_percent / 100), COUNT(DISTINCT o.id)
				FROM sales_order o JOIN sales_order_credit c ON c.order_id = o.id
				WHERE o.status = 'BOOKED' AND o.strategy_id IN (:ids) AND c.unit_id IN (:units)
				  AND o.order_date >= :from AND o.order_date < :to
				GROUP BY o.strategy_id""")
			.param("ids", strategyIds)
			.param("units", unitIds)
			.param("from", from)
			.param("to", toExclusive)
			.query(rs -> {
				long id = rs.getLong(1);
				long[] o = opportunities.getOrDefault(id, new long[3]);
				result.put(id, new Outcome(id, rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4), o[0], o[1], o[2]));
			});
		for (Long id : strategyIds) {
			long[] o = opportunities.getOrDefault(id, new long[3]);
			result.computeIfAbsent(id, k -> new Outcome(k, BigDecimal.ZERO, BigDecimal.ZERO, 0, o[0], o[1], o[2]));
		}
		return result;
	}

	@Transactional(readOnly = true)
	public Untagged untagged(Collection<Long> unitIds, LocalDate from, LocalDate toExclusive) {
		if (unitIds.isEmpty()) {
			return new Untagged(0, 0);
		}
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN s.outcome = 'WON' THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN s.outcome = 'LOST' THEN 1 ELSE 0 END), 0)
				FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE o.strategy_id IS NULL AND o.owner_unit_id IN (:units)
				  AND o.expected_close >= :from AND o.expected_close < :to""")
			.param("units", unitIds)
			.param("from", from)
			.param("to", toExclusive)
			.query((rs, n) -> new Untagged(rs.getLong(1), rs.getLong(2)))
			.single();
	}
}
