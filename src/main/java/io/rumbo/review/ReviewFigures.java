package io.rumbo.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.InitiativeStatus;
import io.rumbo.planning.ObjectiveKind;
import io.rumbo.planning.ObjectiveManagement;
import io.rumbo.planning.PlanActuals;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.SalesHistory;
import io.rumbo.planning.SegmentManagement;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.review.ReviewViews.Coverage;
import io.rumbo.review.ReviewViews.CoverageMonth;
import io.rumbo.review.ReviewViews.Figures;
import io.rumbo.review.ReviewViews.LineVariance;
import io.rumbo.review.ReviewViews.ObjectiveRow;
import io.rumbo.review.ReviewViews.StrategyFigures;
import io.rumbo.review.ReviewViews.UnitRow;
import io.rumbo.review.ReviewViews.UnitVariance;
import io.rumbo.review.ReviewViews.VarianceTable;
import io.rumbo.sales.StrategyOutcomes;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Computes a review's figures from the other modules' APIs, a fixed number of grouped reads whatever the number of
 * units: the plan version's targets, the metrics facts of the period and of the same months a year earlier (one
 * read each for the whole subtree), the strategies with their tagged records, the target lists with their visits
 * and purchases month by month, and the objectives' actuals from the metrics engine.
 */
@Service
class ReviewFigures {

	private final PlanReading plans;
	private final FiscalCalendar calendar;
	private final PlanActuals actuals;
	private final StrategyManagement strategies;
	private final SegmentManagement segments;
	private final SalesHistory sales;
	private final StrategyOutcomes outcomes;
	private final ObjectiveManagement objectives;
	private final MetricsQuery metrics;
	private final OrgDirectory org;
	private final CatalogManagement catalog;
	private final Clock clock;

	ReviewFigures(PlanReading plans, FiscalCalendar calendar, PlanActuals actuals, StrategyManagement strategies,
			SegmentManagement segments, SalesHistory sales, StrategyOutcomes outcomes, ObjectiveManagement objectives,
			MetricsQuery metrics, OrgDirectory org, CatalogManagement catalog, Clock clock) {
		this.plans = plans;
		this.calendar = calendar;
		this.actuals = actuals;
		this.strategies = strategies;
		this.segments = segments;
		this.sales = sales;
		this.outcomes = outcomes;
		this.objectives = objectives;
		this.metrics = metrics;
		this.org = org;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Revenue, quantity and margin of one unit and line, summed. */
	record Sums(BigDecimal revenue, BigDecimal units, BigDecimal margin) {

		static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

		Sums plus(Sums o) {
			return new Sums(revenue.add(o.revenue), units.add(o.units), margin.add(o.margin));
		}
	}

	/** The review's units in tree order with their depth below the review's unit. */
	record Tree(List<Long> order, Map<Long, Integer> depth, Map<Long, Set<Long>> subtree, Map<Long, String> names) {
	}

	Tree tree(long unitId) {
		List<OrgDirectory.UnitNode> nodes = org.unitTree();
		Map<Long, List<Long>> children = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		for (OrgDirectory.UnitNode n : nodes) {
			names.put(n.id(), n.name());
			if (n.parentId() != null) {
				children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n.id());
			}
		}
		children.values().forEach(kids -> kids.sort(java.util.Comparator.comparing(names::get)));
		List<Long> order = new ArrayList<>();
		Map<Long, Integer> depth = new HashMap<>();
		Map<Long, Set<Long>> subtree = new HashMap<>();
		walk(unitId, 0, children, order, depth, subtree);
		return new Tree(order, depth, subtree, names);
	}

	private static Set<Long> walk(long id, int level, Map<Long, List<Long>> children, List<Long> order,
			Map<Long, Integer> depth, Map<Long, Set<Long>> subtree) {
		order.add(id);
		depth.put(id, level);
		Set<Long> all = new LinkedHashSet<>();
		all.add(id);
		for (Long kid : children.getOrDefault(id, List.of())) {
			all.addAll(walk(kid, level + 1, children, order, depth, subtree));
		}
		subtree.put(id, all);
		return all;
	}

	/** The root of the org tree: a review of it is the company's review. */
	long rootUnit() {
		return org.unitTree().stream().filter(n -> n.parentId() == null).map(OrgDirectory.UnitNode::id).findFirst()
			.orElseThrow();
	}

	@Transactional(readOnly = true)
	Figures compute(CurrentUser actor, long planId, String periodCode, long unitId) {
		PlanViews.PlanView plan = plans.plan(actor, planId);
		PlanViews.VersionView version = plan.current();
		if (version == null || !(version.state() == io.rumbo.planning.PlanState.ACTIVE
				|| version.state() == io.rumbo.planning.PlanState.APPROVED)) {
			throw new ConflictException("review.plan.notApproved");
		}
		FiscalYears years = calendar.years();
		FiscalCalendar.PlanPeriod asked = calendar.planPeriod(periodCode, plan.fiscalYear());
		FiscalCalendar.PlanPeriod before = calendar.planPeriod(periodCode, plan.fiscalYear() - 1);
		FiscalPeriod span = asked.period();
		Tree tree = tree(unitId);
		Set<Long> units = tree.subtree().get(unitId);
		List<UnitId> unitIds = units.stream().map(UnitId::of).toList();

		Map<Long, Map<Long, Sums>> target = new HashMap<>();
		for (PlanViews.TargetCell c : plans.targets(actor, version.id())) {
			if (units.contains(c.unitId()) && asked.months().contains(c.month())) {
				add(target, c.unitId(), c.lineId(), new Sums(c.revenue(), c.units(), c.margin()));
			}
		}
		Map<Long, Map<Long, Sums>> actual = new HashMap<>();
		for (PlanActuals.Actual a : actuals.actuals(span, unitIds)) {
			add(actual, a.unitId().value(), a.lineId().value(), new Sums(a.revenue(), a.units(), a.margin()));
		}
		Map<Long, Map<Long, Sums>> lastYear = new HashMap<>();
		for (PlanActuals.Actual a : actuals.actuals(before.period(), unitIds)) {
			add(lastYear, a.unitId().value(), a.lineId().value(), new Sums(a.revenue(), a.units(), a.margin()));
		}

		Map<Long, String> lineNames = new HashMap<>();
		String lang = LocaleContextHolder.getLocale().getLanguage();
		for (ProductLineView line : catalog.lines(true)) {
			lineNames.put(line.id(), line.code() + " · " + line.name(lang));
		}
		// Last year's average price of each line over the whole subtree: the plan's price where the plan has no units.
		Map<Long, Sums> lastYearByLine = byLine(lastYear, units);
		Map<Long, BigDecimal> lastYearPrice = new HashMap<>();
		lastYearByLine.forEach((line, s) -> {
			if (s.units().signum() > 0) {
				lastYearPrice.put(line, s.revenue().divide(s.units(), java.math.MathContext.DECIMAL128));
			}
		});

		List<UnitRow> unitRows = new ArrayList<>();
		for (Long unit : tree.order()) {
			Set<Long> sub = tree.subtree().get(unit);
			Sums t = total(target, sub);
			Sums a = total(actual, sub);
			Sums l = total(lastYear, sub);
			BigDecimal tr = Amounts.money(t.revenue());
			BigDecimal ar = Amounts.money(a.revenue());
			BigDecimal gap = ar.subtract(tr);
			unitRows.add(new UnitRow(unit, tree.names().getOrDefault(unit, "#" + unit), tree.depth().get(unit), tr, ar,
					gap, ReviewViews.percent(gap, tr), Amounts.money(t.margin()), Amounts.money(a.margin()),
					Amounts.money(a.margin()).subtract(Amounts.money(t.margin())), Amounts.money(l.revenue())));
		}
		VarianceTable againstPlan = table("PLAN", tree, target, actual, lastYearPrice, lineNames);
		VarianceTable againstLastYear = table("LAST_YEAR", tree, lastYear, actual, Map.of(), lineNames);

		// Strategies of the plan aimed at the company or at a unit of the review's subtree.
		LocalDate end = span.end();
		List<StrategyManagement.StrategyView> aimed = strategies.list(planId).stream()
			.filter(s -> s.unitId() == null || units.contains(s.unitId()))
			.toList();
		Map<Long, StrategyOutcomes.Outcome> tagged = outcomes.outcomes(
				aimed.stream().map(StrategyManagement.StrategyView::id).toList(), units, span.start(), end);
		StrategyOutcomes.Untagged untagged = outcomes.untagged(units, span.start(), end);
		Map<Long, SegmentManagement.SegmentView> segmentById = new HashMap<>();
		segments.list().forEach(s -> segmentById.put(s.id(), s));
		Map<Long, List<Long>> targetsBySegment = new LinkedHashMap<>();
		for (StrategyManagement.StrategyView s : aimed) {
			if (s.segmentId() != null && segmentById.containsKey(s.segmentId())) {
				targetsBySegment.computeIfAbsent(s.segmentId(), id -> segments.targets(actor, id).stream()
					.map(SegmentManagement.TargetAccount::customerId).toList());
			}
		}
		LocalDate today = LocalDate.now(clock);
		List<StrategyFigures> strategyRows = new ArrayList<>();
		for (StrategyManagement.StrategyView s : aimed) {
			StrategyOutcomes.Outcome o = tagged.get(s.id());
			List<Long> targets = s.segmentId() == null ? List.of() : targetsBySegment.getOrDefault(s.segmentId(), List.of());
			long visited = targets.isEmpty() ? 0 : sales.visited(targets, span.start(), end).size();
			long bought = targets.isEmpty() ? 0 : sales.bought(targets, span.start(), end).size();
			int done = (int) s.initiatives().stream().filter(i -> i.status() == InitiativeStatus.DONE).count();
			int doneLate = (int) s.initiatives().stream().filter(StrategyManagement.InitiativeView::doneLate).count();
			LocalDate dueBy = end.isBefore(today) ? end : today;
			int overdue = (int) s.initiatives().stream()
				.filter(i -> i.status() != InitiativeStatus.DONE && i.status() != InitiativeStatus.CANCELLED
						&& i.dueOn() != null && i.dueOn().isBefore(dueBy))
				.count();
			BigDecimal revenue = Amounts.money(o.revenue());
			strategyRows.add(new StrategyFigures(s.id(), s.name(),
					s.segmentId() == null || !segmentById.containsKey(s.segmentId()) ? null
							: segmentById.get(s.segmentId()).name(),
					s.expectedRevenue() == null ? null : Amounts.money(s.expectedRevenue()),
					s.expectedMargin() == null ? null : Amounts.money(s.expectedMargin()), revenue,
					Amounts.money(o.margin()),
					s.expectedRevenue() == null ? null : ReviewViews.percent(revenue, s.expectedRevenue()), o.orders(),
					o.opportunities(), o.won(), o.lost(), winRate(o.won(), o.lost()), s.initiatives().size(), done,
					overdue, targets.size(), visited, bought, doneLate));
		}

		List<Coverage> coverage = new ArrayList<>();
		targetsBySegment.forEach((segmentId, targets) -> {
			List<CoverageMonth> months = new ArrayList<>();
			for (Integer m : asked.months()) {
				FiscalPeriod month = years.month(plan.fiscalYear(), m);
				if (month.start().isAfter(today)) {
					break;
				}
				long visited = targets.isEmpty() ? 0 : sales.visited(targets, span.start(), month.end()).size();
				long bought = targets.isEmpty() ? 0 : sales.bought(targets, span.start(), month.end()).size();
				months.add(new CoverageMonth(years.code(month), month.start(), targets.size(), visited, bought));
			}
			coverage.add(new Coverage(segmentId, segmentById.get(segmentId).name(), months));
		});

		List<ObjectiveRow> objectiveRows = new ArrayList<>();
		if (unitId == rootUnit()) {
			FiscalPeriod yearToEnd = new FiscalPeriod(years.year(plan.fiscalYear()).start(), end);
			for (ObjectiveManagement.ObjectiveView o : objectives.list(plan.fiscalYear())) {
				BigDecimal value = null;
				Metric metric = switch (o.kind()) {
					case REVENUE -> Metric.REVENUE;
					case MARGIN -> Metric.MARGIN;
					case UNITS -> Metric.UNITS;
					case NEW_CUSTOMERS -> Metric.NEW_CUSTOMERS;
					case QUALITATIVE -> null;
				};
				if (metric != null) {
					value = metrics.byUnit(metric, yearToEnd, List.of(UnitId.of(unitId))).getOrDefault(UnitId.of(unitId),
							BigDecimal.ZERO);
					value = o.kind() == ObjectiveKind.REVENUE || o.kind() == ObjectiveKind.MARGIN ? Amounts.money(value)
							: value.setScale(0, java.math.RoundingMode.HALF_UP);
				}
				objectiveRows.add(new ObjectiveRow(o.id(), o.kind(), o.title(), o.targetValue(), value,
						value == null || o.targetValue() == null ? null : ReviewViews.percent(value, o.targetValue())));
			}
		}
		return new Figures(asked.code(), periodLabel(years, asked.code(), plan.fiscalYear()), span.start(),
				span.lastDay(), today, version.id(), unitRows, againstPlan, againstLastYear, strategyRows,
				untagged.won(), untagged.lost(), winRate(untagged.won(), untagged.lost()), coverage, objectiveRows);
	}

	static String periodLabel(FiscalYears years, String code, int fiscalYear) {
		String year = years.label(fiscalYear);
		int dash = code.lastIndexOf('-');
		return dash < 0 ? year : year + " " + code.substring(dash + 1);
	}

	private static BigDecimal winRate(long won, long lost) {
		BigDecimal rate = ReviewViews.percent(BigDecimal.valueOf(won), BigDecimal.valueOf(won + lost));
		return rate;
	}

	private static VarianceTable table(String basis, Tree tree, Map<Long, Map<Long, Sums>> base,
			Map<Long, Map<Long, Sums>> actual, Map<Long, BigDecimal> fallback, Map<Long, String> lineNames) {
		long top = tree.order().get(0);
		Set<Long> all = tree.subtree().get(top);
		Map<Long, Sums> baseLines = byLine(base, all);
		Map<Long, Sums> actualLines = byLine(actual, all);
		Set<Long> lines = new java.util.TreeSet<>(baseLines.keySet());
		lines.addAll(actualLines.keySet());
		VarianceAnalysis.Decomposition company = VarianceAnalysis.decompose(inputs(lines, baseLines, actualLines,
				fallback));
		List<LineVariance> lineRows = new ArrayList<>();
		int i = 0;
		for (Long line : lines) {
			Sums b = baseLines.getOrDefault(line, Sums.ZERO);
			Sums a = actualLines.getOrDefault(line, Sums.ZERO);
			lineRows.add(new LineVariance(line, lineNames.getOrDefault(line, "#" + line), company.lines().get(i++),
					VarianceAnalysis.margin(b.revenue(), b.margin(), a.revenue(), a.margin())));
		}
		List<UnitVariance> unitRows = new ArrayList<>();
		for (Long unit : tree.order()) {
			Set<Long> sub = tree.subtree().get(unit);
			Map<Long, Sums> b = byLine(base, sub);
			Map<Long, Sums> a = byLine(actual, sub);
			Set<Long> unitLines = new java.util.TreeSet<>(b.keySet());
			unitLines.addAll(a.keySet());
			VarianceAnalysis.Effects effects = VarianceAnalysis.decompose(inputs(unitLines, b, a, fallback)).total();
			Sums bt = total(base, sub);
			Sums at = total(actual, sub);
			unitRows.add(new UnitVariance(unit, tree.names().getOrDefault(unit, "#" + unit), tree.depth().get(unit),
					new VarianceAnalysis.Effects(String.valueOf(unit), effects.base(), effects.actual(), effects.volume(),
							effects.mix(), effects.price(), effects.gap(), null, false),
					VarianceAnalysis.margin(bt.revenue(), bt.margin(), at.revenue(), at.margin())));
		}
		Sums bt = total(base, all);
		Sums at = total(actual, all);
		return new VarianceTable(basis, lineRows, unitRows, company.total(),
				VarianceAnalysis.margin(bt.revenue(), bt.margin(), at.revenue(), at.margin()));
	}

	private static List<VarianceAnalysis.LineInput> inputs(Set<Long> lines, Map<Long, Sums> base,
			Map<Long, Sums> actual, Map<Long, BigDecimal> fallback) {
		List<VarianceAnalysis.LineInput> inputs = new ArrayList<>();
		for (Long line : lines) {
			Sums b = base.getOrDefault(line, Sums.ZERO);
			Sums a = actual.getOrDefault(line, Sums.ZERO);
			inputs.add(new VarianceAnalysis.LineInput(String.valueOf(line), b.revenue(), b.units(), a.revenue(),
					a.units(), fallback.get(line)));
		}
		return inputs;
	}

	private static void add(Map<Long, Map<Long, Sums>> into, long unit, long line, Sums sums) {
		into.computeIfAbsent(unit, k -> new HashMap<>()).merge(line, sums, Sums::plus);
	}

	private static Map<Long, Sums> byLine(Map<Long, Map<Long, Sums>> figures, Set<Long> units) {
		Map<Long, Sums> result = new TreeMap<>();
		for (Long unit : units) {
			figures.getOrDefault(unit, Map.of()).forEach((line, s) -> result.merge(line, s, Sums::plus));
		}
		return result;
	}

	private static Sums total(Map<Long, Map<Long, Sums>> figures, Set<Long> units) {
		Sums sum = Sums.ZERO;
		for (Long unit : units) {
			for (Sums s : figures.getOrDefault(unit, Map.of()).values()) {
				sum = sum.plus(s);
			}
		}
		return sum;
	}

	/** The ids of a plan's strategies (a verdict is given on one of them). */
	Set<Long> strategiesOf(long planId) {
		Set<Long> ids = new HashSet<>();
		strategies.list(planId).forEach(s -> ids.add(s.id()));
		return ids;
	}

	/** Units a set of review units covers, for callers that check scope. */
	Set<Long> subtreeOf(long unitId) {
		return new HashSet<>(tree(unitId).subtree().get(unitId));
	}
}
