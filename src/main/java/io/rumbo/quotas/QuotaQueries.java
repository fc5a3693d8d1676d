package io.rumbo.quotas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.CountingTargets;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.QuotaViews.QuotaLevelRow;
import io.rumbo.quotas.QuotaViews.QuotaLevelView;
import io.rumbo.quotas.QuotaViews.QuotaPlanView;
import io.rumbo.quotas.QuotaViews.QuotaVersionView;
import io.rumbo.quotas.domain.Allocator;
import io.rumbo.quotas.domain.LevelSplit;
import io.rumbo.quotas.domain.QuotaFigureStore;
import io.rumbo.quotas.domain.QuotaStore;
import io.rumbo.quotas.domain.QuotaStore.Level;
import io.rumbo.quotas.domain.QuotaStore.PersonMonth;
import io.rumbo.quotas.domain.QuotaStore.UnitMonth;
import io.rumbo.quotas.domain.QuotaStore.VersionRow;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Reading quota plans for the pages and the API: the versions of a year, and a level of the allocation with its live
 * mismatch. Company-wide readers see every level, a manager the levels of the units they lead, anyone else none
 * (their own quota is {@link QuotaPeople}'s).
 */
@Service
public class QuotaQueries {

	private final QuotaStore store;
	private final QuotaFigureStore figureStore;
	private final Allocator allocator;
	private final CountingTargets plan;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final DataScopes scopes;

	QuotaQueries(QuotaStore store, QuotaFigureStore figureStore, Allocator allocator, CountingTargets plan, FiscalCalendar calendar, OrgDirectory org,
			DataScopes scopes) {
		this.store = store;
		this.figureStore = figureStore;
		this.allocator = allocator;
		this.plan = plan;
		this.calendar = calendar;
		this.org = org;
		this.scopes = scopes;
	}

	/**
	 * Who may change a level: a director any, a manager those of the units they lead once the unit's own figure is
	 * published (they allocate within it); others see none (404).
	 */
	void requireAllocator(CurrentUser actor, DataScope scope, VersionRow v, long unitId) {
		if (QuotaAccess.isDirector(actor)) {
			return;
		}
		if (!scope.seesUnit(unitId) || !(scope.all() || scope.managedUnitIds().contains(unitId))
				|| !figurePublished(v, unitId)) {
			throw new NotFoundException("quotaLevel", unitId);
		}
		if (!actor.has(Role.MANAGER)) {
			throw new AccessRefusedException("quotas");
		}
	}

	VersionRow versionOf(long id) {
		return store.version(id).orElseThrow(() -> new NotFoundException("quotaVersion", id));
	}

	/** Every fiscal year with a quota plan, latest first (everyone who may read quotas sees the list). */
	@Transactional(readOnly = true)
	public PageResponse<QuotaPlanView> plans(CurrentUser actor, ListQuery query) {
		return page(store.years().stream().map(y -> plan(actor, y)).toList(), query);
	}

	@Transactional(readOnly = true)
	public QuotaPlanView plan(CurrentUser actor, int fiscalYear) {
		List<QuotaVersionView> versions = store.versions(fiscalYear).stream().map(this::view).toList();
		if (versions.isEmpty()) {
			throw new NotFoundException("quotaPlan", fiscalYear);
		}
		QuotaVersionView published = versions.stream().filter(v -> v.state().equals("PUBLISHED")).findFirst().orElse(null);
		return new QuotaPlanView(fiscalYear, fiscalYear, calendar.years().label(fiscalYear), versions, published);
	}

	/** Every version of every year (or of one), latest first. */
	@Transactional(readOnly = true)
	public PageResponse<QuotaVersionView> versions(CurrentUser actor, @Nullable Integer fiscalYear, ListQuery query) {
		List<QuotaVersionView> all = new ArrayList<>();
		for (int year : store.years()) {
			if (fiscalYear == null || fiscalYear == year) {
				store.versions(year).forEach(v -> all.add(view(v)));
			}
		}
		return page(all, query);
	}

	/** The levels of a version the reader may open: every unit for company-wide readers, a manager's units. */
	@Transactional(readOnly = true)
	public PageResponse<QuotaViews.QuotaLevelSummary> levels(CurrentUser actor, long versionId, ListQuery query) {
		VersionRow v = versionOf(versionId);
		DataScope scope = scopes.of(actor);
		Map<Long, Long> parents = new java.util.LinkedHashMap<>();
		store.unitMonths(v.id()).forEach(u -> parents.putIfAbsent(u.unitId(), u.parentUnitId()));
		Map<Long, QuotaStore.Release> releases = store.releases(v.id());
		Map<Long, String> names = org.unitNames(new ArrayList<>(parents.keySet()));
		List<QuotaViews.QuotaLevelSummary> rows = new ArrayList<>();
		boolean director = QuotaAccess.isDirector(actor);
		boolean drafted = v.state() == QuotaStore.State.DRAFT;
		parents.forEach((unit, parent) -> {
			// Who does not publish sees a level once the unit's figure is published (see figurePublished).
			boolean published = !drafted && (parent == null || releases.containsKey(parent));
			if ((scope.all() || scope.managedUnitIds().contains(unit)) && (director || published)) {
				int depth = 0;
				for (Long p = parent; p != null && depth < 50; p = parents.get(p)) {
					depth++;
				}
				rows.add(new QuotaViews.QuotaLevelSummary(unit, names.getOrDefault(unit, "#" + unit), parent, depth,
						releases.containsKey(unit)));
			}
		});
		return page(rows, query);
	}

	static <T> PageResponse<T> page(List<T> all, ListQuery query) {
		int from = (int) Math.min(all.size(), query.offset());
		int to = (int) Math.min(all.size(), (long) from + query.size());
		return PageResponse.of(all.subList(from, to), query, all.size());
	}

	@Transactional(readOnly = true)
	public QuotaVersionView version(CurrentUser actor, long versionId) {
		return view(versionOf(versionId));
	}

	QuotaVersionView view(VersionRow v) {
		Integer basedOn = v.basedOnId() == null ? null : store.version(v.basedOnId()).map(VersionRow::number).orElse(null);
		List<Metric> metrics = store.unitMonths(v.id()).stream().filter(u -> u.parentUnitId() == null)
			.map(UnitMonth::metric).distinct().sorted().toList();
		return new QuotaVersionView(v.id(), v.fiscalYear(), calendar.years().label(v.fiscalYear()), v.number(),
				v.state().name(), basedOn, v.planVersionId(), v.reason(), v.ramp(), v.createdBy(), v.createdAt(),
				v.publishedBy(), v.publishedAt(), v.version(), metrics);
	}

	/** The sub-units and members a level splits among, as keys ({@code UNIT:12}, {@code PERSON:40}). */
	Set<String> childKeys(VersionRow v, long unitId) {
		Allocator.Org o = allocator.org(v, Allocator.Seating.FROZEN);
		Set<String> keys = new LinkedHashSet<>();
		o.childrenOf().getOrDefault(unitId, List.of()).forEach(u -> keys.add("UNIT:" + u));
		o.membersOf().getOrDefault(unitId, List.of()).forEach(p -> keys.add("PERSON:" + p));
		return keys;
	}

	/**
	 * True when a change that recomputes the levels of these units touches something binding: the version is
	 * published and a level at or below one of them is released. Such a change is a new version with a reason.
	 */
	boolean binding(VersionRow v, java.util.Collection<Long> from) {
		if (v.state() != QuotaStore.State.PUBLISHED) {
			return false;
		}
		Allocator.Org o = allocator.org(v.fiscalYear());
		Map<Long, QuotaStore.Release> releases = store.releases(v.id());
		return from.stream().flatMap(u -> o.subtree(u).stream()).anyMatch(releases::containsKey);
	}

	/**
	 * True when the unit's own figure binds in the version: the version was published and the unit is a top unit or
	 * the level above it is released. Until then the figure is the preparer's draft: only directors see it.
	 */
	boolean figurePublished(VersionRow v, long unitId) {
		if (v.state() == QuotaStore.State.DRAFT) {
			return false;
		}
		Long parent = parentIn(v, unitId);
		return parent == null || store.releases(v.id()).containsKey(parent);
	}

	String unitName(long unitId) {
		return org.unitNames(List.of(unitId)).getOrDefault(unitId, "#" + unitId);
	}

	/** The unit whose level sets this unit's figure in the version; null for a top unit. */
	@Nullable Long parentIn(VersionRow v, long unitId) {
		return store.unitMonths(v.id()).stream().filter(u -> u.unitId() == unitId).findFirst()
			.map(UnitMonth::parentUnitId).orElse(null);
	}

	/** True when a level of a sum or count hands out more than its pool in the year, for any measure. */
	boolean exceedsPool(VersionRow v, long unitId) {
		for (Metric metric : view(v).metrics()) {
			if (Allocator.additive(metric)) {
				QuotaLevelView level = level(v, unitId, metric, false, false);
				if (level.allocated().compareTo(level.pool()) > 0) {
					return true;
				}
			}
		}
		return false;
	}

	/** A level of the allocation as the reader may see it (404 outside their scope). */
	@Transactional(readOnly = true)
	public QuotaLevelView level(CurrentUser actor, long versionId, long unitId, Metric metric) {
		VersionRow v = versionOf(versionId);
		DataScope scope = scopes.of(actor);
		if (!scope.all() && !scope.managedUnitIds().contains(unitId)
				|| !QuotaAccess.isDirector(actor) && !figurePublished(v, unitId)) {
			throw new NotFoundException("quotaLevel", unitId);
		}
		boolean mayAllocate = QuotaAccess.isDirector(actor) || (actor.has(Role.MANAGER) && scope.managedUnitIds().contains(unitId));
		return level(v, unitId, metric, mayAllocate, mayAllocate);
	}

	private QuotaLevelView level(VersionRow v, long unitId, Metric metric, boolean mayAllocate, boolean mayRelease) {
		int scale = metric.scale();
		BigDecimal[] unitMonths = QuotaMonths.zeros(scale);
		Long parent = null;
		boolean found = false;
		Map<Long, BigDecimal[]> subUnits = new java.util.LinkedHashMap<>();
		for (UnitMonth u : store.unitMonths(v.id())) {
			if (u.metric() != metric) {
				continue;
			}
			if (u.unitId() == unitId) {
				unitMonths[u.month() - 1] = u.amount();
				parent = u.parentUnitId();
				found = true;
			}
			else if (u.parentUnitId() != null && u.parentUnitId() == unitId) {
				subUnits.computeIfAbsent(u.unitId(), k -> QuotaMonths.zeros(scale))[u.month() - 1] = u.amount();
			}
		}
		if (!found) {
			throw new NotFoundException("quotaLevel", unitId + ":" + metric.code());
		}
		Map<Long, BigDecimal[]> people = new java.util.LinkedHashMap<>();
		Map<Long, BigDecimal> fullTotals = new HashMap<>();
		Set<String> inLevel = new HashSet<>();
		for (PersonMonth p : store.personMonths(v.id())) {
			if (p.metric() == metric && p.unitId() == unitId) {
				inLevel.add(p.staffId() + ":" + p.month());
				people.computeIfAbsent(p.staffId(), k -> QuotaMonths.zeros(scale))[p.month() - 1] = p.amount();
				fullTotals.merge(p.staffId(), p.fullAmount(), BigDecimal::add);
			}
		}
		Level level = store.levels(v.id()).getOrDefault(QuotaStore.levelKey(unitId, metric),
				new Level(unitId, metric, AllocationMethod.PLAN, BigDecimal.ZERO));
		Map<String, BigDecimal> manual = level.method() == AllocationMethod.MANUAL
				? store.manual(v.id(), unitId, metric)
				: Map.of();
		Map<Long, QuotaStore.Release> releases = store.releases(v.id());
		Map<Long, String> unitNames = org.unitNames(new ArrayList<>(subUnits.keySet()));
		Map<Long, String> names = org.staffNames(new ArrayList<>(people.keySet()));
		List<QuotaLevelRow> rows = new ArrayList<>();
		Set<Long> imported = new HashSet<>();
		figureStore.figures(v.id()).keySet().forEach(k -> {
			if (k.metric() == metric && inLevel.contains(k.staffId() + ":" + k.month())) {
				imported.add(k.staffId());
			}
		});
		subUnits.forEach((id, months) -> rows.add(new QuotaLevelRow("UNIT", id, unitNames.getOrDefault(id, "#" + id),
				List.of(months), QuotaMonths.total(metric, months), QuotaMonths.total(metric, months), manual.get("UNIT:" + id),
				releases.containsKey(id), false)));
		people.forEach((id, months) -> rows.add(new QuotaLevelRow("PERSON", id, names.getOrDefault(id, "#" + id),
				List.of(months), QuotaMonths.total(metric, months),
				Allocator.additive(metric) ? fullTotals.get(id) : QuotaMonths.total(metric, months), manual.get("PERSON:" + id),
				releases.containsKey(unitId), imported.contains(id))));
		boolean additive = Allocator.additive(metric);
		BigDecimal[] allocated = QuotaMonths.zeros(scale);
		BigDecimal[] mismatch = QuotaMonths.zeros(scale);
		BigDecimal pool;
		BigDecimal[] poolMonths = QuotaMonths.zeros(scale);
		for (int m = 0; m < 12; m++) {
			List<BigDecimal> parts = new ArrayList<>();
			for (QuotaLevelRow r : rows) {
				parts.add(r.months().get(m));
			}
			allocated[m] = additive ? parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add) : BigDecimal.ZERO;
			mismatch[m] = additive ? LevelSplit.mismatch(unitMonths[m], parts) : BigDecimal.ZERO;
			poolMonths[m] = LevelSplit.pool(unitMonths[m], level.overPct(), scale);
		}
		pool = QuotaMonths.total(metric, poolMonths);
		FiscalYears years = calendar.years();
		List<String> codes = years.months(v.fiscalYear()).stream().map(years::code).toList();
		boolean released = releases.containsKey(unitId);
		boolean figurePublished = parent == null ? v.state() == QuotaStore.State.PUBLISHED : releases.containsKey(parent);
		QuotaStore.Release release = releases.get(unitId);
		return new QuotaLevelView(v.id(), v.version(), v.state().name(), unitId,
				org.unitNames(List.of(unitId)).getOrDefault(unitId, "#" + unitId), parent, metric, level.method(),
				level.overPct(), reference(v.fiscalYear(), unitId, metric), codes, List.of(unitMonths),
				QuotaMonths.total(metric, unitMonths),
				pool, rows, List.of(allocated), QuotaMonths.sum(allocated), List.of(mismatch), QuotaMonths.sum(mismatch), released,
				release == null ? null : release.releasedBy(), release == null ? null : release.releasedAt(),
				mayAllocate && v.state() != QuotaStore.State.SUPERSEDED,
				mayRelease && v.state() == QuotaStore.State.PUBLISHED && !released && figurePublished && parent != null);
	}

	/** The plan's year target for the unit's subtree (the reference the quotas started from); none for others. */
	private @Nullable BigDecimal reference(int fiscalYear, long unitId, Metric metric) {
		if (!QuotaManagement.PLANNED.contains(metric)) {
			return null;
		}
		Set<Long> subtree = new HashSet<>(allocator.org(fiscalYear).subtree(unitId));
		return plan.of(fiscalYear).map(c -> c.targets().stream().filter(t -> subtree.contains(t.unit().value()))
			.map(t -> QuotaMonths.planned(t, metric)).reduce(BigDecimal.ZERO, BigDecimal::add)).orElse(null);
	}
}
