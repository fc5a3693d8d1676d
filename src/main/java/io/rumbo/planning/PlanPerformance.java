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
import io.rumbo.catalog.ProductLineId;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.UnitId;
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
 * target of the version that counts, the actual booked in the period's months up to the current one (the metrics
 * facts, through {@link PlanActuals}), the target expected by today (each month's target in proportion to its days
 * elapsed), the gap (actual - expected) and a forecast to the period's end (actual plus the open pipeline weighted by
 * probability and expected to close from today to the period's end, from {@link SalesHistory}; where a salesperson
 * called a forecast for a month, their call instead of their deals: decision 0025). Figures cover the
 * units the reader sees, and a reader who does not see the whole company reads only those units' rows.
 */
@Service
public class PlanPerformance {

	public static final List<String> BY = List.of("unit", "line", "month");

	private final PlanReading plans;
	private final TargetStore store;
	private final FiscalCalendar calendar;
	private final ObjectProvider<PlanActuals> actuals;
	private final ObjectProvider<SalesHistory> sales;
	private final OrgDirectory org;
	private final CatalogManagement catalog;
	private final DataScopes scopes;
	private final Clock clock;

	PlanPerformance(PlanReading plans, TargetStore store, FiscalCalendar calendar, ObjectProvider<PlanActuals> actuals,
			ObjectProvider<SalesHistory> sales, OrgDirectory org, CatalogManagement catalog, DataScopes scopes,
			Clock clock) {
		this.plans = plans;
		this.store = store;
		this.calendar = calendar;
		this.actuals = actuals;
		this.sales = sales;
		this.org = org;
		this.catalog = catalog;
		this.scopes = scopes;
		this.clock = clock;
	}

	/** Target, actual and weighted pipeline by fiscal month, for one unit and line or any sum of them. */
	private record Figures(MonthlyValues target, MonthlyValues actual, MonthlyValues pipeline) {

		static final Figures NONE = new Figures(MonthlyValues.ZERO, MonthlyValues.ZERO, MonthlyValues.ZERO);

		Figures plus(Figures other) {
			return new Figures(target.plus(other.target), actual.plus(other.actual), pipeline.plus(other.pipeline));
		}

		Figures only(List<Integer> months) {
			return new Figures(target.only(months), actual.only(months), pipeline.only(months));
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
		FiscalCalendar.PlanPeriod asked = calendar.planPeriod(period, plan.fiscalYear());
		List<Integer> months = asked.months();
		FiscalPeriod span = asked.period();
		LocalDate today = LocalDate.now(clock);
		PlanTree tree = new PlanTree(org.unitTree());
		DataScope scope = scopes.of(actor);

		// Per unit (any unit, as actuals may sit on a manager's unit) and line: the fiscal months of each figure.
		Map<TargetKey, Figures> byUnitLine = new HashMap<>();
		for (TargetStore.Cell c : store.cells(version.id()).values()) {
			if (scope.seesUnit(c.unitId()) && months.contains(c.month())) {
				byUnitLine.merge(TargetKey.of(c.unitId(), c.lineId()),
						new Figures(MonthlyValues.of(c.month(), c.revenue()), MonthlyValues.ZERO, MonthlyValues.ZERO),
						Figures::plus);
			}
		}
		// A reader who does not see the whole company reads only their units' rows.
		@Nullable Set<Long> units = scope.all() ? null : unitsSeen(scope);
		PlanActuals booked = actuals.getIfAvailable();
		// The facts are monthly: the actual covers the period's months up to this one, each whole.
		LocalDate thisMonthEnd = years.month(years.yearOf(today), years.monthOf(today)).end();
		LocalDate actualEnd = thisMonthEnd.isBefore(span.end()) ? thisMonthEnd : span.end();
		if (booked != null && actualEnd.isAfter(span.start())) {
			for (PlanActuals.Actual a : booked.actuals(new FiscalPeriod(span.start(), actualEnd),
					units == null ? null : units.stream().map(UnitId::of).toList())) {
				if (scope.seesUnit(a.unitId().value())) {
					byUnitLine.merge(new TargetKey(a.unitId(), a.lineId()), new Figures(MonthlyValues.ZERO,
							MonthlyValues.of(years.monthOf(a.month().start()), a.revenue()), MonthlyValues.ZERO),
							Figures::plus);
				}
			}
		}
		SalesHistory history = sales.getIfAvailable();
		LocalDate pipelineStart = today.isAfter(span.start()) ? today : span.start();
		int calls = 0;
		List<Sourced> sources = new ArrayList<>();
		if (history != null && span.end().isAfter(pipelineStart)) {
			// Where salespeople called a forecast for a month, their call stands for their deals (decision 0025).
			SalesHistory.Forecast forecast = history.forecast(pipelineStart, span.end(), units);
			calls = forecast.calls();
			for (SalesHistory.ForecastPart part : forecast.parts()) {
				SalesHistory.Pipeline p = part.figure();
				if (scope.seesUnit(p.unitId())) {
					byUnitLine.merge(new TargetKey(UnitId.of(p.unitId()), p.lineId() == null ? null
							: ProductLineId.of(p.lineId())), new Figures(MonthlyValues.ZERO, MonthlyValues.ZERO,
									MonthlyValues.of(years.monthOf(p.month()), p.weighted())), Figures::plus);
					sources.add(new Sourced(p.unitId(), p.lineId() == null ? -1 : p.lineId(), years.monthOf(p.month()),
							part.source()));
				}
			}
		}
		Map<Integer, BigDecimal> elapsed = new HashMap<>();
		for (int m = 1; m <= 12; m++) {
			FiscalPeriod month = years.month(plan.fiscalYear(), m);
			elapsed.put(m, BigDecimal.valueOf(month.daysElapsed(today))
				.divide(BigDecimal.valueOf(month.days()), 6, RoundingMode.HALF_UP));
		}
		List<PerformanceRow> rows = new ArrayList<>();
		Figures all = byUnitLine.values().stream().reduce(Figures.NONE, Figures::plus);
		switch (by) {
			case "unit" -> {
				Map<Long, Figures> byUnit = new HashMap<>();
				byUnitLine.forEach((key, f) -> byUnit.merge(key.unitId().value(), f, Figures::plus));
				// Only the units the reader sees get a row: a rep's or a manager's subtotal is labelled with their
				// own team or region, never with a company or region above them whose figures they do not see.
				List<PlanTree.Row> seen = tree.rows().stream().filter(row -> scope.seesUnit(row.unit().id())).toList();
				int top = seen.stream().mapToInt(PlanTree.Row::depth).min().orElse(0);
				for (PlanTree.Row row : seen) {
					long unitId = row.unit().id();
					Set<Long> subtree = tree.subtree(unitId);
					Figures sum = subtree.stream().map(u -> byUnit.getOrDefault(u, Figures.NONE))
						.reduce(Figures.NONE, Figures::plus);
					rows.add(row(String.valueOf(unitId), row.unit().name(), row.depth() - top, sum, months, elapsed,
							sourcesOf(sources, x -> subtree.contains(x.unit()))));
				}
			}
			case "line" -> {
				Map<Long, Figures> byLine = new java.util.TreeMap<>();
				byUnitLine.forEach((key, f) -> byLine.merge(key.lineId() == null ? -1 : key.lineId().value(), f,
						Figures::plus));
				Map<Long, String> names = new HashMap<>();
				String lang = LocaleContextHolder.getLocale().getLanguage();
				for (ProductLineView line : catalog.lines(true)) {
					names.put(line.id(), line.code() + " · " + line.name(lang));
				}
				byLine.forEach((line, f) -> rows.add(row(String.valueOf(line), names.getOrDefault(line, "—"), 0, f,
						months, elapsed, sourcesOf(sources, x -> x.line() == line))));
			}
			default -> {
				for (Integer m : months) {
					FiscalPeriod month = years.month(plan.fiscalYear(), m);
					rows.add(row(years.code(month), month.start().toString().substring(0, 7), 0, all.only(List.of(m)),
							List.of(m), elapsed, sourcesOf(sources, x -> x.month() == m)));
				}
			}
		}
		return new Performance(planId, version.id(), by, asked.code(), span.start(), span.lastDay(), today, rows,
				row("total", "", 0, all, months, elapsed, sourcesOf(sources, x -> true)), calls);
	}

	private static Set<Long> unitsSeen(DataScope scope) {
		Set<Long> units = new java.util.HashSet<>(scope.managedUnitIds());
		if (scope.ownUnitId() != null) {
			units.add(scope.ownUnitId());
		}
		return units;
	}

	/** A part of the forecast by unit, line (-1: none) and fiscal month number, with its source. */
	private record Sourced(long unit, long line, int month, SalesHistory.ForecastSource source) {
	}

	/** The sources of the parts a row adds up, the most authoritative first. */
	private static List<SalesHistory.ForecastSource> sourcesOf(List<Sourced> sources,
			java.util.function.Predicate<Sourced> inRow) {
		return sources.stream().filter(inRow).map(Sourced::source).distinct().sorted().toList();
	}

	/** A line of the answer: each month's target expected in proportion to its days elapsed by today. */
	private static PerformanceRow row(String key, String label, int depth, Figures f, List<Integer> months,
			Map<Integer, BigDecimal> elapsed, List<SalesHistory.ForecastSource> sources) {
		BigDecimal expected = BigDecimal.ZERO;
		for (Integer m : months) {
			expected = expected.add(f.target().month(m).multiply(elapsed.get(m)));
		}
		BigDecimal actual = Amounts.money(f.actual().sum(months));
		BigDecimal pipeline = Amounts.money(f.pipeline().sum(months));
		expected = Amounts.money(expected);
		return new PerformanceRow(key, label, depth, Amounts.money(f.target().sum(months)), actual, expected,
				actual.subtract(expected), pipeline, actual.add(pipeline), sources);
	}
}
