package io.rumbo.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductLineId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.SalesHistory;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * Booked results and the open pipeline for planning, in a few grouped statements: booked results come from
 * {@link SalesResults} (credited to the unit each salesperson was in on the order date, in proportion to their
 * share, by product line); a customer is new in the month of its first booked order.
 */
@Service
class SalesHistoryFacts implements SalesHistory {

	private final JdbcClient jdbc;
	private final ProductCatalog catalog;
	private final SalesResults results;

	SalesHistoryFacts(JdbcClient jdbc, ProductCatalog catalog, SalesResults results) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.results = results;
	}

	/** The booked results of {@link SalesResults}, summed over the people of each unit. */
	@Override
	@Transactional(readOnly = true)
	public List<Actual> actuals(FiscalPeriod period) {
		return sum(results.creditedLines(period));
	}

	/** Only the credits of these units, filtered in SQL. */
	@Override
	@Transactional(readOnly = true)
	public List<Actual> actuals(FiscalPeriod period, Set<Long> unitIds) {
		return sum(results.creditedLines(period, unitIds));
	}

	private static List<Actual> sum(List<SalesResults.CreditedLineResult> credited) {
		record Key(FiscalPeriod month, UnitId unit, ProductLineId line) {
		}
		Map<Key, SalesResults.LineResults> sums = new LinkedHashMap<>();
		for (SalesResults.CreditedLineResult r : credited) {
			sums.merge(new Key(r.month(), r.unitId(), r.lineId()), r.results(), SalesResults.LineResults::plus);
		}
		List<Actual> actuals = new ArrayList<>(sums.size());
		sums.forEach((k, v) -> actuals.add(new Actual(k.month(), k.unit(), k.line(), v.netRevenue(), v.units(),
				v.margin())));
		return actuals;
	}

	@Override
	@Transactional(readOnly = true)
	public List<NewCustomers> newCustomers(LocalDate from, LocalDate toExclusive) {
		return jdbc.sql("""
				SELECT EXTRACT(YEAR FROM f.first_date), EXTRACT(MONTH FROM f.first_date), c.unit_id,
				       COUNT(DISTINCT f.customer_id)
				FROM (SELECT customer_id, MIN(order_date) AS first_date FROM sales_order WHERE status = 'BOOKED'
				      GROUP BY customer_id) f
				JOIN sales_order o ON o.customer_id = f.customer_id AND o.order_date = f.first_date AND o.status = 'BOOKED'
				JOIN sales_order_credit c ON c.order_id = o.id
				WHERE f.first_date >= :from AND f.first_date < :to
				GROUP BY EXTRACT(YEAR FROM f.first_date), EXTRACT(MONTH FROM f.first_date), c.unit_id""")
			.param("from", from)
			.param("to", toExclusive)
			.query((rs, n) -> new NewCustomers(LocalDate.of(rs.getInt(1), rs.getInt(2), 1), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Pipeline> pipeline(LocalDate from, LocalDate toExclusive) {
		record Open(long id, LocalDate close, long unit, BigDecimal weighted) {
		}
		List<Open> open = jdbc.sql("""
				SELECT o.id, o.expected_close, o.owner_unit_id, o.amount * s.probability
				FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE s.outcome = 'OPEN' AND o.expected_close >= :from AND o.expected_close < :to""")
			.param("from", from)
			.param("to", toExclusive)
			.query((rs, n) -> new Open(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
					hundredth(rs.getBigDecimal(4))))
			.list();
		Map<Long, Map<Long, BigDecimal>> productNet = new HashMap<>();
		jdbc.sql("""
				SELECT p.opportunity_id, p.product_id, p.net_amount
				FROM sales_opportunity_product p
				JOIN sales_opportunity o ON o.id = p.opportunity_id JOIN sales_stage s ON s.code = o.stage_code
				WHERE s.outcome = 'OPEN' AND o.expected_close >= :from AND o.expected_close < :to""")
			.param("from", from)
			.param("to", toExclusive)
			.query(rs -> {
				productNet.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.merge(rs.getLong(2), rs.getBigDecimal(3), BigDecimal::add);
			});
		Set<Long> products = new HashSet<>();
		productNet.values().forEach(m -> products.addAll(m.keySet()));
		Map<Long, Long> lineOf = lines(products);
		List<Pipeline> result = new ArrayList<>();
		for (Open o : open) {
			LocalDate month = o.close().withDayOfMonth(1);
			Map<Long, BigDecimal> byProduct = productNet.get(o.id());
			BigDecimal total = byProduct == null ? BigDecimal.ZERO
					: byProduct.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			if (total.signum() <= 0) {
				result.add(new Pipeline(month, o.unit(), null, o.weighted()));
				continue;
			}
			Map<Long, BigDecimal> byLine = new HashMap<>();
			byProduct.forEach((product, net) -> byLine.merge(lineOf.getOrDefault(product, 0L), net, BigDecimal::add));
			byLine.forEach((line, net) -> result.add(new Pipeline(month, o.unit(), line,
					o.weighted().multiply(net).divide(total, 4, RoundingMode.HALF_UP))));
		}
		return result;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> visited(java.util.Collection<Long> customerIds, LocalDate from, LocalDate toExclusive) {
		return customersWith("SELECT DISTINCT customer_id FROM sales_activity WHERE done_on >= :from AND done_on < :to"
				+ " AND customer_id IN (:ids)", customerIds, from, toExclusive);
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> bought(java.util.Collection<Long> customerIds, LocalDate from, LocalDate toExclusive) {
		return customersWith("SELECT DISTINCT customer_id FROM sales_order WHERE status = 'BOOKED' AND order_date >= :from"
				+ " AND order_date < :to AND customer_id IN (:ids)", customerIds, from, toExclusive);
	}

	/** Chunks of a thousand ids keep the statements within every database's parameter limits. */
	private Set<Long> customersWith(String sql, java.util.Collection<Long> customerIds, LocalDate from, LocalDate to) {
		Set<Long> found = new HashSet<>();
		List<Long> ids = new ArrayList<>(customerIds);
		for (int i = 0; i < ids.size(); i += 1000) {
			found.addAll(jdbc.sql(sql)
				.param("from", from)
				.param("to", to)
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
				.query(Long.class)
				.list());
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Contribution> contributions(java.util.Collection<Long> strategyIds) {
		Map<Long, Contribution> result = new HashMap<>();
		if (strategyIds.isEmpty()) {
			return result;
		}
		Map<Long, Long> opportunities = new HashMap<>();
		jdbc.sql("SELECT strategy_id, COUNT(*) FROM sales_opportunity WHERE strategy_id IN (:ids) GROUP BY strategy_id")
			.param("ids", strategyIds)
			.query(rs -> {
				opportunities.put(rs.getLong(1), rs.getLong(2));
			});
		jdbc.sql("""
				SELECT strategy_id, SUM(net_amount), SUM(margin_amount), COUNT(*) FROM sales_order
				WHERE status = 'BOOKED' AND strategy_id IN (:ids) GROUP BY strategy_id""")
			.param("ids", strategyIds)
			.query(rs -> {
				long id = rs.getLong(1);
				result.put(id, new Contribution(id, rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4),
						opportunities.getOrDefault(id, 0L)));
			});
		for (Long id : strategyIds) {
			result.computeIfAbsent(id, k -> new Contribution(k, BigDecimal.ZERO, BigDecimal.ZERO, 0,
					opportunities.getOrDefault(k, 0L)));
		}
		return result;
	}

	private Map<Long, Long> lines(java.util.Collection<Long> productIds) {
		Map<Long, Long> lineOf = new HashMap<>();
		if (!productIds.isEmpty()) {
			catalog.products(new HashSet<>(productIds)).forEach(p -> lineOf.put(p.id(), p.lineId()));
		}
		return lineOf;
	}

	private static BigDecimal hundredth(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
	}
}
