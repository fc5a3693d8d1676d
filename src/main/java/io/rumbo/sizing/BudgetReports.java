package io.rumbo.sizing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.ApprovedPayouts;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.PositionView;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Budget against actual and cost of sales (decision 0038), read from what {@link Budgets} stores: the cost rows of the
 * reader's scope (in SQL), commissions actually paid by approved payout runs (incentives' {@link ApprovedPayouts}, by
 * the statement's unit and the month the run's period ends, never copied) and revenue and margin of the metrics facts.
 */
@Service
public class BudgetReports {

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final OrgUnitManagement units;
	private final FiscalCalendar calendar;
	private final MetricsQuery metrics;
	private final ApprovedPayouts payouts;
	private final Budgets budgets;

	BudgetReports(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, OrgUnitManagement units,
			FiscalCalendar calendar, MetricsQuery metrics, ApprovedPayouts payouts, Budgets budgets) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.units = units;
		this.calendar = calendar;
		this.metrics = metrics;
		this.payouts = payouts;
		this.budgets = budgets;
	}

	/**
	 * Budget against actual for {@code unitId}'s subtree in a fiscal year: the unit and each of its direct sub-units
	 * (each with its own subtree), month by month and by cost type, with revenue and margin of the metrics facts and
	 * cost of sales as a percentage of them and per salesperson. The cost rows are read within the reader's scope.
	 */
	@Transactional(readOnly = true)
	public BudgetViews.Report report(CurrentUser actor, int fiscalYear, long unitId) {
		budgets.requireReader(actor, unitId);
		FiscalYears years = calendar.years();
		FiscalPeriod year = years.year(fiscalYear);
		Set<Long> subtree = org.subtree(unitId);
		// Each line: the unit itself, then its direct children (each standing for its subtree).
		List<Long> lines = new ArrayList<>();
		lines.add(unitId);
		org.unitTree().stream()
			.filter(n -> n.parentId() != null && n.parentId() == unitId)
			.sorted(java.util.Comparator.comparing(OrgDirectory.UnitNode::name))
			.forEach(n -> lines.add(n.id()));
		Map<Long, Set<Long>> subtrees = new LinkedHashMap<>();
		for (Long line : lines) {
			subtrees.put(line, line == unitId ? subtree : org.subtree(line));
		}
		// unit -> month -> type -> [budget, actual, paid]
		Map<Long, Map<Integer, Map<CostType, BigDecimal[]>>> cells = new HashMap<>();
		Map<String, Object> params = new HashMap<>();
		DataScope scope = scopes.of(actor);
		params.put("y", fiscalYear);
		params.put("units", subtree);
		jdbc.sql("SELECT unit_id, kind, fiscal_month, cost_type, amount FROM sizing_cost c WHERE fiscal_year = :y"
				+ " AND unit_id IN (:units) AND " + scope.sql(new DataScope.Columns(List.of("c.unit_id"), List.of(),
						List.of()), params))
			.params(params)
			.query(rs -> {
				BigDecimal[] cell = cell(cells, rs.getLong(1), rs.getInt(3), CostType.valueOf(rs.getString(4)));
				int at = CostKind.valueOf(rs.getString(2)) == CostKind.BUDGET ? 0 : 1;
				cell[at] = cell[at].add(rs.getBigDecimal(5));
			});
		for (io.rumbo.incentives.UnitPayout p : payouts.byUnit(year.start(), year.end())) {
			long unit = p.unit().value();
			if (subtree.contains(unit) && scope.managesUnit(unit)) {
				BigDecimal[] cell = cell(cells, unit, years.monthOf(p.lastDay()), CostType.COMMISSIONS);
				cell[1] = cell[1].add(p.payable());
				cell[2] = cell[2].add(p.payable());
			}
		}
		List<UnitId> lineIds = lines.stream().map(UnitId::of).toList();
		Map<UnitId, BigDecimal> revenue = metrics.byUnit(Metric.REVENUE, year, lineIds);
		Map<UnitId, BigDecimal> margin = metrics.byUnit(Metric.MARGIN, year, lineIds);
		Map<LocalDate, BigDecimal> revenueByMonth = metrics
			.byUnitAndMonth(Metric.REVENUE, year, List.of(UnitId.of(unitId)))
			.getOrDefault(UnitId.of(unitId), Map.of());
		Map<Long, Integer> sellers = new HashMap<>();
		for (PositionView p : units.positionsInScope(actor)) {
			if (p.jobRole() == JobRole.SALESPERSON) {
				sellers.merge(p.unitId(), p.filled(), Integer::sum);
			}
		}
		Map<Long, String> names = org.unitNames(lines);
		List<BudgetViews.UnitLine> unitLines = new ArrayList<>();
		for (Long line : lines) {
			BigDecimal[] sum = sum(cells, subtrees.get(line), null, null);
			BigDecimal rev = revenue.getOrDefault(UnitId.of(line), BigDecimal.ZERO);
			BigDecimal mar = margin.getOrDefault(UnitId.of(line), BigDecimal.ZERO);
			int people = subtrees.get(line).stream().mapToInt(u -> sellers.getOrDefault(u, 0)).sum();
			unitLines.add(new BudgetViews.UnitLine(line, names.getOrDefault(line, ""), sum[0], sum[1], sum[2], rev, mar,
					percent(sum[1], rev), percent(sum[1], mar), people, people == 0 ? null
							: sum[1].divide(BigDecimal.valueOf(people), Amounts.MONEY_SCALE, Amounts.ROUNDING)));
		}
		List<BudgetViews.MonthLine> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			LocalDate start = years.month(fiscalYear, m).start();
			BigDecimal[] sum = sum(cells, subtree, m, null);
			String ym = start.toString().substring(0, 7);
			months.add(new BudgetViews.MonthLine(m, ym, sum[0], sum[1], revenueByMonth.getOrDefault(start,
					BigDecimal.ZERO)));
		}
		List<BudgetViews.TypeLine> types = new ArrayList<>();
		for (CostType t : CostType.values()) {
			BigDecimal[] sum = sum(cells, subtree, null, t);
			types.add(new BudgetViews.TypeLine(t, sum[0], sum[1]));
		}
		return new BudgetViews.Report(fiscalYear, unitId, names.getOrDefault(unitId, ""), unitLines, months, types);
	}

	private static BigDecimal[] cell(Map<Long, Map<Integer, Map<CostType, BigDecimal[]>>> cells, long unit, int month,
			CostType type) {
		return cells.computeIfAbsent(unit, u -> new HashMap<>())
			.computeIfAbsent(month, m -> new EnumMap<>(CostType.class))
			.computeIfAbsent(type, t -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
	}

	private static BigDecimal[] sum(Map<Long, Map<Integer, Map<CostType, BigDecimal[]>>> cells, Set<Long> units,
			Integer month, CostType type) {
		BigDecimal[] total = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
		for (Long unit : units) {
			for (Map.Entry<Integer, Map<CostType, BigDecimal[]>> m : cells.getOrDefault(unit, Map.of()).entrySet()) {
				if (month != null && !month.equals(m.getKey())) {
					continue;
				}
				for (Map.Entry<CostType, BigDecimal[]> t : m.getValue().entrySet()) {
					if (type != null && type != t.getKey()) {
						continue;
					}
					for (int i = 0; i < 3; i++) {
						total[i] = total[i].add(t.getValue()[i]);
					}
				}
			}
		}
		return total;
	}

	/** Cost as a percentage of a base, 42.50; undefined for a base that is zero or less. */
	static BigDecimal percent(BigDecimal cost, BigDecimal base) {
		if (base.signum() <= 0) {
			return null;
		}
		return cost.multiply(Amounts.HUNDRED).divide(base, 2, RoundingMode.HALF_UP);
	}

}
