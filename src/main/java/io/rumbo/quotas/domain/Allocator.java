package io.rumbo.quotas.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.metrics.Aggregation;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.CountingTargets;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.AllocationMethod;
import io.rumbo.quotas.domain.QuotaStore.Level;
import io.rumbo.quotas.domain.QuotaStore.PersonMonth;
import io.rumbo.quotas.domain.QuotaStore.UnitMonth;
import io.rumbo.quotas.domain.QuotaStore.VersionRow;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Works out the figures of a version below a unit: walks the current org tree down from it, splitting each unit's
 * figure among its sub-units and members level by level ({@link LevelSplit}) with each level's method, then applies
 * each person's ramp. Weights are read set-based, once per measure and method for the whole walk.
 */
@Component
public class Allocator {

	/** The job roles that carry a quota: the people who sell. Managers and team leaders answer for their unit's. */
	public static final Set<JobRole> QUOTA_ROLES = EnumSet.of(JobRole.SALESPERSON, JobRole.KEY_ACCOUNT_MANAGER,
			JobRole.AGENT);

	/** What a walk needs to know of the organisation in the fiscal year. */
	public record Org(int fiscalYear, List<LocalDate> monthStarts, Map<Long, List<Long>> childrenOf,
			Map<Long, Presence.Months> people, Map<Long, List<Long>> membersOf) {

		/** The unit and every unit below it in the current tree, top down. */
		public List<Long> subtree(long unit) {
			List<Long> result = new ArrayList<>();
			Deque<Long> queue = new ArrayDeque<>(List.of(unit));
			while (!queue.isEmpty()) {
				long u = queue.poll();
				result.add(u);
				queue.addAll(childrenOf.getOrDefault(u, List.of()));
			}
			return result;
		}
	}

	private final QuotaStore store;
	private final QuotaFigureStore figureStore;
	private final OrgDirectory org;
	private final FiscalCalendar calendar;
	private final MetricsQuery metrics;
	private final CustomerDirectory customers;
	private final CountingTargets plan;

	Allocator(QuotaStore store, QuotaFigureStore figureStore, OrgDirectory org, FiscalCalendar calendar, MetricsQuery metrics,
			CustomerDirectory customers, CountingTargets plan) {
		this.plan = plan;
		this.store = store;
		this.figureStore = figureStore;
		this.org = org;
		this.calendar = calendar;
		this.metrics = metrics;
		this.customers = customers;
	}

	/** Sums and distinct counts are split; a ratio, average or score is a level every child must reach as it is. */
	public static boolean additive(Metric metric) {
		return metric.aggregation() == Aggregation.SUM || metric.aggregation() == Aggregation.DISTINCT_COUNT;
	}

	/**
	 * Whom a recompute seats where. A version keeps the people where it counted them when their quota was worked out
	 * ({@link #FROZEN}): a later move, join or leave does not reach a quota until someone seats the person anew from
	 * the organisation as it is ({@link #of}), which is what a proration does. A new version seats everyone
	 * ({@link #CURRENT}).
	 */
	public record Seating(boolean everyone, Set<Long> people) {

		public static final Seating FROZEN = new Seating(false, Set.of());

		public static final Seating CURRENT = new Seating(true, Set.of());

		public static Seating of(Set<Long> people) {
			return new Seating(false, Set.copyOf(people));
		}

		boolean current(long staffId) {
			return everyone || people.contains(staffId);
		}
	}

	/** The organisation of the fiscal year as it stands today: the current tree, everyone where they are. */
	public Org org(int fiscalYear) {
		return org(fiscalYear, presence(fiscalYear));
	}

	/**
	 * The organisation a version's recompute works on: the current tree, and each person where the version counts
	 * them (their quota rows' units by month) unless {@code seating} seats them from the organisation as it is.
	 */
	public Org org(VersionRow version, Seating seating) {
		Map<Long, Presence.Months> now = presence(version.fiscalYear());
		if (seating.everyone()) {
			return org(version.fiscalYear(), now);
		}
		Map<Long, Presence.Months> people = new LinkedHashMap<>();
		store.membership(version.id()).forEach((staff, units) -> {
			if (!seating.current(staff)) {
				Presence.Months today = now.get(staff);
				// Someone no longer in the organisation this year keeps their months, at full quota (no ramp).
				people.put(staff, new Presence.Months(staff, units,
						today == null ? LocalDate.of(version.fiscalYear() - 10, 1, 1) : today.hireDate(),
						today == null ? "" : today.name()));
			}
		});
		now.forEach((staff, months) -> {
			if (seating.current(staff)) {
				people.put(staff, months);
			}
		});
		return org(version.fiscalYear(), people);
	}

	private Map<Long, Presence.Months> presence(int fiscalYear) {
		FiscalYears years = calendar.years();
		FiscalPeriod year = years.year(fiscalYear);
		List<LocalDate> starts = years.months(fiscalYear).stream().map(FiscalPeriod::start).toList();
		return Presence.of(org.staysBetween(year.start(), year.end(), QUOTA_ROLES), starts);
	}

	private Org org(int fiscalYear, Map<Long, Presence.Months> people) {
		FiscalYears years = calendar.years();
		List<LocalDate> starts = years.months(fiscalYear).stream().map(FiscalPeriod::start).toList();
		Map<Long, List<Long>> childrenOf = new LinkedHashMap<>();
		for (OrgDirectory.UnitNode node : org.unitTree()) {
			childrenOf.computeIfAbsent(node.id(), k -> new ArrayList<>());
			if (node.parentId() != null) {
				childrenOf.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node.id());
			}
		}
		Map<Long, List<Long>> membersOf = new HashMap<>();
		people.values().forEach(p -> {
			Set<Long> units = new LinkedHashSet<>();
			for (Long u : p.units()) {
				if (u != null) {
					units.add(u);
				}
			}
			units.forEach(u -> membersOf.computeIfAbsent(u, k -> new ArrayList<>()).add(p.staffId()));
		});
		return new Org(fiscalYear, starts, childrenOf, people, membersOf);
	}

	/** The top units of the current tree (those without a parent). */
	public List<Long> roots() {
		return org.unitTree().stream().filter(n -> n.parentId() == null).map(OrgDirectory.UnitNode::id).toList();
	}

	/**
	 * Recomputes every level at and below {@code from}, for every measure the unit has a figure of, with everyone
	 * where the version counts them.
	 */
	public void recompute(VersionRow version, long from) {
		recompute(version, List.of(from), Seating.FROZEN);
	}

	/**
	 * Recomputes every level at and below each of these units (a unit below another one of them is done once), for
	 * every measure each has a figure of; the organisation, the levels and the figures are read once for all. A
	 * person's month with a figure fixed by an import carries that figure instead of their share of the split. People
	 * are where the version counts them unless {@code seating} seats them anew; a person seated anew must have every
	 * unit they leave or join among the units recomputed.
	 */
	public void recompute(VersionRow version, Collection<Long> from, Seating seating) {
		Org o = org(version, seating);
		Ramp ramp = Ramp.parse(version.ramp());
		Set<Long> inside = new LinkedHashSet<>();
		List<Long> tops = new ArrayList<>();
		for (Long unit : from) {
			if (inside.contains(unit)) {
				continue;
			}
			List<Long> subtree = o.subtree(unit);
			// A unit above one taken before takes its place: its walk covers it.
			tops.removeIf(subtree::contains);
			tops.add(unit);
			inside.addAll(subtree);
		}
		List<Long> subtrees = new ArrayList<>();
		tops.forEach(t -> subtrees.addAll(o.subtree(t)));
		store.clearBelow(version.id(), subtrees);
		Map<String, BigDecimal[]> figures = new HashMap<>();
		Map<Long, Set<Metric>> measures = new HashMap<>();
		Set<Long> topSet = new HashSet<>(tops);
		for (UnitMonth u : store.unitMonths(version.id())) {
			if (topSet.contains(u.unitId())) {
				figures.computeIfAbsent(QuotaStore.levelKey(u.unitId(), u.metric()), k -> zeros(u.metric().scale()))[u
					.month() - 1] = u.amount();
				measures.computeIfAbsent(u.unitId(), k -> new LinkedHashSet<>()).add(u.metric());
			}
		}
		Map<String, Level> levels = store.levels(version.id());
		Map<QuotaFigureStore.FigureKey, BigDecimal> fixed = figureStore.figures(version.id());
		Weights weights = new Weights(o);
		List<UnitMonth> unitRows = new ArrayList<>();
		List<PersonMonth> personRows = new ArrayList<>();
		for (long top : tops) {
			for (long unit : o.subtree(top)) {
				for (Metric metric : measures.getOrDefault(top, Set.of())) {
					BigDecimal[] figure = figures.get(QuotaStore.levelKey(unit, metric));
					if (figure == null) {
						continue;
					}
					Level level = levels.getOrDefault(QuotaStore.levelKey(unit, metric),
							new Level(unit, metric, AllocationMethod.PLAN, BigDecimal.ZERO));
					List<Long> subUnits = o.childrenOf().getOrDefault(unit, List.of());
					List<Long> members = o.membersOf().getOrDefault(unit, List.of());
					Map<String, BigDecimal[]> parts = split(version.id(), o, unit, metric, level, figure, subUnits,
							members, weights);
					for (long sub : subUnits) {
						BigDecimal[] months = parts.get("UNIT:" + sub);
						figures.put(QuotaStore.levelKey(sub, metric), months);
						for (int m = 0; m < 12; m++) {
							unitRows.add(new UnitMonth(sub, unit, metric, m + 1, months[m]));
						}
					}
					for (long person : members) {
						BigDecimal[] months = parts.get("PERSON:" + person);
						Presence.Months p = o.people().get(person);
						for (int m = 0; m < 12; m++) {
							Long there = p.units()[m];
							if (there == null || there != unit) {
								continue;
							}
							BigDecimal imported = fixed.get(new QuotaFigureStore.FigureKey(person, metric, m + 1));
							if (imported != null) {
								personRows.add(new PersonMonth(person, unit, metric, m + 1, imported, imported));
								continue;
							}
							BigDecimal factor = additive(metric)
									? ramp.factor(Ramp.tenureMonth(p.hireDate(), Presence.middle(o.monthStarts().get(m))))
									: BigDecimal.ONE;
							personRows.add(new PersonMonth(person, unit, metric, m + 1, months[m],
									LevelSplit.ramped(months[m], factor, metric.scale())));
						}
					}
				}
			}
		}
		store.insertUnitMonths(version.id(), unitRows);
		store.insertPersonMonths(version.id(), personRows);
	}

	private Map<String, BigDecimal[]> split(long versionId, Org o, long unit, Metric metric, Level level,
			BigDecimal[] figure, List<Long> subUnits, List<Long> members, Weights weights) {
		Map<String, BigDecimal> manual = level.method() == AllocationMethod.MANUAL
				? store.manual(versionId, unit, metric)
				: Map.of();
		List<LevelSplit.Child> children = new ArrayList<>();
		for (long sub : subUnits) {
			String key = "UNIT:" + sub;
			children.add(LevelSplit.Child.unit(key, weights.ofUnit(level.method(), metric, sub), manual.get(key)));
		}
		int[] present = new int[12];
		Map<Long, boolean[]> presence = new LinkedHashMap<>();
		for (long person : members) {
			boolean[] months = new boolean[12];
			Long[] units = o.people().get(person).units();
			for (int m = 0; m < 12; m++) {
				months[m] = units[m] != null && units[m] == unit;
				present[m] += months[m] ? 1 : 0;
			}
			presence.put(person, months);
		}
		// As the plan does: the unit's own targets (not its sub-units') shared evenly by the members present.
		BigDecimal[] own = weights.planOwn(metric, unit);
		for (long person : members) {
			String key = "PERSON:" + person;
			BigDecimal[] w = new BigDecimal[12];
			for (int m = 0; m < 12; m++) {
				w[m] = level.method() == AllocationMethod.PLAN
						? (present[m] == 0 ? BigDecimal.ZERO
								: own[m].divide(BigDecimal.valueOf(present[m]), 10, java.math.RoundingMode.HALF_UP))
						: weights.ofPerson(level.method(), metric, person);
			}
			children.add(new LevelSplit.Child(key, w, presence.get(person), manual.get(key)));
		}
		if (!additive(metric)) {
			Map<String, BigDecimal[]> same = new LinkedHashMap<>();
			children.forEach(c -> same.put(c.key(), figure.clone()));
			return same;
		}
		return LevelSplit.split(figure, level.overPct(), children, level.method() == AllocationMethod.MANUAL,
				metric.scale());
	}

	private static final Set<Metric> PLANNED = EnumSet.of(Metric.REVENUE, Metric.MARGIN, Metric.UNITS,
			Metric.NEW_CUSTOMERS);

	private static BigDecimal plannedValue(CountingTargets.UnitMonth t, Metric metric) {
		return switch (metric) {
			case REVENUE -> t.revenue();
			case MARGIN -> t.margin();
			case UNITS -> t.units();
			default -> t.newCustomers();
		};
	}

	private static BigDecimal[] zeros(int scale) {
		BigDecimal[] months = new BigDecimal[12];
		java.util.Arrays.fill(months, BigDecimal.ZERO.setScale(scale));
		return months;
	}

	/** Weights read once per walk: last year's figures and account potential, by person and by unit. */
	private final class Weights {

		private final Org o;
		private final Map<Metric, Map<StaffId, BigDecimal>> lastYearPeople = new HashMap<>();
		private final Map<Metric, Map<UnitId, BigDecimal>> lastYearUnits = new HashMap<>();
		private Map<StaffId, BigDecimal> potential = Map.of();
		private boolean potentialRead;
		private @Nullable Map<String, BigDecimal[]> planned;

		Weights(Org o) {
			this.o = o;
		}

		/** The plan's targets of a unit itself by month (a measure the plan has none of follows its revenue). */
		BigDecimal[] planOwn(Metric metric, long unit) {
			if (planned == null) {
				planned = new HashMap<>();
				plan.of(o.fiscalYear()).ifPresent(c -> c.targets().forEach(t -> {
					for (Metric m : List.of(Metric.REVENUE, Metric.MARGIN, Metric.UNITS, Metric.NEW_CUSTOMERS)) {
						planned.computeIfAbsent(QuotaStore.levelKey(t.unit().value(), m), k -> zeros(10))[t
							.fiscalMonth() - 1] = plannedValue(t, m);
					}
				}));
			}
			Metric source = PLANNED.contains(metric) ? metric : Metric.REVENUE;
			BigDecimal[] months = planned.get(QuotaStore.levelKey(unit, source));
			return months == null ? zeros(0) : months;
		}

		/** The plan's targets of a unit's subtree by month. */
		BigDecimal[] planSubtree(Metric metric, long unit) {
			BigDecimal[] sum = zeros(0);
			for (long u : o.subtree(unit)) {
				BigDecimal[] own = planOwn(metric, u);
				for (int m = 0; m < 12; m++) {
					sum[m] = sum[m].add(own[m]);
				}
			}
			return sum;
		}

		BigDecimal ofPerson(AllocationMethod method, Metric metric, long person) {
			return switch (method) {
				case PLAN, EVEN, MANUAL -> BigDecimal.ONE;
				case LAST_YEAR -> lastYearPeople.computeIfAbsent(metric, m -> metrics.byPerson(m, lastYear(),
						ids(o.people().keySet(), StaffId::of)))
					.getOrDefault(StaffId.of(person), BigDecimal.ZERO);
				case POTENTIAL -> potential().getOrDefault(StaffId.of(person), BigDecimal.ZERO);
			};
		}

		BigDecimal[] ofUnit(AllocationMethod method, Metric metric, long unit) {
			if (method == AllocationMethod.PLAN) {
				return planSubtree(metric, unit);
			}
			BigDecimal[] months = new BigDecimal[12];
			java.util.Arrays.fill(months, ofUnitYear(method, metric, unit));
			return months;
		}

		private BigDecimal ofUnitYear(AllocationMethod method, Metric metric, long unit) {
			return switch (method) {
				case PLAN, EVEN, MANUAL -> BigDecimal.ONE;
				case LAST_YEAR -> lastYearUnits.computeIfAbsent(metric, m -> metrics.byUnit(m, lastYear(),
						ids(o.childrenOf().keySet(), UnitId::of)))
					.getOrDefault(UnitId.of(unit), BigDecimal.ZERO);
				case POTENTIAL -> {
					Set<Long> people = new LinkedHashSet<>();
					o.subtree(unit).forEach(u -> people.addAll(o.membersOf().getOrDefault(u, List.of())));
					BigDecimal sum = BigDecimal.ZERO;
					for (Long p : people) {
						sum = sum.add(potential().getOrDefault(StaffId.of(p), BigDecimal.ZERO));
					}
					yield sum;
				}
			};
		}

		private Map<StaffId, BigDecimal> potential() {
			if (!potentialRead) {
				potential = customers.potentialByOwner(ids(o.people().keySet(), StaffId::of));
				potentialRead = true;
			}
			return potential;
		}

		private FiscalPeriod lastYear() {
			return calendar.years().year(o.fiscalYear() - 1);
		}

		private static <T> List<T> ids(Collection<Long> ids, java.util.function.LongFunction<T> of) {
			return ids.stream().map(of::apply).toList();
		}
	}
}
