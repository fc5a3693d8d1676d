package io.rumbo.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductCatalog;
import io.rumbo.planning.SalesHistory;

/**
 * The open pipeline, target customers' visits and purchases, and strategies' contributions for planning, in a few
 * grouped statements over the sales records. Each reads only the rows it is asked about: the pipeline of the period
 * (and of the reader's units), the customers of a target list, the orders and opportunities tagged with the
 * strategies, each through its index. Booked results by unit, line and month are the metrics module's facts
 * ({@link io.rumbo.planning.PlanActuals}).
 */
@Service
class SalesHistoryFacts implements SalesHistory {

	private final JdbcClient jdbc;
	private final ProductCatalog catalog;
	private final ForecastCalls forecasts;
	private final io.rumbo.organization.OrgDirectory org;
	private final java.time.Clock clock;

	SalesHistoryFacts(JdbcClient jdbc, ProductCatalog catalog, ForecastCalls forecasts,
			io.rumbo.organization.OrgDirectory org, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.forecasts = forecasts;
		this.org = org;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Pipeline> pipeline(LocalDate from, LocalDate toExclusive, @Nullable Collection<Long> unitIds) {
		return pipeline(from, toExclusive, unitIds, Set.of());
	}

	/**
	 * The forecast of the range from the most authoritative figure of each person and month (see
	 * {@link SalesHistory.Forecast}): the latest calls of the periods that overlap the range, one statement; a
	 * manager's call of a unit covers its subtree (the outermost unit called wins, and for one unit its month's call
	 * wins over its quarter's); a quarter's call is spread evenly over its months not over yet (today's included), and a
	 * month with a call of its own, or covered by a manager's, drops that month's share. Only calls of units among
	 * {@code unitIds} count (the reader's units), so a team manager sees their own call, a director the region's.
	 */
	@Override
	@Transactional(readOnly = true)
	public Forecast forecast(LocalDate from, LocalDate toExclusive, @Nullable Collection<Long> unitIds) {
		LocalDate today = LocalDate.now(clock);
		List<LocalDate> months = new ArrayList<>();
		for (LocalDate m = from.withDayOfMonth(1); m.isBefore(toExclusive); m = m.plusMonths(1)) {
			months.add(m);
		}
		List<ForecastCalls.Call> calls = forecasts.overlappingCalls(from, toExclusive).stream()
			.filter(c -> unitIds == null || unitIds.contains(c.unitId()))
			.toList();
		List<ForecastPart> parts = new ArrayList<>();
		Set<Long> used = new HashSet<>();
		// month -> unit -> the manager's call that counts for that unit's subtree
		Map<LocalDate, Map<Long, ForecastCalls.Call>> teamCalls = new HashMap<>();
		for (LocalDate month : months) {
			Map<Long, ForecastCalls.Call> byUnit = new HashMap<>();
			for (ForecastCalls.Call c : calls) {
				if (c.level() == ForecastCalls.Level.TEAM && covers(c, month)) {
					ForecastCalls.Call had = byUnit.get(c.unitId());
					if (had == null || (isMonth(c) && !isMonth(had)) || (isMonth(c) == isMonth(had) && c.id() > had.id())) {
						byUnit.put(c.unitId(), c);
					}
				}
			}
			// the outermost units called: a unit inside another one called is covered by it
			Map<Long, Set<Long>> subtrees = new HashMap<>();
			byUnit.keySet().forEach(u -> subtrees.put(u, org.subtree(u)));
			byUnit.keySet().removeIf(u -> subtrees.entrySet().stream()
				.anyMatch(e -> !e.getKey().equals(u) && e.getValue().contains(u)));
			teamCalls.put(month, byUnit);
		}
		Map<LocalDate, Set<Long>> teamCovered = new HashMap<>();
		teamCalls.forEach((month, byUnit) -> {
			Set<Long> covered = new HashSet<>();
			byUnit.forEach((unit, c) -> {
				covered.addAll(org.subtree(unit));
				parts.add(new ForecastPart(new Pipeline(month, unit, null, share(c, month, today)),
						ForecastSource.TEAM_CALL));
				used.add(c.id());
			});
			teamCovered.put(month, covered);
		});
		// the people's own calls, where no manager's call covers their unit: the month's, else the quarter's share
		Set<String> called = new HashSet<>();
		Map<String, ForecastCalls.Call> personal = new HashMap<>();
		for (ForecastCalls.Call c : calls) {
			if (c.level() != ForecastCalls.Level.PERSON) {
				continue;
			}
			for (LocalDate month : months) {
				if (covers(c, month) && !teamCovered.getOrDefault(month, Set.of()).contains(c.unitId())) {
					String key = c.staffId() + "@" + month;
					ForecastCalls.Call had = personal.get(key);
					if (had == null || (isMonth(c) && !isMonth(had)) || (isMonth(c) == isMonth(had) && c.id() > had.id())) {
						personal.put(key, c);
					}
				}
			}
		}
		personal.forEach((key, c) -> {
			LocalDate month = LocalDate.parse(key.substring(key.indexOf('@') + 1));
			called.add(key);
			parts.add(new ForecastPart(new Pipeline(month, c.unitId(), null, share(c, month, today)),
					isMonth(c) ? ForecastSource.MONTH_CALL : ForecastSource.QUARTER_CALL));
			used.add(c.id());
		});
		pipeline(from, toExclusive, unitIds, called, teamCovered)
			.forEach(p -> parts.add(new ForecastPart(p, ForecastSource.PIPELINE)));
		return new Forecast(parts, used.size());
	}

	private static boolean isMonth(ForecastCalls.Call c) {
		return c.periodCode().contains("-M");
	}

	private static boolean covers(ForecastCalls.Call c, LocalDate month) {
		return !month.isBefore(c.periodStart()) && month.isBefore(c.periodEnd());
	}

	/**
	 * What a call adds to one month: for a month's call, its most likely less what was won when it was called (never
	 * below 0); for a quarter's, that spread evenly over its months not over yet on {@code today}.
	 */
	static BigDecimal share(ForecastCalls.Call c, LocalDate month, LocalDate today) {
		BigDecimal open = c.mostLikely().subtract(c.closed()).max(BigDecimal.ZERO);
		if (isMonth(c)) {
			return open;
		}
		int left = 0;
		for (LocalDate m = c.periodStart(); m.isBefore(c.periodEnd()); m = m.plusMonths(1)) {
			if (m.plusMonths(1).isAfter(today)) {
				left++;
			}
		}
		return open.divide(BigDecimal.valueOf(Math.max(1, left)), 4, RoundingMode.HALF_UP);
	}

	private List<Pipeline> pipeline(LocalDate from, LocalDate toExclusive, @Nullable Collection<Long> unitIds,
			Set<String> called) {
		return pipeline(from, toExclusive, unitIds, called, Map.of());
	}

	private List<Pipeline> pipeline(LocalDate from, LocalDate toExclusive, @Nullable Collection<Long> unitIds,
			Set<String> called, Map<LocalDate, Set<Long>> teamCovered) {
		record Open(long id, LocalDate close, long unit, BigDecimal weighted, long owner) {
		}
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", toExclusive);
		String units = "";
		if (unitIds != null) {
			params.put("units", unitIds.isEmpty() ? List.of(-1L) : unitIds);
			units = " AND o.owner_unit_id IN (:units)";
		}
		List<Open> open = jdbc.sql("""
				SELECT o.id, o.expected_close, o.owner_unit_id, o.amount * s.probability, o.owner_staff_id
				FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE s.outcome = 'OPEN' AND o.expected_close >= :from AND o.expected_close < :to""" + units)
			.params(params)
			.query((rs, n) -> new Open(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
					hundredth(rs.getBigDecimal(4)), rs.getLong(5)))
			.list();
		if (!called.isEmpty() || !teamCovered.isEmpty()) {
			// A fiscal month starts on a calendar month's first day, so the deal's month names the call's period.
			open = open.stream()
				.filter(o -> !called.contains(o.owner() + "@" + o.close().withDayOfMonth(1)))
				.filter(o -> !teamCovered.getOrDefault(o.close().withDayOfMonth(1), Set.of()).contains(o.unit()))
				.toList();
		}
		Map<Long, Map<Long, BigDecimal>> productNet = new HashMap<>();
		jdbc.sql("""
				SELECT p.opportunity_id, p.product_id, p.net_amount
				FROM sales_opportunity_product p
				JOIN sales_opportunity o ON o.id = p.opportunity_id JOIN sales_stage s ON s.code = o.stage_code
				WHERE s.outcome = 'OPEN' AND o.expected_close >= :from AND o.expected_close < :to""" + units)
			.params(params)
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
	public Set<Long> visited(Collection<Long> customerIds, LocalDate from, LocalDate toExclusive) {
		return customersWith("SELECT DISTINCT customer_id FROM sales_activity WHERE done_on >= :from AND done_on < :to"
				+ " AND customer_id IN (:ids)", customerIds, from, toExclusive);
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> bought(Collection<Long> customerIds, LocalDate from, LocalDate toExclusive) {
		return customersWith("SELECT DISTINCT customer_id FROM sales_order WHERE status = 'BOOKED' AND order_date >= :from"
				+ " AND order_date < :to AND customer_id IN (:ids)", customerIds, from, toExclusive);
	}

	/** Chunks of a thousand ids keep the statements within every database's parameter limits. */
	private Set<Long> customersWith(String sql, Collection<Long> customerIds, LocalDate from, LocalDate to) {
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
	public Map<Long, Contribution> contributions(Collection<Long> strategyIds) {
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

	private Map<Long, Long> lines(Collection<Long> productIds) {
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
