package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductLineId;
import io.rumbo.metrics.domain.BaseMeasure;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.PlanActuals;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Planning's booked results, read from the facts: the facts' own grain (person, unit on the record's date, month,
 * product line) summed over the people of each unit in one grouped statement, and new customers from who bought
 * from whom each month joined to each customer's first month. The reader's units go into the statement, so the
 * (unit, month) index finds their rows alone: a salesperson's plan versus actual reads their team's facts whatever
 * else the company holds. Amounts are the facts' exact sums (10 decimals), rounded only when shown.
 */
@Service
class PlanActualFacts implements PlanActuals {

	private static final List<String> MEASURES = List.of(BaseMeasure.REVENUE.name(), BaseMeasure.UNITS.name(),
			BaseMeasure.MARGIN.name());

	private final JdbcClient jdbc;
	private final FiscalCalendar calendar;

	PlanActualFacts(JdbcClient jdbc, FiscalCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Actual> actuals(FiscalPeriod period, @Nullable Collection<UnitId> unitIds) {
		if (unitIds != null && unitIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = range(period);
		params.put("measures", MEASURES);
		String units = "";
		if (unitIds != null) {
			params.put("units", unitIds.stream().map(UnitId::value).distinct().toList());
			units = " AND x.unit_id IN (:units)";
		}
		record Key(long unit, long line, LocalDate month) {
		}
		Map<Key, BigDecimal[]> sums = new LinkedHashMap<>();
		jdbc.sql("SELECT x.unit_id, x.line_id, x.month_start, x.measure, SUM(x.amount) FROM metrics_fact x"
				+ " WHERE x.measure IN (:measures) AND x.month_start >= :from AND x.month_start < :to" + units
				+ " GROUP BY x.unit_id, x.line_id, x.month_start, x.measure")
			.params(params)
			.query(rs -> {
				BigDecimal[] s = sums.computeIfAbsent(new Key(rs.getLong(1), rs.getLong(2),
						rs.getObject(3, LocalDate.class)),
						k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
				s[MEASURES.indexOf(rs.getString(4))] = rs.getBigDecimal(5);
			});
		FiscalYears years = calendar.years();
		List<Actual> result = new ArrayList<>(sums.size());
		sums.forEach((k, s) -> result.add(new Actual(monthOf(years, k.month()), UnitId.of(k.unit()),
				ProductLineId.of(k.line()), s[0], s[1], s[2])));
		return result;
	}

	@Override
	@Transactional(readOnly = true)
	public List<NewCustomers> newCustomers(FiscalPeriod period) {
		FiscalYears years = calendar.years();
		return jdbc.sql("SELECT c.unit_id, c.month_start, COUNT(DISTINCT c.customer_id) FROM metrics_customer_first f"
				+ " JOIN metrics_customer_month c ON c.customer_id = f.customer_id AND c.month_start = f.month_start"
				+ " WHERE f.month_start >= :from AND f.month_start < :to GROUP BY c.unit_id, c.month_start")
			.params(range(period))
			.query((rs, n) -> new NewCustomers(monthOf(years, rs.getObject(2, LocalDate.class)), UnitId.of(rs.getLong(1)),
					rs.getLong(3)))
			.list();
	}

	private static Map<String, Object> range(FiscalPeriod period) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", period.start());
		params.put("to", period.end());
		return params;
	}

	/** A fact's month is the first day of a calendar month, which starts exactly one fiscal month. */
	private static FiscalPeriod monthOf(FiscalYears years, LocalDate monthStart) {
		return years.month(years.yearOf(monthStart), years.monthOf(monthStart));
	}
}
