package io.rumbo.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.PlanViews.Performance;
import io.rumbo.planning.PlanViews.PerformanceRow;
import io.rumbo.planning.PlanViews.PlanView;
import io.rumbo.planning.PlanViews.VersionView;
import io.rumbo.planning.domain.TargetStore;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Plan versus actual (revenue) for a fiscal year, quarter or month of a plan, by unit, product line or month: the
 * target of the version that counts, the actual booked to date, the target expected by today (each month's target in
 * proportion to its days elapsed), the gap (actual - expected) and a forecast to the period's end (actual plus the
 * open pipeline weighted by probability and expected to close before the period ends). Figures cover the units the
 * reader sees.
 */
@Service
public class PlanPerformance {

	public static final List<String> BY = List.of("unit", "line", "month");

	private final PlanManagement plans;
	private final TargetStore store;
	private final FiscalCalendar calendar;
	private final ObjectProvider<SalesHistory> sales;
	private final OrgDirectory org;
	private final CatalogManagement catalog;
	private final DataScopes scopes;
	private final Clock clock;

	PlanPerformance(PlanManagement plans, TargetStore store, FiscalCalendar calendar, ObjectProvider<SalesHistory> sales,
			OrgDirectory org, CatalogManagement catalog, DataScopes scopes, Clock clock) {
		this.plans = plans;
		this.store = store;
		this.calendar = calendar;
		this.sales = sales;
		this.org = org;
		this.catalog = catalog;
		this.scopes = scopes;
		this.clock = clock;
	}

	private record Figures(BigDecimal[] target, BigDecimal[] actual, BigDecimal[] pipeline) {

		static Figures empty() {
			return new Figures(zeros(), zeros(), zeros());
		}

		void add(Figures other) {
			for (int i = 0; i < 12; i++) {
				target[i] = target[i].add(other.target[i]);
				actual[i] = actual[i].add(other.actual[i]);
				pipeline[i] = pipeline[i].add(other.pipeline[i]);
			}
		}
	}

	@Transactional(readOnly = true)
	public Performance performance(CurrentUser actor, long planId, String by, @Nullable String period) {
		if (!BY.contains(by)) {
			throw ValidationFailedException.of("by", "planning.performance.by.invalid", by);
		}
		PlanView plan = plans.plan(actor, planId);
		VersionView version = plan.current();
		if (version == null) {
			throw new ConflictException("planning.plan.noVersion");
		}
		FiscalYears years = calendar.years();
		String code = period == null || period.isBlank() ? "Y" : period.trim().toUpperCase(java.util.Locale.ROOT);
		List<Integer> months = PlanPeriods.months(code);
		FiscalPeriod span = new FiscalPeriod(years.month(plan.fiscalYear(), months.get(0)).start(),
				years.month(plan.fiscalYear(), months.get(months.size() - 1)).end());
		LocalDate today = LocalDate.now(clock);
		PlanTree tree = new PlanTree(org.unitTree());
		DataScope scope = scopes.of(actor);

		// Per unit (any unit, as actuals may sit on a manager's unit) and line: twelve fiscal months of each figure.
		Map<String, Figures> byUnitLine = new HashMap<>();
		for (TargetStore.Cell c : store.cells(version.id()).values()) {
			if (scope.seesUnit(c.unitId()) && months.contains(c.month())) {
				figures(byUnitLine, c.unitId(), c.lineId()).target()[c.month() - 1] = c.revenue();
			}
		}
		SalesHistory history = sales.getIfAvailable();
		if (history != null) {
			LocalDate actualEnd = today.plusDays(1).isBefore(span.end()) ? today.plusDays(1) : span.end();
			if (actualEnd.isAfter(span.start())) {
				for (SalesHistory.Actual a : history.actuals(span.start(), actualEnd)) {
					if (scope.seesUnit(a.unitId())) {
						BigDecimal[] actual = figures(byUnitLine, a.unitId(), a.lineId()).actual();
						int m = years.monthOf(a.month()) - 1;
						actual[m] = actual[m].add(a.revenue());
					}
				}
			}
			LocalDate pipelineStart = today.isAfter(span.start()) ? today : span.start();
			if (span.end().isAfter(pipelineStart)) {
				for (SalesHistory.Pipeline p : history.pipeline(pipelineStart, span.end())) {
					if (scope.seesUnit(p.unitId())) {
						BigDecimal[] pipe = figures(byUnitLine, p.unitId(), p.lineId() == null ? -1 : p.lineId()).pipeline();
						int m = years.monthOf(p.month()) - 1;
						pipe[m] = pipe[m].add(p.weighted());
					}
				}
			}
		}
		BigDecimal[] fraction = new BigDecimal[12];
		for (int m = 1; m <= 12; m++) {
			FiscalPeriod month = years.month(plan.fiscalYear(), m);
			fraction[m - 1] = BigDecimal.valueOf(month.daysElapsed(today))
				.divide(BigDecimal.valueOf(month.days()), 6, RoundingMode.HALF_UP);
		}
		List<PerformanceRow> rows = new ArrayList<>();
		Figures all = Figures.empty();
		byUnitLine.values().forEach(all::add);
		switch (by) {
			case "unit" -> {
				Map<Long, Figures> byUnit = new HashMap<>();
				byUnitLine.forEach((key, f) -> byUnit.computeIfAbsent(Long.parseLong(key.substring(0, key.indexOf(':'))),
						k -> Figures.empty()).add(f));
				for (PlanTree.Row row : tree.rows()) {
					long unitId = row.unit().id();
					Set<Long> subtree = tree.subtree(unitId);
					if (subtree.stream().noneMatch(scope::seesUnit)) {
						continue;
					}
					Figures sum = Figures.empty();
					subtree.forEach(u -> {
						Figures f = byUnit.get(u);
						if (f != null) {
							sum.add(f);
						}
					});
					rows.add(row(String.valueOf(unitId), row.unit().name(), row.depth(), sum, months, fraction));
				}
			}
			case "line" -> {
				Map<Long, Figures> byLine = new java.util.TreeMap<>();
				byUnitLine.forEach((key, f) -> byLine.computeIfAbsent(Long.parseLong(key.substring(key.indexOf(':') + 1)),
						k -> Figures.empty()).add(f));
				Map<Long, String> names = new HashMap<>();
				String lang = LocaleContextHolder.getLocale().getLanguage();
				for (ProductLineView line : catalog.lines(true)) {
					names.put(line.id(), line.code() + " · " + line.name(lang));
				}
				byLine.forEach((line, f) -> rows.add(row(String.valueOf(line), names.getOrDefault(line, "—"), 0, f, months,
						fraction)));
			}
			default -> {
				for (Integer m : months) {
					Figures one = Figures.empty();
					one.target()[m - 1] = all.target()[m - 1];
					one.actual()[m - 1] = all.actual()[m - 1];
					one.pipeline()[m - 1] = all.pipeline()[m - 1];
					FiscalPeriod month = years.month(plan.fiscalYear(), m);
					rows.add(row("M" + m, month.start().toString().substring(0, 7), 0, one, List.of(m), fraction));
				}
			}
		}
		return new Performance(planId, version.id(), by, code, span.start(), span.lastDay(), today, rows,
				row("total", "", 0, all, months, fraction));
	}

	private static Figures figures(Map<String, Figures> map, long unit, long line) {
		return map.computeIfAbsent(unit + ":" + line, k -> Figures.empty());
	}

	private static PerformanceRow row(String key, String label, int depth, Figures f, List<Integer> months,
			BigDecimal[] fraction) {
		BigDecimal target = BigDecimal.ZERO;
		BigDecimal actual = BigDecimal.ZERO;
		BigDecimal expected = BigDecimal.ZERO;
		BigDecimal pipeline = BigDecimal.ZERO;
		for (Integer m : months) {
			target = target.add(f.target()[m - 1]);
			actual = actual.add(f.actual()[m - 1]);
			expected = expected.add(f.target()[m - 1].multiply(fraction[m - 1]));
			pipeline = pipeline.add(f.pipeline()[m - 1]);
		}
		actual = Amounts.money(actual);
		expected = Amounts.money(expected);
		pipeline = Amounts.money(pipeline);
		return new PerformanceRow(key, label, depth, Amounts.money(target), actual, expected, actual.subtract(expected),
				pipeline, actual.add(pipeline));
	}

	private static BigDecimal[] zeros() {
		BigDecimal[] z = new BigDecimal[12];
		java.util.Arrays.fill(z, BigDecimal.ZERO);
		return z;
	}
}
