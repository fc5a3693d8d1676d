package io.rumbo.sales;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.sales.domain.ForecastArithmetic;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Forecast calls (decision 0025): per fiscal month or quarter, a salesperson calls commit, most likely and best case
 * (cumulative) from their deals expected to close in the period; a manager sees the roll-up of their subtree and
 * submits their own call for their unit with a note, upwards, never changing the salespeople's. Calls are never
 * edited (a new submission is a new row, the latest counts). Every week a snapshot freezes the calls that counted and
 * every input (the deals' amount, stage, category, close date and owner), so a movement view can compare two weeks;
 * at period end each person's last call is set against what they won, kept as the accuracy history. Scope is in the
 * SQL: a salesperson their own, a manager their subtree, a director everything; outside it answers 404.
 */
@Service
public class ForecastCalls {

	/** The people who call a forecast of their own (the "call due" list). */
	public static final Set<JobRole> CALLERS = Set.of(JobRole.SALESPERSON, JobRole.KEY_ACCOUNT_MANAGER);

	/** Closed deals a snapshot keeps, so that a later one can tell what was won or lost since. */
	static final int CLOSED_KEPT_DAYS = 92;

	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastLevel")
	public enum Level {
		PERSON, TEAM
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastMovement")
	public enum Movement {
		NEW, WON, LOST, PUSHED_OUT, PULLED_IN, AMOUNT_CHANGED
	}

	/** The figures of a person, a team or a set of deals for a period (all cumulative but pipeline and weighted). */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastFigures")
	public record Figures(BigDecimal closed, BigDecimal commit, BigDecimal mostLikely, BigDecimal bestCase,
			BigDecimal pipeline, BigDecimal weighted, long open) {

		public static final Figures NONE = ForecastArithmetic.figures(List.of());

		public Figures plus(Figures other) {
			return new Figures(closed.add(other.closed), commit.add(other.commit), mostLikely.add(other.mostLikely),
					bestCase.add(other.bestCase), pipeline.add(other.pipeline), weighted.add(other.weighted),
					open + other.open);
		}
	}

	/** A period a call can be made for: a fiscal month or quarter. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastPeriod")
	public record Period(String code, LocalDate start, LocalDate end, FiscalPeriod.Kind kind) {

		public LocalDate lastDay() {
			return end.minusDays(1);
		}
	}

	/** A submitted call; the system's figures at the time of submission travel with it. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastCall")
	public record Call(long id, Level level, long staffId, @Nullable String staffName, long unitId,
			@Nullable String unitName, String periodCode, LocalDate periodStart, LocalDate periodEnd, BigDecimal commit,
			BigDecimal mostLikely, BigDecimal bestCase, BigDecimal closed, BigDecimal pipeline, BigDecimal weighted,
			@Nullable String note, String submittedBy, Instant submittedAt) {
	}

	/** What a call says: the three cumulative figures and a note. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastCallFigures")
	public record CallFigures(BigDecimal commit, BigDecimal mostLikely, BigDecimal bestCase, @Nullable String note) {
	}

	/** A deal behind the figures, with its category and weighted amount. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastDeal")
	public record Deal(long opportunityId, String title, long ownerStaffId, @Nullable String ownerName,
			BigDecimal amount, BigDecimal weighted, String stageCode, int probability, ForecastCategory category,
			String outcome, LocalDate expectedClose) {
	}

	/** A person's forecast for a period: the figures from their deals, the deals, and the calls they made. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastPersonForecast")
	public record PersonForecast(Period period, long staffId, @Nullable String staffName, long unitId, Figures figures,
			List<Deal> deals, @Nullable Call call, List<Call> history) {
	}

	/** One person of a roll-up: their figures and their latest call (none when they have not called). */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastTeamMember")
	public record TeamMember(long staffId, @Nullable String name, long unitId, @Nullable String unitName,
			Figures figures, @Nullable Call call) {
	}

	/**
	 * A manager's roll-up: each person of the subtree, the sum of their calls (people who have not called count with
	 * nothing), the sum of the figures, the calls of the sub-units' managers and the manager's own call.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastTeamForecast")
	public record TeamForecast(Period period, long unitId, @Nullable String unitName, List<TeamMember> members,
			Figures figures, BigDecimal calledCommit, BigDecimal calledMostLikely, BigDecimal calledBestCase,
			long called, List<Call> subTeamCalls, @Nullable Call teamCall, List<Call> teamHistory,
			List<UnitChoice> units) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastUnitChoice")
	public record UnitChoice(long id, String name) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastSnapshot")
	public record Snapshot(long id, LocalDate weekStart, LocalDate cutOff, Instant takenAt, long deals, long calls) {
	}

	/** A deal that moved between two snapshots, as it stood in each. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastMoved")
	public record Moved(long opportunityId, String title, long ownerStaffId, @Nullable String ownerName,
			Movement movement, @Nullable BigDecimal amountBefore, BigDecimal amountAfter,
			@Nullable LocalDate closeBefore, LocalDate closeAfter, @Nullable String stageBefore, String stageAfter) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastMovementView")
	public record MovementView(Snapshot from, Snapshot to, Map<Movement, Long> counts,
			Map<Movement, BigDecimal> amounts, List<Moved> deals) {
	}

	/** A person's call at period end against what they won in the period. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastAccuracy")
	public record Accuracy(long staffId, @Nullable String staffName, long unitId, String periodCode,
			LocalDate periodStart, LocalDate periodEnd, BigDecimal calledCommit, BigDecimal calledMostLikely,
			BigDecimal calledBestCase, BigDecimal actual, BigDecimal accuracyPercent) {
	}

	/** A person expected to call who has not called for the period yet. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SalesForecastDueCall")
	public record DueCall(StaffId staff, UnitId unit, String periodCode, LocalDate periodEnd) {
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final FiscalCalendar calendar;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ForecastCallRows rows;
	private final ForecastAccuracies accuracies;
	private final ForecastSnapshots snapshots;

	ForecastCalls(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, FiscalCalendar calendar, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, ForecastCallRows rows, ForecastAccuracies accuracies,
			ForecastSnapshots snapshots) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.rows = rows;
		this.accuracies = accuracies;
		this.scopes = scopes;
		this.org = org;
		this.calendar = calendar;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public static boolean mayCall(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP);
	}

	public static boolean mayLead(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	// ---------------------------------------------------------------- periods

	/** The period of a code ({@code FY2026-M03}, {@code FY2026-Q1}); blank means the current fiscal month. */
	@Transactional(readOnly = true)
	public Period period(@Nullable String code) {
		FiscalYears years = calendar.years();
		if (code == null || code.isBlank()) {
			return month(years, LocalDate.now(clock));
		}
		FiscalPeriod parsed;
		try {
			parsed = years.parse(code);
		}
		catch (IllegalArgumentException ex) {
			throw ValidationFailedException.of("period", "sales.forecast.error.period");
		}
		FiscalPeriod.Kind kind = years.kind(parsed);
		if (kind != FiscalPeriod.Kind.MONTH && kind != FiscalPeriod.Kind.QUARTER) {
			throw ValidationFailedException.of("period", "sales.forecast.error.period");
		}
		return new Period(years.code(parsed), parsed.start(), parsed.end(), kind);
	}

	/** The periods offered: last, this and next month, last, this and next quarter. */
	@Transactional(readOnly = true)
	public List<Period> periods() {
		FiscalYears years = calendar.years();
		LocalDate today = LocalDate.now(clock);
		Period month = month(years, today);
		Period quarter = quarter(years, today);
		return List.of(month(years, month.start().minusDays(1)), month, month(years, month.end()),
				quarter(years, quarter.start().minusDays(1)), quarter, quarter(years, quarter.end()));
	}

	private static Period month(FiscalYears years, LocalDate day) {
		FiscalPeriod p = years.month(years.yearOf(day), years.monthOf(day));
		return new Period(years.code(p), p.start(), p.end(), FiscalPeriod.Kind.MONTH);
	}

	private static Period quarter(FiscalYears years, LocalDate day) {
		FiscalPeriod p = years.quarter(years.yearOf(day), years.quarterOf(day));
		return new Period(years.code(p), p.start(), p.end(), FiscalPeriod.Kind.QUARTER);
	}

	// ---------------------------------------------------------------- a person's call

	/** The forecast of a person ({@code null}: the reader) for the period; a person outside the scope is 404. */
	@Transactional(readOnly = true)
	public PersonForecast person(CurrentUser actor, @Nullable Long staffId, @Nullable String periodCode) {
		Period period = period(periodCode);
		long staff = staffId != null ? staffId : own(actor);
		DataScope scope = scopes.of(actor);
		OrgDirectory.StaffSummary person = org.staff(staff)
			.filter(s -> scope.seesStaff(s.id(), s.unitId()))
			.orElseThrow(() -> new NotFoundException("staff", staff));
		Map<String, Object> params = new HashMap<>();
		String where = scope.sql("o.owner_unit_id", "o.owner_staff_id", params) + " AND o.owner_staff_id = :owner";
		params.put("owner", staff);
		List<Deal> deals = deals(where, params, period);
		List<Call> history = calls("c.level = 'PERSON' AND c.staff_id = :staff AND c.period_code = :period",
				Map.of("staff", staff, "period", period.code()), scope);
		return new PersonForecast(period, staff, person.fullName(), person.unitId(), figures(deals), deals,
				history.isEmpty() ? null : history.get(0), history);
	}

	/** Submits the reader's own call for the period. */
	@Transactional
	public Call submit(CurrentUser actor, @Nullable String periodCode, CallFigures figures) {
		if (!mayCall(actor)) {
			throw new AccessRefusedException("forecast call");
		}
		long staff = own(actor);
		OrgDirectory.StaffSummary person = org.staff(staff).orElseThrow(() -> new NotFoundException("staff", staff));
		PersonForecast forecast = person(actor, staff, periodCode);
		return insert(actor, Level.PERSON, staff, person.unitId(), forecast.period(), figures, forecast.figures());
	}

	// ---------------------------------------------------------------- the roll-up

	/**
	 * The roll-up of a unit's subtree ({@code null}: the top unit the reader leads, or the company's top for a
	 * director). A unit the reader does not lead is 404; a salesperson may not see a roll-up (403).
	 */
	@Transactional(readOnly = true)
	public TeamForecast team(CurrentUser actor, @Nullable Long unitId, @Nullable String periodCode) {
		if (!mayLead(actor)) {
			throw new AccessRefusedException("forecast roll-up");
		}
		Period period = period(periodCode);
		DataScope scope = scopes.of(actor);
		List<OrgDirectory.UnitNode> tree = org.unitTree();
		List<UnitChoice> choices = tree.stream()
			.filter(u -> scope.managesUnit(u.id()))
			.map(u -> new UnitChoice(u.id(), u.name()))
			.toList();
		long unit = unitId != null ? unitId : top(tree, scope);
		if (!scope.managesUnit(unit) || tree.stream().noneMatch(u -> u.id() == unit)) {
			throw new NotFoundException("unit", unit);
		}
		Set<Long> subtree = org.subtree(unit);
		Map<String, Object> params = new HashMap<>();
		String where = scope.sql("o.owner_unit_id", "o.owner_staff_id", params) + " AND o.owner_unit_id IN (:subtree)";
		params.put("subtree", subtree);
		Map<Long, List<Deal>> byOwner = deals(where, params, period).stream()
			.collect(Collectors.groupingBy(Deal::ownerStaffId, LinkedHashMap::new, Collectors.toList()));
		List<Call> personal = calls("c.level = 'PERSON' AND c.unit_id IN (:subtree) AND c.period_code = :period",
				Map.of("subtree", subtree, "period", period.code()), scope);
		Map<Long, Call> latest = new HashMap<>();
		personal.forEach(c -> latest.putIfAbsent(c.staffId(), c));
		Set<Long> people = new HashSet<>(byOwner.keySet());
		people.addAll(latest.keySet());
		// One statement for every person of the roll-up (owners, callers and the subtree's active staff), not one each.
		Map<Long, OrgDirectory.StaffSummary> summaries = org.staffByIdOrUnit(people, subtree);
		summaries.values()
			.stream()
			.filter(s -> s.active() && subtree.contains(s.unitId()))
			.forEach(s -> people.add(s.id()));
		Map<Long, String> names = new HashMap<>();
		summaries.forEach((id, s) -> names.put(id, s.fullName()));
		Map<Long, String> unitNames = org.unitNames(subtree);
		List<TeamMember> members = new ArrayList<>();
		Figures total = Figures.NONE;
		BigDecimal commit = BigDecimal.ZERO;
		BigDecimal mostLikely = BigDecimal.ZERO;
		BigDecimal bestCase = BigDecimal.ZERO;
		for (Long id : people) {
			Figures f = figures(byOwner.getOrDefault(id, List.of()));
			Call call = latest.get(id);
			OrgDirectory.StaffSummary s = summaries.get(id);
			long memberUnit = call != null ? call.unitId() : s != null ? s.unitId() : unit;
			if (call == null && f.open() == 0 && f.closed().signum() == 0 && (s == null || !s.active())) {
				continue;
			}
			members.add(new TeamMember(id, names.get(id), memberUnit, unitNames.get(memberUnit), f, call));
			total = total.plus(f);
			if (call != null) {
				commit = commit.add(call.commit());
				mostLikely = mostLikely.add(call.mostLikely());
				bestCase = bestCase.add(call.bestCase());
			}
		}
		members.sort(Comparator.comparing((TeamMember m) -> m.call() == null)
			.thenComparing(m -> m.name() == null ? "" : m.name()));
		List<Call> teamCalls = calls("c.level = 'TEAM' AND c.unit_id IN (:subtree) AND c.period_code = :period",
				Map.of("subtree", subtree, "period", period.code()), scope);
		List<Call> own = teamCalls.stream().filter(c -> c.unitId() == unit).toList();
		Map<Long, Call> subTeams = new LinkedHashMap<>();
		teamCalls.stream().filter(c -> c.unitId() != unit).forEach(c -> subTeams.putIfAbsent(c.unitId(), c));
		long called = members.stream().filter(m -> m.call() != null).count();
		return new TeamForecast(period, unit, org.unitNames(List.of(unit)).get(unit), members, total,
				Amounts.money(commit), Amounts.money(mostLikely), Amounts.money(bestCase), called,
				List.copyOf(subTeams.values()), own.isEmpty() ? null : own.get(0), own, choices);
	}

	/** Submits the reader's call for a unit they lead, upwards; the salespeople's calls stay as they are. */
	@Transactional
	public Call submitTeam(CurrentUser actor, long unitId, @Nullable String periodCode, CallFigures figures) {
		TeamForecast team = team(actor, unitId, periodCode);
		long staff = own(actor);
		return insert(actor, Level.TEAM, staff, unitId, team.period(), figures, team.figures());
	}

	/** A page of calls in the reader's scope, the latest first; of one period and level when given. */
	@Transactional(readOnly = true)
	public io.rumbo.shared.web.PageResponse<Call> calls(CurrentUser actor, @Nullable String periodCode,
			@Nullable Level level, io.rumbo.shared.web.ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = scopes.of(actor).sql("c.unit_id", "c.staff_id", params);
		if (periodCode != null && !periodCode.isBlank()) {
			where += " AND c.period_code = :period";
			params.put("period", period(periodCode).code());
		}
		if (level != null) {
			where += " AND c.level = :level";
			params.put("level", level.name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM sales_forecast_call c WHERE " + where).params(params)
			.query(Long.class)
			.single();
		List<Long> ids = jdbc.sql("SELECT c.id FROM sales_forecast_call c WHERE " + where + " ORDER BY c.id DESC"
				+ query.limit())
			.params(params)
			.query(Long.class)
			.list();
		List<Call> content = ids.isEmpty() ? List.of()
				: calls("c.id IN (:ids)", Map.of("ids", ids), DataScope.EVERYTHING);
		return io.rumbo.shared.web.PageResponse.of(content, query, total);
	}

	/** One call in the reader's scope (a person's by their record, a team's by its unit), else 404. */
	@Transactional(readOnly = true)
	public Call call(CurrentUser actor, long id) {
		List<Call> found = calls("c.id = :id", Map.of("id", id), scopes.of(actor));
		if (found.isEmpty()) {
			throw new NotFoundException("forecast call", id);
		}
		return found.get(0);
	}

	/**
	 * Who is expected to call and has not for the period (blank: the current month): the salespeople and key account
	 * managers in their unit during the period so far. For reminders (the notifications module).
	 */
	@Transactional(readOnly = true)
	public List<DueCall> due(@Nullable String periodCode) {
		Period period = period(periodCode);
		LocalDate today = LocalDate.now(clock);
		LocalDate until = today.isBefore(period.start()) ? period.start().plusDays(1)
				: today.isBefore(period.end()) ? today.plusDays(1) : period.end();
		Set<Long> called = new HashSet<>(jdbc.sql("""
				SELECT DISTINCT staff_id FROM sales_forecast_call WHERE level = 'PERSON' AND period_code = :period""")
			.param("period", period.code())
			.query(Long.class)
			.list());
		Map<Long, DueCall> due = new LinkedHashMap<>();
		for (OrgDirectory.Stay stay : org.staysBetween(period.start(), until, CALLERS)) {
			if (!called.contains(stay.staff().value())) {
				due.put(stay.staff().value(), new DueCall(stay.staff(), stay.unit(), period.code(), period.end()));
			}
		}
		return List.copyOf(due.values());
	}

	/** {@link #due(String)} within the reader's scope, for a manager or a director. */
	@Transactional(readOnly = true)
	public List<DueCall> due(CurrentUser actor, @Nullable String periodCode) {
		if (!mayLead(actor)) {
			throw new AccessRefusedException("forecast calls due");
		}
		DataScope scope = scopes.of(actor);
		return due(periodCode).stream().filter(d -> scope.seesStaff(d.staff().value(), d.unit().value())).toList();
	}

	// ---------------------------------------------------------------- snapshots (ForecastSnapshots)

	/**
	 * Freezes the week: the calls that count for every period and every open deal (and those closed in the last
	 * quarter) as they stand. One snapshot per week (the Monday of the cut-off's week): a second call for the same
	 * week does nothing and answers empty.
	 */
	@Transactional
	public Optional<Snapshot> takeWeeklySnapshot(LocalDate cutOff) {
		return snapshots.take(cutOff);
	}

	/** The weekly snapshots, the latest first. */
	@Transactional(readOnly = true)
	public List<Snapshot> snapshots() {
		return snapshots.all();
	}

	/** The deals of a snapshot in the reader's scope, as they were frozen. */
	@Transactional(readOnly = true)
	public List<Deal> snapshotDeals(CurrentUser actor, long snapshotId) {
		return snapshots.deals(actor, snapshotId);
	}

	/** The calls frozen in a snapshot, in the reader's scope. */
	@Transactional(readOnly = true)
	public List<Call> snapshotCalls(CurrentUser actor, long snapshotId) {
		return snapshots.calls(actor, snapshotId);
	}

	/** What moved between two snapshots, for the deals in the reader's scope in either. */
	@Transactional(readOnly = true)
	public MovementView movement(CurrentUser actor, long fromId, long toId) {
		return snapshots.movement(actor, fromId, toId);
	}

	// ---------------------------------------------------------------- accuracy (ForecastAccuracies)

	/**
	 * Records the accuracy of every person's call for the periods that ended by {@code today} and have none yet
	 * ({@link ForecastAccuracies#record}). Idempotent; answers how many were recorded.
	 */
	@Transactional
	public int recordAccuracy(LocalDate today) {
		return accuracies.record(today);
	}

	/** The accuracy history in the reader's scope (of one person when given), the latest periods first. */
	@Transactional(readOnly = true)
	public List<Accuracy> accuracy(CurrentUser actor, @Nullable Long staffId) {
		return accuracies.history(actor, staffId);
	}

	// ---------------------------------------------------------------- for planning

	/**
	 * The latest calls (of people and of teams) of the periods that lie inside the range, unscoped: planning's plan
	 * versus actual uses them instead of the weighted pipeline where they exist.
	 */
	@Transactional(readOnly = true)
	public List<Call> latestCalls(LocalDate from, LocalDate toExclusive) {
		return calls("c.period_start >= :from AND c.period_end <= :to AND c.id = (SELECT MAX(l.id) FROM"
				+ " sales_forecast_call l WHERE l.level = c.level AND l.staff_id = c.staff_id AND l.unit_id = c.unit_id"
				+ " AND l.period_code = c.period_code)", Map.of("from", from, "to", toExclusive), DataScope.EVERYTHING);
	}

	/**
	 * The latest call of each person (or manager and unit) for each period that overlaps the range, unscoped:
	 * plan versus actual uses the most authoritative of them (decision 0033).
	 */
	@Transactional(readOnly = true)
	public List<Call> overlappingCalls(LocalDate from, LocalDate toExclusive) {
		return calls("c.period_start < :to AND c.period_end > :from AND c.id = (SELECT MAX(l.id) FROM"
				+ " sales_forecast_call l WHERE l.level = c.level AND l.staff_id = c.staff_id AND l.unit_id = c.unit_id"
				+ " AND l.period_code = c.period_code)", Map.of("from", from, "to", toExclusive), DataScope.EVERYTHING);
	}

	// ---------------------------------------------------------------- internals

	private Call insert(CurrentUser actor, Level level, long staff, long unit, Period period, CallFigures called,
			Figures system) {
		validate(called);
		Instant now = clock.instant();
		String note = called.note() == null || called.note().isBlank() ? null : called.note().strip();
		jdbc.sql("""
				INSERT INTO sales_forecast_call (level, staff_id, unit_id, period_code, period_start, period_end,
				  commit_amount, most_likely_amount, best_case_amount, closed_amount, pipeline_amount, weighted_amount,
				  note, submitted_by, submitted_at)
				VALUES (:level, :staff, :unit, :period, :start, :end, :commit, :mostLikely, :bestCase, :closed,
				  :pipeline, :weighted, :note, :by, :at)""")
			.param("level", level.name())
			.param("staff", staff)
			.param("unit", unit)
			.param("period", period.code())
			.param("start", period.start())
			.param("end", period.end())
			.param("commit", Amounts.money(called.commit()))
			.param("mostLikely", Amounts.money(called.mostLikely()))
			.param("bestCase", Amounts.money(called.bestCase()))
			.param("closed", system.closed())
			.param("pipeline", system.pipeline())
			.param("weighted", system.weighted())
			.param("note", note)
			.param("by", actor.username())
			.param("at", Timestamp.from(now))
			.update();
		long id = jdbc.sql("""
				SELECT MAX(id) FROM sales_forecast_call WHERE level = :level AND staff_id = :staff AND unit_id = :unit
				  AND period_code = :period""")
			.param("level", level.name())
			.param("staff", staff)
			.param("unit", unit)
			.param("period", period.code())
			.query(Long.class)
			.single();
		Call call = calls("c.id = :id", Map.of("id", id), DataScope.EVERYTHING).get(0);
		audit.record("FORECAST_CALL", id, "SUBMIT", null,
				Map.of("level", level.name(), "period", period.code(), "commit", call.commit().toPlainString(),
						"mostLikely", call.mostLikely().toPlainString(), "bestCase", call.bestCase().toPlainString()),
				note);
		events.publishEvent(new ForecastCallSubmitted(id, level == Level.TEAM, new StaffId(staff), new UnitId(unit),
				period.code(), period.start(), period.end(), call.commit(), call.mostLikely(), call.bestCase(), note,
				actor.username(), now));
		return call;
	}

	/** The three figures are cumulative, so each is at least the one before; none is negative. */
	private static void validate(CallFigures called) {
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		Map<String, @Nullable BigDecimal> values = new LinkedHashMap<>();
		values.put("commit", called.commit());
		values.put("mostLikely", called.mostLikely());
		values.put("bestCase", called.bestCase());
		values.forEach((field, value) -> {
			if (value == null) {
				errors.add(new ValidationFailedException.FieldError(field, "shared.validation.required"));
			}
			else if (value.signum() < 0 || !Amounts.fitsPrice(value)) {
				errors.add(new ValidationFailedException.FieldError(field, "sales.forecast.error.amount"));
			}
		});
		if (errors.isEmpty() && called.mostLikely().compareTo(called.commit()) < 0) {
			errors.add(new ValidationFailedException.FieldError("mostLikely", "sales.forecast.error.mostLikelyBelowCommit"));
		}
		if (errors.isEmpty() && called.bestCase().compareTo(called.mostLikely()) < 0) {
			errors.add(new ValidationFailedException.FieldError("bestCase", "sales.forecast.error.bestCaseBelowMostLikely"));
		}
		if (called.note() != null && called.note().length() > 1000) {
			errors.add(new ValidationFailedException.FieldError("note", "shared.validation.size", 1000));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	/** The reader's own staff record, when they have one (an administrator may not). */
	@Transactional(readOnly = true)
	public Optional<Long> ownStaff(CurrentUser actor) {
		return scopes.staffIdOf(actor);
	}

	private long own(CurrentUser actor) {
		return scopes.staffIdOf(actor)
			.orElseThrow(() -> ValidationFailedException.of("staffId", "sales.forecast.error.noStaff"));
	}

	private static long top(List<OrgDirectory.UnitNode> tree, DataScope scope) {
		return tree.stream()
			.filter(u -> scope.managesUnit(u.id()) && (u.parentId() == null || !scope.managesUnit(u.parentId())))
			.map(OrgDirectory.UnitNode::id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("unit", "led"));
	}

	/** The open deals of the period and those won in it (by expected close), in the where's scope. */
	private List<Deal> deals(String where, Map<String, Object> params, Period period) {
		List<Deal> raw = jdbc.sql("""
				SELECT o.id, o.title, o.owner_staff_id, o.amount, o.stage_code, s.probability, s.outcome,
				  o.forecast_category, o.expected_close
				FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE s.outcome IN ('OPEN', 'WON') AND o.expected_close >= :periodStart AND o.expected_close < :periodEnd
				""" + " AND " + where + " ORDER BY o.expected_close, o.id")
			.params(params)
			.param("periodStart", period.start())
			.param("periodEnd", period.end())
			.query((rs, n) -> new Deal(rs.getLong(1), rs.getString(2), rs.getLong(3), null, rs.getBigDecimal(4),
					weighted(rs.getBigDecimal(4), rs.getInt(6)), rs.getString(5), rs.getInt(6),
					ForecastCategory.valueOf(rs.getString(8)), rs.getString(7), rs.getObject(9, LocalDate.class)))
			.list();
		return named(raw);
	}

	private static BigDecimal weighted(BigDecimal amount, int probability) {
		return ForecastCallRows.weighted(amount, probability);
	}

	private static Figures figures(Collection<Deal> deals) {
		return ForecastArithmetic.figures(deals.stream()
			.map(d -> new ForecastArithmetic.Deal(d.amount(), d.probability(), d.category(), d.outcome()))
			.toList());
	}

	private List<Deal> named(List<Deal> raw) {
		return rows.named(raw);
	}

	/** Calls matching the condition within the scope, the latest first, with names ({@link ForecastCallRows}). */
	private List<Call> calls(String condition, Map<String, ?> given, DataScope scope) {
		return rows.calls(condition, given, scope);
	}
}
