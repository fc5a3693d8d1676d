package io.rumbo.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.PlanViews.DiffRow;
import io.rumbo.planning.PlanViews.GridColumn;
import io.rumbo.planning.PlanViews.GridRow;
import io.rumbo.planning.PlanViews.GridView;
import io.rumbo.planning.PlanViews.PlanView;
import io.rumbo.planning.PlanViews.TargetCell;
import io.rumbo.planning.PlanViews.Totals;
import io.rumbo.planning.PlanViews.VersionView;
import io.rumbo.planning.domain.Plan;
import io.rumbo.planning.domain.PlanRepository;
import io.rumbo.planning.domain.PlanVersion;
import io.rumbo.planning.domain.PlanVersionRepository;
import io.rumbo.planning.domain.TargetStore;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Reading plans: the plans and their versions with totals, the targets grid of a version, its cells and goals, and
 * how it differs from the version it is based on. Everyone reads the rows of the units they see.
 */
@Service
public class PlanReading {

	/** Sort keys of the plan list. */
	public static final Map<String, String> SORTS = Map.of("fiscalYear", "fiscalYear", "name", "name");

	private final PlanRepository plans;
	private final PlanVersionRepository versions;
	private final TargetStore store;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final CatalogManagement catalog;
	private final DataScopes scopes;

	PlanReading(PlanRepository plans, PlanVersionRepository versions, TargetStore store, FiscalCalendar calendar,
			OrgDirectory org, CatalogManagement catalog, DataScopes scopes) {
		this.plans = plans;
		this.versions = versions;
		this.store = store;
		this.calendar = calendar;
		this.org = org;
		this.catalog = catalog;
		this.scopes = scopes;
	}

	/** Every plan, latest fiscal year first. */
	@Transactional(readOnly = true)
	public List<PlanView> plans(CurrentUser actor) {
		Set<Long> visible = visibleUnits(actor, new PlanTree(org.unitTree()));
		return plans.findAll(Sort.by(Sort.Direction.DESC, "fiscalYear")).stream().map(p -> view(visible, p)).toList();
	}

	/** A page of plans, sorted by {@link #SORTS} keys. */
	@Transactional(readOnly = true)
	public PageResponse<PlanView> plans(CurrentUser actor, ListQuery query) {
		Set<Long> visible = visibleUnits(actor, new PlanTree(org.unitTree()));
		Sort sort = Sort.by(query.orders().stream()
			.map(o -> o.descending() ? Sort.Order.desc(o.column()) : Sort.Order.asc(o.column()))
			.toList()).and(Sort.by("id"));
		Page<Plan> page = plans.findAll(PageRequest.of(query.page(), query.size(), sort));
		return PageResponse.of(page.getContent().stream().map(p -> view(visible, p)).toList(), query,
				page.getTotalElements());
	}

	@Transactional(readOnly = true)
	public PlanView plan(CurrentUser actor, long planId) {
		return view(visibleUnits(actor, new PlanTree(org.unitTree())), planOf(planId));
	}

	/** A page of a plan's versions, latest first. */
	@Transactional(readOnly = true)
	public PageResponse<VersionView> versions(CurrentUser actor, long planId, ListQuery query) {
		List<VersionView> all = plan(actor, planId).versions();
		int from = (int) Math.min(all.size(), query.offset());
		int to = (int) Math.min(all.size(), (long) from + query.size());
		return PageResponse.of(all.subList(from, to), query, all.size());
	}

	@Transactional(readOnly = true)
	public VersionView version(CurrentUser actor, long versionId) {
		PlanVersion version = versionOf(versionId);
		return versionView(visibleUnits(actor, new PlanTree(org.unitTree())), version, numbers(version.planId()));
	}

	private PlanView view(Set<Long> visible, Plan plan) {
		FiscalYears years = calendar.years();
		List<PlanVersion> all = versions.findByPlanIdOrderByNumberDesc(plan.id());
		Map<Long, Integer> numbers = new HashMap<>();
		all.forEach(v -> numbers.put(v.id(), v.number()));
		List<VersionView> list = all.stream().map(v -> versionView(visible, v, numbers)).toList();
		return new PlanView(plan.id(), plan.fiscalYear(), years.label(plan.fiscalYear()), plan.name(), list);
	}

	private Map<Long, Integer> numbers(long planId) {
		Map<Long, Integer> numbers = new HashMap<>();
		versions.findByPlanIdOrderByNumberDesc(planId).forEach(v -> numbers.put(v.id(), v.number()));
		return numbers;
	}

	private VersionView versionView(Set<Long> visible, PlanVersion v, Map<Long, Integer> numbers) {
		return new VersionView(v.id(), v.planId(), v.number(), v.state(),
				v.basedOnId() == null ? null : numbers.get(v.basedOnId()), v.note(), v.createdBy(), v.createdOn(),
				v.submittedBy(), v.submittedOn(), v.approvedBy(), v.approvedOn(), v.version(), totals(visible, v.id()));
	}

	/** The totals of the units the reader sees (the whole plan for company-wide roles). */
	private Totals totals(Set<Long> units, long versionId) {
		TargetFigures sum = TargetFigures.ZERO;
		for (TargetStore.Cell c : store.cells(versionId).values()) {
			if (units.contains(c.unitId())) {
				sum = sum.plus(c.figures());
			}
		}
		long customers = store.goals(versionId).stream().filter(g -> units.contains(g.unitId()))
			.mapToLong(TargetStore.Goal::newCustomers).sum();
		return new Totals(Amounts.money(sum.revenue()), sum.units().setScale(0, RoundingMode.HALF_UP),
				Amounts.money(sum.margin()), customers);
	}

	/** The units the reader may see: all for company-wide readers, else their managed units and own unit. */
	private Set<Long> visibleUnits(CurrentUser actor, PlanTree tree) {
		DataScope scope = scopes.of(actor);
		Set<Long> units = new LinkedHashSet<>();
		for (PlanTree.Row row : tree.rows()) {
			if (scope.seesUnit(row.unit().id())) {
				units.add(row.unit().id());
			}
		}
		return units;
	}

	/** The grid of one measure (of one line or all): each visible unit with its subtree's months, quarters and year. */
	@Transactional(readOnly = true)
	public GridView grid(CurrentUser actor, long versionId, Measure measure, @Nullable Long lineId) {
		PlanVersion version = versionOf(versionId);
		int fiscalYear = planOf(version.planId()).fiscalYear();
		FiscalYears years = calendar.years();
		PlanTree tree = new PlanTree(org.unitTree());
		DataScope scope = scopes.of(actor);
		Map<Long, MonthlyValues> byUnit = new HashMap<>();
		if (measure == Measure.NEW_CUSTOMERS) {
			for (TargetStore.Goal g : store.goals(versionId)) {
				byUnit.merge(g.unitId(), MonthlyValues.of(g.month(), BigDecimal.valueOf(g.newCustomers())),
						MonthlyValues::plus);
			}
		}
		else {
			for (TargetStore.Cell c : store.cells(versionId).values()) {
				if (lineId == null || c.lineId() == lineId) {
					byUnit.merge(c.unitId(), MonthlyValues.of(c.month(), c.figures().value(measure)), MonthlyValues::plus);
				}
			}
		}
		boolean draft = version.state().editable();
		List<GridRow> rows = new ArrayList<>();
		for (PlanTree.Row row : tree.rows()) {
			long unitId = row.unit().id();
			if (tree.subtree(unitId).stream().noneMatch(scope::seesUnit)) {
				continue;
			}
			MonthlyValues months = MonthlyValues.ZERO;
			for (Long unit : tree.subtree(unitId)) {
				if (scope.seesUnit(unit)) {
					months = months.plus(byUnit.getOrDefault(unit, MonthlyValues.ZERO));
				}
			}
			rows.add(row(years, fiscalYear, unitId, tree.name(unitId), row.depth(), row.leaf(),
					draft && PlanPermissions.mayEditUnit(actor, scope, tree, unitId), months, measure));
		}
		List<GridColumn> monthColumns = years.months(fiscalYear).stream()
			.map(p -> new GridColumn(years.code(p), p.start().getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
					LocaleContextHolder.getLocale())))
			.toList();
		List<GridColumn> quarterColumns = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			quarterColumns.add(new GridColumn(years.code(years.quarter(fiscalYear, q)), "Q" + q));
		}
		return new GridView(versionId, measure, lineId, monthColumns, quarterColumns,
				new GridColumn(years.code(years.year(fiscalYear)), years.label(fiscalYear)), rows, draft);
	}

	private static GridRow row(FiscalYears years, int fiscalYear, long unitId, String name, int depth, boolean leaf,
			boolean editable, MonthlyValues months, Measure measure) {
		List<MeasureValue> monthValues = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			monthValues.add(value(measure, years.month(fiscalYear, m), months.month(m)));
		}
		List<MeasureValue> quarters = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			quarters.add(value(measure, years.quarter(fiscalYear, q), months.sum(List.of(q * 3 - 2, q * 3 - 1, q * 3))));
		}
		return new GridRow(unitId, name, depth, leaf, editable, monthValues, quarters,
				value(measure, years.year(fiscalYear), months.total()));
	}

	private static MeasureValue value(Measure measure, FiscalPeriod period, BigDecimal value) {
		return new MeasureValue(measure, period, value.setScale(measure.scale(), RoundingMode.HALF_UP));
	}

	@Transactional(readOnly = true)
	public List<TargetCell> targets(CurrentUser actor, long versionId) {
		versionOf(versionId);
		Set<Long> units = visibleUnits(actor, new PlanTree(org.unitTree()));
		return store.cells(versionId).values().stream()
			.filter(c -> units.contains(c.unitId()))
			.map(c -> new TargetCell(c.unitId(), c.lineId(), c.month(), c.revenue(), c.units(), c.margin()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<PlanViews.UnitGoal> goals(CurrentUser actor, long versionId) {
		versionOf(versionId);
		Set<Long> units = visibleUnits(actor, new PlanTree(org.unitTree()));
		return store.goals(versionId).stream()
			.filter(g -> units.contains(g.unitId()))
			.map(g -> new PlanViews.UnitGoal(g.unitId(), g.month(), g.newCustomers()))
			.toList();
	}

	/** A unit and line's figures over the year in the version shown and in the one it is based on. */
	private record Compared(TargetFigures previous, TargetFigures current) {

		static final Compared NONE = new Compared(TargetFigures.ZERO, TargetFigures.ZERO);

		Compared plus(Compared other) {
			return new Compared(previous.plus(other.previous), current.plus(other.current));
		}

		boolean changed() {
			return previous.revenue().compareTo(current.revenue()) != 0
					|| previous.units().compareTo(current.units()) != 0
					|| previous.margin().compareTo(current.margin()) != 0;
		}
	}

	/** Per unit and line over the year: this version against the one it was based on. */
	@Transactional(readOnly = true)
	public List<DiffRow> differences(CurrentUser actor, long versionId) {
		PlanVersion version = versionOf(versionId);
		Long basedOn = version.basedOnId();
		PlanTree tree = new PlanTree(org.unitTree());
		Set<Long> units = visibleUnits(actor, tree);
		Map<TargetKey, Compared> sums = new LinkedHashMap<>();
		for (TargetStore.Cell c : store.cells(versionId).values()) {
			if (units.contains(c.unitId())) {
				sums.merge(TargetKey.of(c.unitId(), c.lineId()), new Compared(TargetFigures.ZERO, c.figures()),
						Compared::plus);
			}
		}
		if (basedOn != null) {
			for (TargetStore.Cell c : store.cells(basedOn).values()) {
				if (units.contains(c.unitId())) {
					sums.merge(TargetKey.of(c.unitId(), c.lineId()), new Compared(c.figures(), TargetFigures.ZERO),
							Compared::plus);
				}
			}
		}
		Map<Long, String> lineCodes = new HashMap<>();
		catalog.lines(true).forEach(l -> lineCodes.put(l.id(), l.code()));
		List<DiffRow> rows = new ArrayList<>();
		sums.forEach((key, s) -> {
			if (s.changed()) {
				long unit = key.unitId().value();
				long line = key.lineId() == null ? 0 : key.lineId().value();
				rows.add(new DiffRow(unit, tree.name(unit), line, lineCodes.getOrDefault(line, "#" + line),
						s.previous().revenue(), s.current().revenue(), s.previous().margin(), s.current().margin(),
						s.previous().units(), s.current().units()));
			}
		});
		rows.sort(Comparator.comparing((DiffRow r) -> r.revenueChange().abs()).reversed());
		return rows;
	}

	Plan planOf(long planId) {
		return plans.findById(planId).orElseThrow(() -> new NotFoundException("plan", planId));
	}

	PlanVersion versionOf(long versionId) {
		return versions.findById(versionId).orElseThrow(() -> new NotFoundException("planVersion", versionId));
	}
}
