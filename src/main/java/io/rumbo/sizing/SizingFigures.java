package io.rumbo.sizing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.AccountsByPotential;
import io.rumbo.customers.PotentialClass;
import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.PositionView;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.CountingTargets;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.QuotaReading;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * What the data says about a unit's subtree, to start a scenario from: accounts by potential class (customers), visits
 * and revenue of the last fiscal year (metrics) and its salespeople, the plan's revenue target and the published
 * revenue quota of the year (planning, quotas), and today's salespeople against the planned positions (organization).
 * Each figure is an input the person may override; a figure the data does not have is left out.
 */
@Service
public class SizingFigures {

	/** Calls a year per account of each potential class when nothing else is said: A monthly-plus, B monthly, C quarterly. */
	public static final Map<PotentialClass, BigDecimal> DEFAULT_CALLS = Map.of(PotentialClass.A, new BigDecimal("24"),
			PotentialClass.B, new BigDecimal("12"), PotentialClass.C, new BigDecimal("4"));

	/** The figures found, by name; {@code accounts} by potential class. */
	public record Found(int fiscalYear, Map<PotentialClass, Long> accounts, @Nullable BigDecimal visitsLastYear,
			@Nullable BigDecimal revenueLastYear, @Nullable BigDecimal salesPerSalesperson,
			@Nullable BigDecimal callsPerSalesperson, @Nullable BigDecimal planTarget, @Nullable BigDecimal quota,
			@Nullable BigDecimal quotaPerSalesperson, Headcount headcount) {
	}

	private final AccountsByPotential accounts;
	private final MetricsQuery metrics;
	private final CountingTargets targets;
	private final QuotaReading quotas;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final OrgUnitManagement units;
	private final java.time.Clock clock;

	SizingFigures(AccountsByPotential accounts, MetricsQuery metrics, CountingTargets targets, QuotaReading quotas,
			FiscalCalendar calendar, OrgDirectory org, OrgUnitManagement units, java.time.Clock clock) {
		this.clock = clock;
		this.accounts = accounts;
		this.metrics = metrics;
		this.targets = targets;
		this.quotas = quotas;
		this.calendar = calendar;
		this.org = org;
		this.units = units;
	}

	/** The figures of {@code unitId}'s subtree for {@code fiscalYear}; the unit must be in the reader's scope. */
	@Transactional(readOnly = true)
	public Found of(CurrentUser actor, long unitId, int fiscalYear, int needed) {
		units.get(actor, unitId, null);
		Set<Long> subtree = org.subtree(unitId);
		List<UnitId> ids = subtree.stream().map(UnitId::of).toList();
		Headcount headcount = headcount(actor, subtree, needed);
		FiscalPeriod lastYear = calendar.years().year(fiscalYear - 1);
		BigDecimal visits = metrics.byUnit(Metric.VISITS, lastYear, List.of(UnitId.of(unitId))).get(UnitId.of(unitId));
		BigDecimal revenue = metrics.byUnit(Metric.REVENUE, lastYear, List.of(UnitId.of(unitId)))
			.get(UnitId.of(unitId));
		int people = headcount.filled();
		BigDecimal perPerson = revenue == null || revenue.signum() <= 0 || people == 0 ? null
				: revenue.divide(BigDecimal.valueOf(people), Amounts.MONEY_SCALE, Amounts.ROUNDING);
		BigDecimal callsPerPerson = visits == null || visits.signum() <= 0 || people == 0 ? null
				: visits.divide(BigDecimal.valueOf(people), 0, RoundingMode.HALF_UP);
		BigDecimal target = targets.of(fiscalYear)
			.map(c -> c.targets()
				.stream()
				.filter(t -> subtree.contains(t.unit().value()))
				.map(CountingTargets.UnitMonth::revenue)
				.reduce(BigDecimal.ZERO, BigDecimal::add))
			.filter(t -> t.signum() > 0)
			.orElse(null);
		BigDecimal quota = quotas.unitQuotas(fiscalYear, List.of(UnitId.of(unitId)), Set.of(Metric.REVENUE))
			.stream()
			.map(QuotaReading.UnitQuota::amount)
			.reduce(BigDecimal::add)
			.filter(q -> q.signum() > 0)
			.orElse(null);
		BigDecimal quotaPerPerson = quota == null || quota.signum() <= 0 || people == 0 ? null
				: quota.divide(BigDecimal.valueOf(people), Amounts.MONEY_SCALE, Amounts.ROUNDING);
		return new Found(fiscalYear, accounts.count(ids), visits, revenue, perPerson, callsPerPerson, target, quota,
				quotaPerPerson, headcount);
	}

	/** Salespeople and key account managers, and their planned positions, across the subtree. */
	Headcount headcount(CurrentUser actor, Set<Long> subtree, int needed) {
		return headcount(actor, subtree, needed, SizingScenarios.DEFAULT_ROLES);
	}

	/**
	 * The people in {@code roles} today (their current stay in a unit of the subtree, whether or not a position is
	 * planned for them) and the positions planned for those roles across the subtree.
	 */
	Headcount headcount(CurrentUser actor, Set<Long> subtree, int needed, java.util.Collection<JobRole> roles) {
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		int filled = (int) org.staysBetween(today, today.plusDays(1), java.util.EnumSet.copyOf(roles))
			.stream()
			.filter(s -> subtree.contains(s.unit().value()))
			.map(OrgDirectory.Stay::staff)
			.distinct()
			.count();
		int planned = 0;
		for (PositionView p : units.positionsInScope(actor)) {
			if (roles.contains(p.jobRole()) && subtree.contains(p.unitId())) {
				planned += p.planned();
			}
		}
		return new Headcount(filled, planned, needed);
	}

	/** The inputs a new scenario of {@code method} starts from, the data's figures where there are any. */
	public SizingInputs suggested(SizingMethod method, Found found) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		List<SizingInputs.Group> groups = new java.util.ArrayList<>();
		BigDecimal sales = found.planTarget() != null ? found.planTarget() : found.quota();
		switch (method) {
			case WORKLOAD -> {
				found.accounts().forEach((c, n) -> groups.add(new SizingInputs.Group(c.name(), BigDecimal.valueOf(n),
						DEFAULT_CALLS.get(c), null)));
				put(values, "callsPerSalesperson", found.callsPerSalesperson());
				if (found.callsPerSalesperson() == null) {
					values.put("sellingHours", new BigDecimal("1200"));
					values.put("callLengthHours", new BigDecimal("1.5"));
				}
			}
			case BREAKDOWN -> {
				put(values, "forecastSales", sales);
				put(values, "salesPerSalesperson", found.salesPerSalesperson());
				values.put("turnoverPercent", BigDecimal.TEN);
			}
			case INCREMENTAL -> {
				put(values, "revenueFactor", found.salesPerSalesperson());
				values.put("exponent", new BigDecimal("0.5"));
			}
			case BREAK_EVEN -> {
				values.put("marginPercent", new BigDecimal("30"));
				put(values, "expectedSales", found.salesPerSalesperson());
			}
			case CAPACITY -> {
				BigDecimal quota = found.quotaPerSalesperson() != null ? found.quotaPerSalesperson()
						: found.salesPerSalesperson() == null ? BigDecimal.ZERO : found.salesPerSalesperson();
				groups.add(new SizingInputs.Group("tenured", BigDecimal.valueOf(found.headcount().filled()), quota,
						new BigDecimal("85")));
				groups.add(new SizingInputs.Group("ramping", BigDecimal.valueOf(found.headcount().gap()), quota,
						new BigDecimal("40")));
			}
		}
		return new SizingInputs(values, groups);
	}

	private static void put(Map<String, BigDecimal> values, String name, @Nullable BigDecimal value) {
		if (value != null) {
			values.put(name, value);
		}
	}
}
