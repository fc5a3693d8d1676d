package io.rumbo.quotas;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.AttainmentViews.MeasureView;
import io.rumbo.quotas.AttainmentViews.PeriodView;
import io.rumbo.quotas.AttainmentViews.PersonView;
import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.quotas.domain.PaceTable;
import io.rumbo.quotas.domain.Pacing;
import io.rumbo.quotas.domain.QuotaHolders;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Attainment and pacing of published quotas, per person, unit and period, within the reader's data scope: a
 * salesperson reads their own, a manager their subtree, a director everyone; anyone else answers "not found". Many
 * people cost the same few statements as one: the quota holders in scope (one query), their quotas
 * ({@link QuotaReading}) and their measured figures ({@link MetricsQuery}), one read per measure; the pacing rules
 * ({@link Pacing}) then run in memory.
 */
@Service
public class Attainment {

	/** The measure every quota plan has, shown when none is asked for. */
	public static final Metric DEFAULT_MEASURE = Metric.REVENUE;

	/** A period resolved against the fiscal calendar: its dates, fiscal year and the fiscal months it is made of. */
	record Span(PeriodView view, FiscalPeriod dates, List<FiscalPeriod> months, List<Integer> monthNumbers) {
	}

	private final QuotaReading quotas;
	private final QuotaHolders holders;
	private final MetricsQuery metrics;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AttainmentSettings settings;
	private final Clock clock;

	Attainment(QuotaReading quotas, QuotaHolders holders, MetricsQuery metrics, FiscalCalendar calendar,
			OrgDirectory org, DataScopes scopes, AttainmentSettings settings, Clock clock) {
		this.quotas = quotas;
		this.holders = holders;
		this.metrics = metrics;
		this.calendar = calendar;
		this.org = org;
		this.scopes = scopes;
		this.settings = settings;
		this.clock = clock;
	}

	public AttainmentSettings settings() {
		return settings;
	}

	/**
	 * The period a code names ({@code FY2026}, {@code FY2026-Q2}, {@code FY2026-M05}, a range of whole fiscal months;
	 * blank: the current fiscal year). It must be whole fiscal months of one year, since quotas are monthly.
	 */
	@Transactional(readOnly = true)
	public PeriodView period(@Nullable String code) {
		return span(code).view();
	}

	Span span(@Nullable String code) {
		FiscalYears years = calendar.years();
		LocalDate today = LocalDate.now(clock);
		try {
			FiscalPeriod dates = years.parse(code, years.yearOf(today));
			int year = years.yearOf(dates.start());
			List<Integer> numbers = years.monthsOf(dates, year);
			if (numbers.isEmpty()) {
				throw new IllegalArgumentException("No whole month");
			}
			List<FiscalPeriod> months = numbers.stream().map(m -> years.month(year, m)).toList();
			PeriodView view = new PeriodView(years.code(dates), dates.start(), dates.lastDay(), year, today,
					settings.pace(), settings.atRiskThreshold());
			return new Span(view, dates, months, numbers);
		}
		catch (IllegalArgumentException ex) {
			throw ValidationFailedException.of("period", "quotas.attainment.period.invalid", String.valueOf(code));
		}
	}

	/** Measures by code ({@code revenue,margin}); none given is revenue. */
	public static List<Metric> measures(@Nullable Collection<String> codes) {
		Set<Metric> measures = new LinkedHashSet<>();
		if (codes != null) {
			for (String code : codes) {
				for (String part : code.split(",")) {
					if (!part.isBlank()) {
						measures.add(Metric.ofCode(part).orElseThrow(() -> ValidationFailedException.of("measure",
								"quotas.attainment.measure.invalid", part.trim())));
					}
				}
			}
		}
		return measures.isEmpty() ? List.of(DEFAULT_MEASURE) : List.copyOf(measures);
	}

	/** The staff record of the reader, for "My targets"; empty for a user who is no member of staff. */
	@Transactional(readOnly = true)
	public @Nullable StaffId self(CurrentUser actor) {
		return scopes.staffIdOf(actor).map(StaffId::of).orElse(null);
	}

	/**
	 * One person's attainment of every measure they hold a quota of in the period (or of {@code only}, when given),
	 * with the months behind it and their acknowledgement. Out of the reader's scope: not found.
	 */
	@Transactional(readOnly = true)
	public PersonView person(CurrentUser actor, StaffId person, @Nullable String period, List<Metric> only) {
		DataScope scope = scopes.of(actor);
		OrgDirectory.StaffSummary staff = org.staff(person)
			.filter(s -> scope.seesStaff(s.id(), s.unitId()))
			.orElseThrow(() -> new NotFoundException("staff", person.value()));
		Span span = span(period);
		List<QuotaReading.PersonQuota> held = quotas.personQuotas(span.view().fiscalYear(), List.of(person),
				only.isEmpty() ? Set.of() : Set.copyOf(only));
		Set<Metric> measures = new LinkedHashSet<>(only);
		if (measures.isEmpty()) {
			held.stream().filter(q -> span.dates().contains(q.month())).map(QuotaReading.PersonQuota::metric)
				.sorted().forEach(measures::add);
		}
		if (measures.isEmpty()) {
			measures.add(DEFAULT_MEASURE);
		}
		List<MeasureView> views = new ArrayList<>();
		for (Metric metric : measures) {
			PaceTable<StaffId> table = new PaceTable<>(settings.pacing(), metric, span.months(), span.view().asOf());
			held.stream().filter(q -> q.metric() == metric).forEach(q -> table.quota(person, q.month(), q.amount()));
			readActuals(table, metric, span, List.of(person));
			views.add(table.view(person));
		}
		Long unitId = staff.unitId();
		String unitName = org.namesOfUnits(List.of(staff.unit())).get(staff.unit());
		return new PersonView(person.value(), staff.fullName(), unitId, unitName, span.view(), views,
				quotas.status(span.view().fiscalYear(), person).orElse(null));
	}

	private void readActuals(PaceTable<StaffId> table, Metric metric, Span span, Collection<StaffId> people) {
		table.actuals(metrics.byPersonAndMonth(metric, span.dates(), people));
		if (!Pacing.accumulates(metric)) {
			table.periodActuals(metrics.byPerson(metric, span.dates(), people));
		}
	}

	/**
	 * Every quota holder the reader sees, one row per person and measure, for the whole of the reader's scope or,
	 * with {@code unit}, for the people who held their quota in that unit's subtree (a unit out of scope: not
	 * found). Rows come in the order of the people's names; sorting and paging are the caller's.
	 */
	@Transactional(readOnly = true)
	public List<Row> people(CurrentUser actor, @Nullable String period, List<Metric> measures, @Nullable UnitId unit) {
		DataScope scope = scopes.of(actor);
		Span span = span(period);
		Collection<UnitId> within = null;
		if (unit != null) {
			if (!scope.managesUnit(unit.value())) {
				throw new NotFoundException("unit", unit.value());
			}
			within = org.subtree(unit);
		}
		Map<StaffId, UnitId> people = holders.people(span.view().fiscalYear(), span.monthNumbers(),
				Set.copyOf(measures), scope, within);
		return personRows(span, measures, people);
	}

	List<Row> personRows(Span span, List<Metric> measures, Map<StaffId, UnitId> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		Map<StaffId, String> names = org.namesOfStaff(people.keySet());
		Map<UnitId, String> unitNames = org.namesOfUnits(Set.copyOf(people.values()));
		List<StaffId> ordered = people.keySet().stream()
			.sorted(java.util.Comparator.comparing((StaffId s) -> names.getOrDefault(s, "")).thenComparing(StaffId::value))
			.toList();
		List<QuotaReading.PersonQuota> held = quotas.personQuotas(span.view().fiscalYear(), ordered,
				Set.copyOf(measures), span.monthNumbers());
		List<Row> rows = new ArrayList<>();
		for (Metric metric : measures) {
			PaceTable<StaffId> table = new PaceTable<>(settings.pacing(), metric, span.months(), span.view().asOf());
			held.stream().filter(q -> q.metric() == metric).forEach(q -> table.quota(q.staff(), q.month(), q.amount()));
			readActuals(table, metric, span, ordered);
			table.views(ordered).forEach((person, view) -> {
				UnitId unit = people.get(person);
				rows.add(new Row("person", person.value(), names.getOrDefault(person, ""), unit.value(),
						unitNames.get(unit), metric.code(), 0, view.pace(),
						PaceTable.trend(view, metric, span.view().asOf())));
			});
		}
		return rows;
	}

	/**
	 * Every unit the reader manages that has a quota, in the order of the org tree (depth counted from the highest
	 * unit shown), one row per unit and measure; with {@code unit}, that unit and its subtree only.
	 */
	@Transactional(readOnly = true)
	public List<Row> units(CurrentUser actor, @Nullable String period, List<Metric> measures, @Nullable UnitId unit) {
		DataScope scope = scopes.of(actor);
		Span span = span(period);
		Set<UnitId> held = new LinkedHashSet<>(holders.units(span.view().fiscalYear(), Set.copyOf(measures), scope));
		if (unit != null) {
			if (!scope.managesUnit(unit.value())) {
				throw new NotFoundException("unit", unit.value());
			}
			held.retainAll(org.subtree(unit));
		}
		return new UnitFigures(span, settings.pacing(), quotas, metrics, org).rows(held, measures);
	}

	/**
	 * The company's own figures: the top units of the org tree (the director's view, by unit below it with
	 * {@link #units}). Only readers who see the whole company have it; for anyone else it is not found.
	 */
	@Transactional(readOnly = true)
	public List<Row> company(CurrentUser actor, @Nullable String period, List<Metric> measures) {
		DataScope scope = scopes.of(actor);
		if (!scope.all()) {
			throw new NotFoundException("company", "attainment");
		}
		Span span = span(period);
		Set<UnitId> top = new LinkedHashSet<>();
		org.unitTree().stream().filter(n -> n.parentId() == null).forEach(n -> top.add(n.unitId()));
		top.retainAll(holders.units(span.view().fiscalYear(), Set.copyOf(measures), scope));
		return new UnitFigures(span, settings.pacing(), quotas, metrics, org).rows(top, measures);
	}

	/**
	 * The allocation mismatch of every unit the reader manages that has a quota (with {@code unit}, of that unit's
	 * subtree), for the summed measures: what the unit holds in the period against what its sub-units and members
	 * hold. A unit out of scope is not found.
	 */
	@Transactional(readOnly = true)
	public List<AttainmentViews.Mismatch> mismatches(CurrentUser actor, @Nullable String period,
			List<Metric> measures, @Nullable UnitId unit) {
		DataScope scope = scopes.of(actor);
		Span span = span(period);
		Set<UnitId> units = new LinkedHashSet<>(holders.units(span.view().fiscalYear(), Set.copyOf(measures), scope));
		if (unit != null) {
			if (!scope.managesUnit(unit.value())) {
				throw new NotFoundException("unit", unit.value());
			}
			units.retainAll(org.subtree(unit));
		}
		return new UnitFigures(span, settings.pacing(), quotas, metrics, org).mismatches(units, measures, holders);
	}

	/**
	 * The leaderboard of one measure: every holder of a quota of it in the period (in {@code unit}'s subtree when
	 * given), ranked by attainment, ties sharing a rank. Names follow {@link AttainmentSettings#leaderboardNames()}.
	 */
	@Transactional(readOnly = true)
	public AttainmentViews.Leaderboard leaderboard(CurrentUser actor, @Nullable String period, Metric measure,
			@Nullable UnitId unit) {
		DataScope scope = scopes.of(actor);
		Span span = span(period);
		Collection<UnitId> within = unit == null ? null : org.subtree(unit);
		if (unit != null && !org.isActiveUnit(unit)) {
			throw new NotFoundException("unit", unit.value());
		}
		// The board ranks everyone, whatever the reader sees; who is shown by name is decided afterwards.
		Map<StaffId, UnitId> everyone = holders.people(span.view().fiscalYear(), span.monthNumbers(), Set.of(measure),
				DataScope.EVERYTHING, within);
		List<Row> rows = personRows(span, List.of(measure), everyone);
		StaffId self = self(actor);
		return Leaderboards.rank(span.view(), measure, rows, settings.leaderboardNames() || scope.all(),
				row -> scope.seesStaff(row.id(), row.unitId() == null ? 0 : row.unitId()), self);
	}

	/** Names of units, for the pages' pickers. */
	@Transactional(readOnly = true)
	public Map<Long, String> unitNames(Collection<UnitId> units) {
		Map<Long, String> names = new LinkedHashMap<>();
		org.namesOfUnits(units).forEach((id, name) -> names.put(id.value(), name));
		return names;
	}

	/** Fiscal year's quarters and months with their codes, for the period picker. */
	@Transactional(readOnly = true)
	public List<PeriodChoice> periodChoices(int fiscalYear) {
		FiscalYears years = calendar.years();
		List<PeriodChoice> choices = new ArrayList<>();
		choices.add(new PeriodChoice(years.code(years.year(fiscalYear)), years.label(fiscalYear), true));
		for (int q = 1; q <= 4; q++) {
			choices.add(new PeriodChoice(years.code(years.quarter(fiscalYear, q)), "Q" + q, false));
		}
		for (int m = 1; m <= 12; m++) {
			FiscalPeriod month = years.month(fiscalYear, m);
			choices.add(new PeriodChoice(years.code(month), month.start().toString().substring(0, 7), false));
		}
		return choices;
	}

	/** A period offered by the pages' picker: its code and a short label (2026 or 2026/27 for the year, Q1, 2026-05). */
	public record PeriodChoice(String code, String label, boolean wholeYear) {
	}
}
