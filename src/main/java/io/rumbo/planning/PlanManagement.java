package io.rumbo.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.PlanViews.DiffRow;
import io.rumbo.planning.PlanViews.GridRow;
import io.rumbo.planning.PlanViews.GridView;
import io.rumbo.planning.PlanViews.PlanView;
import io.rumbo.planning.PlanViews.SpreadResult;
import io.rumbo.planning.PlanViews.TargetCell;
import io.rumbo.planning.PlanViews.Totals;
import io.rumbo.planning.PlanViews.VersionView;
import io.rumbo.planning.domain.Plan;
import io.rumbo.planning.domain.PlanRepository;
import io.rumbo.planning.domain.PlanVersion;
import io.rumbo.planning.domain.PlanVersionRepository;
import io.rumbo.planning.domain.TargetStore;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalYears;

/**
 * Sales plans: a plan per fiscal year, numbered versions moving from draft to submitted, approved, active and
 * closed, and targets by fiscal month, org unit and product line. Directors and administrators create plans and
 * edit any cell of a draft; a manager edits the cells of their subtree; only a director approves. Everyone reads
 * the rows of the units they see. Every change is in the audit trail.
 */
@Service
public class PlanManagement {

	private final PlanRepository plans;
	private final PlanVersionRepository versions;
	private final TargetStore store;
	private final FiscalCalendar calendar;
	private final PlanHistory history;
	private final OrgDirectory org;
	private final CatalogManagement catalog;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final Clock clock;

	PlanManagement(PlanRepository plans, PlanVersionRepository versions, TargetStore store, FiscalCalendar calendar,
			PlanHistory history, OrgDirectory org, CatalogManagement catalog, DataScopes scopes,
			AuditTrail audit, Clock clock) {
		this.plans = plans;
		this.versions = versions;
		this.store = store;
		this.calendar = calendar;
		this.history = history;
		this.org = org;
		this.catalog = catalog;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean mayCreate(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	public static boolean mayApprove(CurrentUser actor) {
		return actor.has(Role.DIRECTOR);
	}

	public static boolean maySubmit(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	// ---- reading

	@Transactional(readOnly = true)
	public List<PlanView> plans(CurrentUser actor) {
		Set<Long> visible = visibleUnits(actor, new PlanTree(org.unitTree()));
		return plans.findAll().stream()
			.sorted(java.util.Comparator.comparingInt(Plan::fiscalYear).reversed())
			.map(p -> view(visible, p))
			.toList();
	}

	@Transactional(readOnly = true)
	public PlanView plan(CurrentUser actor, long planId) {
		return view(visibleUnits(actor, new PlanTree(org.unitTree())),
				plans.findById(planId).orElseThrow(() -> new NotFoundException("plan", planId)));
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
	private Totals totals(Set<Long> leaves, long versionId) {
		BigDecimal revenue = Amounts.money(BigDecimal.ZERO);
		BigDecimal units = BigDecimal.ZERO;
		BigDecimal margin = Amounts.money(BigDecimal.ZERO);
		for (TargetStore.Cell c : store.cells(versionId).values()) {
			if (leaves.contains(c.unitId())) {
				revenue = revenue.add(c.revenue());
				units = units.add(c.units());
				margin = margin.add(c.margin());
			}
		}
		long customers = store.goals(versionId).stream().filter(g -> leaves.contains(g.unitId()))
			.mapToLong(TargetStore.Goal::newCustomers).sum();
		return new Totals(Amounts.money(revenue), units.setScale(0, RoundingMode.HALF_UP), Amounts.money(margin),
				customers);
	}

	/** The units the reader may see: all for company-wide readers, else their managed units and own unit. */
	private Set<Long> visibleUnits(CurrentUser actor, PlanTree tree) {
		DataScope scope = scopes.of(actor);
		Set<Long> units = new java.util.LinkedHashSet<>();
		for (PlanTree.Row row : tree.rows()) {
			if (scope.seesUnit(row.unit().id())) {
				units.add(row.unit().id());
			}
		}
		return units;
	}

	@Transactional(readOnly = true)
	public GridView grid(CurrentUser actor, long versionId, Measure measure, @Nullable Long lineId) {
		PlanVersion version = versionOf(versionId);
		Plan plan = plans.findById(version.planId()).orElseThrow();
		FiscalYears years = calendar.years();
		PlanTree tree = new PlanTree(org.unitTree());
		DataScope scope = scopes.of(actor);
		Map<Long, BigDecimal[]> byLeaf = new HashMap<>();
		if (measure == Measure.NEW_CUSTOMERS) {
			for (TargetStore.Goal g : store.goals(versionId)) {
				byLeaf.computeIfAbsent(g.unitId(), k -> zeros())[g.month() - 1] = BigDecimal.valueOf(g.newCustomers());
			}
		}
		else {
			for (TargetStore.Cell c : store.cells(versionId).values()) {
				if (lineId == null || c.lineId() == lineId) {
					BigDecimal[] months = byLeaf.computeIfAbsent(c.unitId(), k -> zeros());
					months[c.month() - 1] = months[c.month() - 1].add(value(c, measure));
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
			BigDecimal[] months = zeros();
			for (Long leaf : tree.subtree(unitId)) {
				if (!scope.seesUnit(leaf)) {
					continue;
				}
				BigDecimal[] values = byLeaf.get(leaf);
				if (values != null) {
					for (int m = 0; m < 12; m++) {
						months[m] = months[m].add(values[m]);
					}
				}
			}
			rows.add(row(unitId, tree.name(unitId), row.depth(), row.leaf(),
					draft && mayEditUnit(actor, scope, tree, unitId), months, measure));
		}
		List<String> labels = years.months(plan.fiscalYear()).stream()
			.map(p -> p.start().getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
					LocaleContextHolder.getLocale()))
			.toList();
		return new GridView(versionId, measure, lineId, labels, rows, draft);
	}

	private static GridRow row(long unitId, String name, int depth, boolean leaf, boolean editable, BigDecimal[] months,
			Measure measure) {
		List<BigDecimal> quarters = new ArrayList<>();
		BigDecimal year = BigDecimal.ZERO;
		for (int q = 0; q < 4; q++) {
			BigDecimal sum = months[q * 3].add(months[q * 3 + 1]).add(months[q * 3 + 2]);
			quarters.add(sum.setScale(measure.scale(), RoundingMode.HALF_UP));
			year = year.add(sum);
		}
		List<BigDecimal> list = new ArrayList<>();
		for (BigDecimal m : months) {
			list.add(m.setScale(measure.scale(), RoundingMode.HALF_UP));
		}
		return new GridRow(unitId, name, depth, leaf, editable, list, quarters, year.setScale(measure.scale(),
				RoundingMode.HALF_UP));
	}

	private static BigDecimal[] zeros() {
		BigDecimal[] months = new BigDecimal[12];
		java.util.Arrays.fill(months, BigDecimal.ZERO);
		return months;
	}

	private static BigDecimal value(TargetStore.Cell c, Measure measure) {
		return switch (measure) {
			case REVENUE -> c.revenue();
			case UNITS -> c.units();
			case MARGIN -> c.margin();
			case NEW_CUSTOMERS -> BigDecimal.ZERO;
		};
	}

	/** A draft's unit (and so its whole subtree) may be changed by company-wide roles or the manager of all of it. */
	private static boolean mayEditUnit(CurrentUser actor, DataScope scope, PlanTree tree, long unitId) {
		if (actor.hasAny(Role.ADMIN, Role.DIRECTOR)) {
			return true;
		}
		return actor.has(Role.MANAGER) && tree.subtree(unitId).stream().allMatch(scope::managesUnit);
	}

	@Transactional(readOnly = true)
	public List<TargetCell> targets(CurrentUser actor, long versionId) {
		versionOf(versionId);
		PlanTree tree = new PlanTree(org.unitTree());
		Set<Long> leaves = visibleUnits(actor, tree);
		return store.cells(versionId).values().stream()
			.filter(c -> leaves.contains(c.unitId()))
			.map(c -> new TargetCell(c.unitId(), c.lineId(), c.month(), c.revenue(), c.units(), c.margin()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<PlanViews.UnitGoal> goals(CurrentUser actor, long versionId) {
		versionOf(versionId);
		PlanTree tree = new PlanTree(org.unitTree());
		Set<Long> leaves = visibleUnits(actor, tree);
		return store.goals(versionId).stream()
			.filter(g -> leaves.contains(g.unitId()))
			.map(g -> new PlanViews.UnitGoal(g.unitId(), g.month(), g.newCustomers()))
			.toList();
	}

	/** Per unit and line over the year: this version against the one it was based on. */
	@Transactional(readOnly = true)
	public List<DiffRow> differences(CurrentUser actor, long versionId) {
		PlanVersion version = versionOf(versionId);
		Long basedOn = version.basedOnId();
		PlanTree tree = new PlanTree(org.unitTree());
		Set<Long> leaves = visibleUnits(actor, tree);
		Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
		accumulate(sums, store.cells(versionId), leaves, 3);
		if (basedOn != null) {
			accumulate(sums, store.cells(basedOn), leaves, 0);
		}
		Map<Long, String> lineCodes = new HashMap<>();
		catalog.lines(true).forEach(l -> lineCodes.put(l.id(), l.code()));
		List<DiffRow> rows = new ArrayList<>();
		sums.forEach((key, s) -> {
			long unit = Long.parseLong(key.substring(0, key.indexOf(':')));
			long line = Long.parseLong(key.substring(key.indexOf(':') + 1));
			if (s[0].compareTo(s[3]) != 0 || s[1].compareTo(s[4]) != 0 || s[2].compareTo(s[5]) != 0) {
				rows.add(new DiffRow(unit, tree.name(unit), line, lineCodes.getOrDefault(line, "#" + line), s[0], s[3],
						s[2], s[5], s[1], s[4]));
			}
		});
		rows.sort(java.util.Comparator.comparing((DiffRow r) -> r.revenueChange().abs()).reversed());
		return version.state() == null ? List.of() : rows;
	}

	private static void accumulate(Map<String, BigDecimal[]> sums, Map<TargetStore.Key, TargetStore.Cell> cells,
			Set<Long> leaves, int offset) {
		for (TargetStore.Cell c : cells.values()) {
			if (!leaves.contains(c.unitId())) {
				continue;
			}
			BigDecimal[] s = sums.computeIfAbsent(c.unitId() + ":" + c.lineId(), k -> {
				BigDecimal[] z = new BigDecimal[6];
				java.util.Arrays.fill(z, BigDecimal.ZERO);
				return z;
			});
			s[offset] = s[offset].add(c.revenue());
			s[offset + 1] = s[offset + 1].add(c.units());
			s[offset + 2] = s[offset + 2].add(c.margin());
		}
	}

	// ---- creating and moving versions

	/**
	 * Creates the plan of a fiscal year with a first draft proposed from last year's actuals: each cell is last
	 * year's figure for that unit, line and month times (1 + growth %), the line's growth when given, else the
	 * general one. Actuals stay on the unit they were booked on (a team with an agent below keeps its own).
	 */
	@Transactional
	public PlanView create(CurrentUser actor, int fiscalYear, String name, BigDecimal growthPercent,
			Map<Long, BigDecimal> lineGrowth) {
		return create(actor, fiscalYear, name, growthPercent, lineGrowth, Map.of());
	}

	/**
	 * As above, with growth rates per unit too: a cell grows by its line's rate when one is given, else by the rate
	 * of its unit or the nearest unit above it that has one, else by the general rate.
	 */
	@Transactional
	public PlanView create(CurrentUser actor, int fiscalYear, String name, BigDecimal growthPercent,
			Map<Long, BigDecimal> lineGrowth, Map<Long, BigDecimal> unitGrowth) {
		if (!mayCreate(actor)) {
			throw new AccessRefusedException("plans");
		}
		if (name == null || name.isBlank()) {
			throw ValidationFailedException.of("name", "planning.plan.name.required");
		}
		if (plans.findByFiscalYear(fiscalYear).isPresent()) {
			throw new ConflictException("planning.plan.exists", calendar.years().label(fiscalYear));
		}
		Plan plan = plans.saveAndFlush(new Plan(fiscalYear, name.trim()));
		PlanVersion first = versions.saveAndFlush(new PlanVersion(plan.id(), 1, null, null, actor.username(),
				LocalDate.now(clock)));
		List<OrgDirectory.UnitNode> nodes = org.unitTree();
		Map<Long, Long> parents = new HashMap<>();
		nodes.forEach(n -> parents.put(n.id(), n.parentId()));
		PlanHistory.Baseline baseline = history.baseline(fiscalYear - 1, new PlanTree(nodes));
		List<TargetStore.Cell> cells = new ArrayList<>();
		baseline.cells().forEach((key, v) -> {
			BigDecimal growth = lineGrowth.get(key.lineId());
			for (Long unit = key.unitId(); growth == null && unit != null; unit = parents.get(unit)) {
				growth = unitGrowth.get(unit);
			}
			if (growth == null) {
				growth = growthPercent;
			}
			BigDecimal factor = BigDecimal.ONE.add(growth.movePointLeft(2));
			cells.add(new TargetStore.Cell(key.unitId(), key.lineId(), key.month(), Amounts.money(v[0].multiply(factor)),
					v[1].multiply(factor).setScale(0, RoundingMode.HALF_UP), Amounts.money(v[2].multiply(factor))));
		});
		store.save(first.id(), cells);
		BigDecimal factor = BigDecimal.ONE.add(growthPercent.movePointLeft(2));
		List<TargetStore.Goal> goals = new ArrayList<>();
		baseline.newCustomers().forEach((key, count) -> goals.add(new TargetStore.Goal(key.unitId(), key.month(),
				count.multiply(factor).setScale(0, RoundingMode.HALF_UP).intValue())));
		store.saveGoals(first.id(), goals);
		audit.record("PLAN", plan.id(), "CREATE", null, Map.of("fiscalYear", fiscalYear, "growthPercent",
				growthPercent.toPlainString(), "lineGrowth", lineGrowth.toString(), "unitGrowth", unitGrowth.toString(),
				"cells", cells.size()), plan.name());
		return plan(actor, plan.id());
	}

	/** A new draft copied from a version (an approved or active one, usually), shown against it. */
	@Transactional
	public VersionView revise(CurrentUser actor, long versionId, @Nullable String note) {
		if (!mayCreate(actor)) {
			throw new AccessRefusedException("plans");
		}
		PlanVersion from = versionOf(versionId);
		boolean openDraft = versions.findByPlanIdOrderByNumberDesc(from.planId()).stream()
			.anyMatch(v -> v.state() == PlanState.DRAFT || v.state() == PlanState.SUBMITTED);
		if (openDraft) {
			throw new ConflictException("planning.version.draftExists");
		}
		int number = versions.findByPlanIdOrderByNumberDesc(from.planId()).get(0).number() + 1;
		PlanVersion draft = versions.saveAndFlush(new PlanVersion(from.planId(), number, from.id(),
				note == null || note.isBlank() ? null : note.trim(), actor.username(), LocalDate.now(clock)));
		store.copy(from.id(), draft.id());
		audit.record("PLAN_VERSION", draft.id(), "CREATE", null, draft.auditState(), "v" + number);
		return version(actor, draft.id());
	}

	@Transactional
	public VersionView submit(CurrentUser actor, long versionId, long expectedVersion) {
		if (!maySubmit(actor)) {
			throw new AccessRefusedException("plans");
		}
		return move(actor, versionId, expectedVersion, "SUBMIT", v -> v.submit(actor.username(), LocalDate.now(clock)));
	}

	@Transactional
	public VersionView returnToDraft(CurrentUser actor, long versionId, long expectedVersion) {
		if (!mayApprove(actor)) {
			throw new AccessRefusedException("plans");
		}
		return move(actor, versionId, expectedVersion, "RETURN", PlanVersion::returnToDraft);
	}

	@Transactional
	public VersionView approve(CurrentUser actor, long versionId, long expectedVersion) {
		if (!mayApprove(actor)) {
			throw new AccessRefusedException("plans");
		}
		return move(actor, versionId, expectedVersion, "APPROVE", v -> v.approve(actor.username(), LocalDate.now(clock)));
	}

	/** Makes an approved version the one that counts; the version active until then is closed. */
	@Transactional
	public VersionView activate(CurrentUser actor, long versionId, long expectedVersion) {
		if (!mayApprove(actor)) {
			throw new AccessRefusedException("plans");
		}
		PlanVersion target = versionOf(versionId);
		for (PlanVersion other : versions.findByPlanIdOrderByNumberDesc(target.planId())) {
			if (other.id() != versionId && other.state() == PlanState.ACTIVE) {
				var before = other.auditState();
				other.close();
				versions.saveAndFlush(other);
				audit.record("PLAN_VERSION", other.id(), "CLOSE", before, other.auditState(), "v" + other.number());
			}
		}
		return move(actor, versionId, expectedVersion, "ACTIVATE", PlanVersion::activate);
	}

	private VersionView move(CurrentUser actor, long versionId, long expectedVersion, String action,
			java.util.function.Consumer<PlanVersion> transition) {
		PlanVersion version = versionOf(versionId);
		if (version.version() != expectedVersion) {
			throw new StaleVersionException(expectedVersion, version(actor, versionId));
		}
		var before = version.auditState();
		try {
			transition.accept(version);
		}
		catch (IllegalStateException ex) {
			throw new ConflictException("planning.version.wrongState", version.state().name());
		}
		versions.saveAndFlush(version);
		audit.record("PLAN_VERSION", versionId, action, before, version.auditState(), "v" + version.number());
		return version(actor, versionId);
	}

	// ---- editing a draft

	/**
	 * Sets one month of one unit: for a team (a unit without sub-units) the value itself; for a unit above, the
	 * value is spread over its teams by their current shares of that month (evenly when they have none).
	 */
	@Transactional
	public SpreadResult setCell(CurrentUser actor, long versionId, long unitId, @Nullable Long lineId, int month,
			Measure measure, BigDecimal value) {
		if (month < 1 || month > 12) {
			throw ValidationFailedException.of("month", "planning.target.month.invalid");
		}
		return spread(actor, versionId, unitId, lineId, "M" + month, measure, value, SpreadMethod.EVEN, true);
	}

	/**
	 * Spreads a total of a unit (its subtree), a line (or all lines) and a period ({@code Y}, {@code Q1}..{@code Q4},
	 * {@code M1}..{@code M12} of the plan's year) over the cells below, by the chosen method; with
	 * {@code keepShares} the cells keep their current proportions instead (falling back to the method when all are
	 * zero). The parts add up to the total exactly (see {@link Spreading}).
	 */
	@Transactional
	public SpreadResult spread(CurrentUser actor, long versionId, long unitId, @Nullable Long lineId, String period,
			Measure measure, BigDecimal total, SpreadMethod method, boolean keepShares) {
		PlanVersion version = versionOf(versionId);
		if (!version.state().editable()) {
			throw new ConflictException("planning.version.locked", version.state().name());
		}
		PlanTree tree = new PlanTree(org.unitTree());
		if (!tree.contains(unitId)) {
			throw ValidationFailedException.of("unitId", "planning.target.unit.unknown");
		}
		if (!mayEditUnit(actor, scopes.of(actor), tree, unitId)) {
			throw new AccessRefusedException("plans");
		}
		if (measure != Measure.UNITS && measure != Measure.NEW_CUSTOMERS ? !Amounts.fitsPrice(total.abs())
				: total.scale() > 0 && total.stripTrailingZeros().scale() > 0) {
			throw ValidationFailedException.of("value", "planning.target.value.invalid");
		}
		if (total.signum() < 0) {
			throw ValidationFailedException.of("value", "planning.target.value.negative");
		}
		List<Integer> months = PlanPeriods.months(period);
		List<Long> lines = measure == Measure.NEW_CUSTOMERS ? List.of(0L)
				: lineId != null ? List.of(lineId)
						: catalog.lines(false).stream().map(ProductLineView::id).toList();
		Map<TargetStore.Key, TargetStore.Cell> cells = store.cells(versionId);
		Map<String, Integer> goals = new HashMap<>();
		store.goals(versionId).forEach(g -> goals.put(g.unitId() + ":" + g.month(), g.newCustomers()));
		Set<Long> withTargets = new java.util.HashSet<>();
		if (measure == Measure.NEW_CUSTOMERS) {
			goals.keySet().forEach(k -> withTargets.add(Long.parseLong(k.substring(0, k.indexOf(':')))));
		}
		else {
			cells.keySet().forEach(k -> withTargets.add(k.unitId()));
		}
		List<Long> leaves = new ArrayList<>(tree.holders(unitId, withTargets));
		record Slot(long unit, long line, int month) {
		}
		List<Slot> slots = new ArrayList<>();
		for (Long leaf : leaves) {
			for (Long line : lines) {
				for (Integer m : months) {
					slots.add(new Slot(leaf, line, m));
				}
			}
		}
		List<BigDecimal> weights = new ArrayList<>();
		boolean anyCurrent = false;
		if (keepShares) {
			for (Slot s : slots) {
				BigDecimal current = measure == Measure.NEW_CUSTOMERS
						? BigDecimal.valueOf(goals.getOrDefault(s.unit() + ":" + s.month(), 0))
						: value(cells.getOrDefault(new TargetStore.Key(s.unit(), s.line(), s.month()), empty(s.unit(),
								s.line(), s.month())), measure);
				weights.add(current.max(BigDecimal.ZERO));
				anyCurrent |= current.signum() > 0;
			}
		}
		if (!anyCurrent) {
			weights.clear();
			Plan plan = plans.findById(version.planId()).orElseThrow();
			Map<Integer, BigDecimal> profile = method == SpreadMethod.SEASONALITY ? history.seasonality(plan.fiscalYear()) : Map.of();
			PlanHistory.Baseline last = method == SpreadMethod.LAST_YEAR ? history.baseline(plan.fiscalYear() - 1, tree) : null;
			for (Slot s : slots) {
				weights.add(switch (method) {
					case EVEN -> BigDecimal.ONE;
					case SEASONALITY -> profile.getOrDefault(s.month(), BigDecimal.ONE);
					case LAST_YEAR -> measure == Measure.NEW_CUSTOMERS
							? last.newCustomers().getOrDefault(new TargetStore.Key(s.unit(), 0, s.month()), BigDecimal.ZERO)
							: last.value(new TargetStore.Key(s.unit(), s.line(), s.month()), measure);
				});
			}
		}
		List<BigDecimal> parts = Spreading.allocate(total, weights, measure.scale());
		BigDecimal written = BigDecimal.ZERO.setScale(measure.scale());
		List<TargetStore.Cell> changed = new ArrayList<>();
		List<TargetStore.Goal> changedGoals = new ArrayList<>();
		for (int i = 0; i < slots.size(); i++) {
			Slot s = slots.get(i);
			BigDecimal part = parts.get(i);
			written = written.add(part);
			if (measure == Measure.NEW_CUSTOMERS) {
				changedGoals.add(new TargetStore.Goal(s.unit(), s.month(), part.intValue()));
				continue;
			}
			TargetStore.Cell old = cells.getOrDefault(new TargetStore.Key(s.unit(), s.line(), s.month()),
					empty(s.unit(), s.line(), s.month()));
			changed.add(new TargetStore.Cell(s.unit(), s.line(), s.month(),
					measure == Measure.REVENUE ? part : old.revenue(), measure == Measure.UNITS ? part : old.units(),
					measure == Measure.MARGIN ? part : old.margin()));
		}
		store.save(versionId, changed);
		store.saveGoals(versionId, changedGoals);
		BigDecimal asked = total.setScale(measure.scale(), RoundingMode.HALF_UP);
		audit.record("PLAN_VERSION", versionId, "SPREAD", null, Map.of("unitId", unitId, "lineId",
				lineId == null ? "all" : lineId, "period", period, "measure", measure.name(), "total", asked.toPlainString(),
				"method", keepShares ? "CURRENT" : method.name(), "cells", slots.size()), "v" + version.number());
		return new SpreadResult(asked, slots.size(), written, asked.subtract(written));
	}

	/** Writes many cells at once (the API's bulk write); every cell must be a team the user may edit. */
	@Transactional
	public int writeTargets(CurrentUser actor, long versionId, List<TargetCell> cells) {
		PlanVersion version = versionOf(versionId);
		if (!version.state().editable()) {
			throw new ConflictException("planning.version.locked", version.state().name());
		}
		PlanTree tree = new PlanTree(org.unitTree());
		DataScope scope = scopes.of(actor);
		Set<Long> lines = new java.util.HashSet<>();
		catalog.lines(false).forEach(l -> lines.add(l.id()));
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		List<TargetStore.Cell> rows = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			TargetCell c = cells.get(i);
			String prefix = "cells[" + i + "].";
			if (!tree.contains(c.unitId())) {
				errors.add(new ValidationFailedException.FieldError(prefix + "unitId", "planning.target.unit.unknown"));
				continue;
			}
			if (!mayEditUnit(actor, scope, tree, c.unitId())) {
				throw new AccessRefusedException("plans");
			}
			if (!lines.contains(c.lineId())) {
				errors.add(new ValidationFailedException.FieldError(prefix + "lineId", "planning.target.line.unknown"));
			}
			if (c.month() < 1 || c.month() > 12) {
				errors.add(new ValidationFailedException.FieldError(prefix + "month", "planning.target.month.invalid"));
			}
			if (c.revenue().signum() < 0 || c.units().signum() < 0 || c.margin().signum() < 0
					|| !Amounts.fitsPrice(c.revenue()) || !Amounts.fitsPrice(c.margin())) {
				errors.add(new ValidationFailedException.FieldError(prefix + "revenue", "planning.target.value.invalid"));
			}
			rows.add(new TargetStore.Cell(c.unitId(), c.lineId(), c.month(), Amounts.money(c.revenue()),
					c.units().setScale(0, RoundingMode.HALF_UP), Amounts.money(c.margin())));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		store.save(versionId, rows);
		audit.record("PLAN_VERSION", versionId, "TARGETS", null, Map.of("cells", rows.size()), "v" + version.number());
		return rows.size();
	}

	private static TargetStore.Cell empty(long unit, long line, int month) {
		return new TargetStore.Cell(unit, line, month, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
	}

	PlanVersion versionOf(long versionId) {
		return versions.findById(versionId).orElseThrow(() -> new NotFoundException("planVersion", versionId));
	}
}
