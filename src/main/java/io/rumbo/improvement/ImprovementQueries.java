package io.rumbo.improvement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.improvement.ImprovementViews.Alert;
import io.rumbo.improvement.ImprovementViews.AlertKind;
import io.rumbo.improvement.ImprovementViews.CheckInView;
import io.rumbo.improvement.ImprovementViews.GoalView;
import io.rumbo.improvement.ImprovementViews.PlanRow;
import io.rumbo.improvement.ImprovementViews.PlanView;
import io.rumbo.improvement.ImprovementViews.Reading;
import io.rumbo.improvement.ImprovementViews.SupportEnrolment;
import io.rumbo.improvement.ImprovementViews.SupportView;
import io.rumbo.people.PeopleViews.EnrolmentView;
import io.rumbo.people.SupportTraining;
import io.rumbo.improvement.domain.GoalFigures;
import io.rumbo.improvement.domain.GoalPacing;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Reading improvement plans within the reader's data scope, in SQL: a salesperson their own plans, a manager the plans
 * of the people of their subtree (and their own), a company-wide role every plan; a plan outside the scope is 404, so
 * peers never learn of one. Goals get their pace from the metrics engine, a few calls for a whole list.
 */
@Service
public class ImprovementQueries {

	public static final Map<String, String> SORTS = Map.of("startsOn", "p.starts_on", "endsOn", "p.ends_on", "title",
			"p.title", "status", "p.status");

	/** A plan belongs to its person and to the person's unit; peers of the same unit are not in its scope. */
	private static final DataScope.Columns COLUMNS = DataScope.Columns.of("p.unit_id", "p.staff_id");

	public record Filter(@Nullable String q, @Nullable PlanStatus status, @Nullable Long staffId) {

		public static Filter none() {
			return new Filter(null, null, null);
		}
	}

	private record PlanRec(long id, long version, long staffId, long unitId, String title, @Nullable String reason,
			PlanStatus status, LocalDate startsOn, LocalDate endsOn, int every, @Nullable LocalDate lastCheckInOn,
			String openedBy, LocalDate openedOn, @Nullable LocalDate activatedOn, @Nullable LocalDate closedOn,
			@Nullable PlanOutcome outcome, @Nullable String outcomeReason, int extensions,
			@Nullable Long scorecardId) {

		LocalDate nextCheckInOn() {
			return (lastCheckInOn == null ? startsOn : lastCheckInOn).plusDays(every);
		}

		boolean overdue(LocalDate today) {
			return status == PlanStatus.ACTIVE && nextCheckInOn().isBefore(today);
		}

		LocalDate asOf(LocalDate today) {
			return closedOn != null ? closedOn : today;
		}
	}

	private record GoalRec(long id, long planId, String name, @Nullable Metric metric, @Nullable Comparison comparison,
			@Nullable BigDecimal target, @Nullable Grain grain, LocalDate dueOn, BigDecimal progress) {
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final GoalFigures figures;
	private final Clock clock;
	private final ExportCursor cursor;
	private final SupportTraining training;

	ImprovementQueries(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, GoalFigures figures, Clock clock,
			ExportCursor cursor, SupportTraining training) {
		this.jdbc = jdbc;
		this.cursor = cursor;
		this.scopes = scopes;
		this.org = org;
		this.figures = figures;
		this.clock = clock;
		this.training = training;
	}

	@Transactional(readOnly = true)
	public PageResponse<PlanRow> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM improvement_plan p" + where).params(params).query(Long.class)
			.single();
		return PageResponse.of(rows(plans(where + query.orderBy("p.id") + query.limit(), params)), query, total);
	}

	/**
	 * Every plan the filter selects, for the exports: read with a fetch size and completed (names, goals and their
	 * pace) a thousand plans at a time, so an export holds one batch whatever the number of plans.
	 */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<PlanRow> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		cursor.each("SELECT p.* FROM improvement_plan p" + where + query.orderBy("p.id"), params, this::plan,
				this::rows, sink);
	}

	private record SupportRec(SupportKind kind, String description, @Nullable Long sessionId,
			@Nullable Long enrolmentId) {
	}

	/** A plan's support actions, a training's with the enrolment it made as the reader sees it (people module). */
	private List<SupportView> supports(CurrentUser actor, long planId) {
		List<SupportRec> recs = jdbc
			.sql("SELECT kind, description, session_id, enrolment_id FROM improvement_support WHERE plan_id = :id "
					+ "ORDER BY position")
			.param("id", planId)
			.query((rs, n) -> new SupportRec(SupportKind.valueOf(rs.getString(1)), rs.getString(2),
					rs.getObject(3, Long.class), rs.getObject(4, Long.class)))
			.list();
		Map<Long, EnrolmentView> enrolments = training.enrolments(actor,
				recs.stream().map(SupportRec::enrolmentId).filter(java.util.Objects::nonNull).toList());
		return recs.stream().map(s -> {
			EnrolmentView e = s.enrolmentId() == null ? null : enrolments.get(s.enrolmentId());
			return new SupportView(s.kind(), s.description(), s.sessionId(), e == null ? null
					: new SupportEnrolment(e.id(), e.programmeId(), e.programmeName(), e.sessionTitle(), e.startsOn(),
							e.status().name(), e.score(), e.completedOn()));
		}).toList();
	}

	@Transactional(readOnly = true)
	public PlanView get(CurrentUser actor, ImprovementPlanId id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), Filter.none(), params) + " AND p.id = :id";
		params.put("id", id.value());
		List<PlanRec> found = plans(where, params);
		if (found.isEmpty()) {
			throw new NotFoundException("improvementPlan", id.value());
		}
		PlanRec p = found.get(0);
		LocalDate today = LocalDate.now(clock);
		List<GoalRec> goals = goals(List.of(p.id()));
		Map<Long, GoalPace> paces = paces(List.of(p), goals, today);
		List<GoalView> goalViews = goals.stream().map(g -> new GoalView(g.id(), g.name(), g.metric() == null,
				g.metric() == null ? null : g.metric().code(), g.comparison(), g.target(), g.grain(), g.dueOn(),
				paces.get(g.id()))).toList();
		List<SupportView> supports = supports(actor, p.id());
		Map<Long, List<Reading>> readings = new HashMap<>();
		jdbc.sql("""
				SELECT r.* FROM improvement_check_in_goal r JOIN improvement_check_in c ON c.id = r.check_in_id
				WHERE c.plan_id = :id""").param("id", p.id()).query((rs, n) -> {
			readings.computeIfAbsent(rs.getLong("check_in_id"), k -> new ArrayList<>())
				.add(new Reading(rs.getLong("goal_id"), rs.getBigDecimal("actual"), rs.getBigDecimal("progress"),
						rs.getBigDecimal("expected_progress"), GoalStatus.valueOf(rs.getString("status"))));
			return 0;
		}).list();
		List<CheckInView> checkIns = jdbc
			.sql("SELECT * FROM improvement_check_in WHERE plan_id = :id ORDER BY held_on, id")
			.param("id", p.id())
			.query((rs, n) -> new CheckInView(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
					rs.getString("notes"), rs.getString("recorded_by"),
					readings.getOrDefault(rs.getLong("id"), List.of())))
			.list();
		return new PlanView(p.id(), p.version(), p.staffId(), org.staffNames(List.of(p.staffId())).get(p.staffId()),
				p.unitId(), org.unitNames(List.of(p.unitId())).get(p.unitId()), p.title(), p.reason(), p.status(),
				p.startsOn(), p.endsOn(), p.every(), p.lastCheckInOn(), p.nextCheckInOn(), p.overdue(today),
				p.openedBy(), p.openedOn(), p.activatedOn(), p.closedOn(), p.outcome(), p.outcomeReason(),
				p.extensions(), p.asOf(today), goalViews, supports, checkIns, p.scorecardId());
	}

	/** The goals behind their pace and the check-ins overdue on the active plans the reader sees, earliest first. */
	@Transactional(readOnly = true)
	public List<Alert> alerts(CurrentUser actor) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), new Filter(null, PlanStatus.ACTIVE, null), params);
		List<PlanRec> plans = plans(where + " ORDER BY p.id", params);
		LocalDate today = LocalDate.now(clock);
		List<GoalRec> goals = goals(plans.stream().map(PlanRec::id).toList());
		Map<Long, GoalPace> paces = paces(plans, goals, today);
		Map<Long, String> names = org.staffNames(plans.stream().map(PlanRec::staffId).toList());
		Map<Long, PlanRec> byId = new HashMap<>();
		List<Alert> alerts = new ArrayList<>();
		for (PlanRec p : plans) {
			byId.put(p.id(), p);
			if (p.overdue(today)) {
				alerts.add(new Alert(p.id(), p.staffId(), names.get(p.staffId()), AlertKind.CHECK_IN_OVERDUE, null,
						p.nextCheckInOn()));
			}
		}
		for (GoalRec g : goals) {
			PlanRec p = byId.get(g.planId());
			if (paces.get(g.id()).behind()) {
				alerts.add(new Alert(p.id(), p.staffId(), names.get(p.staffId()), AlertKind.GOAL_BEHIND, g.name(),
						g.dueOn()));
			}
		}
		alerts.sort(Comparator.comparing(Alert::dueOn).thenComparing(Alert::planId));
		return alerts;
	}

	/** Each goal's pace on a day, for the readings a check-in keeps (the caller has checked the plan's scope). */
	Map<Long, GoalPace> pacesOn(long planId, LocalDate day) {
		List<PlanRec> plan = plans(" WHERE p.id = :id", Map.of("id", planId));
		return paces(plan, goals(List.of(planId)), day);
	}

	/** Whether the user runs plans for this person: a director or administrator, or a manager of their unit. */
	public boolean mayManage(CurrentUser actor, long staffId, long unitId) {
		if (actor.hasAny(Role.ADMIN, Role.DIRECTOR)) {
			return true;
		}
		DataScope scope = scopes.of(actor);
		return actor.has(Role.MANAGER) && scope.managedUnitIds().contains(unitId)
				&& !Long.valueOf(staffId).equals(scope.ownStaffId());
	}

	/** Whether the user may open plans at all (the page shows the button). */
	public static boolean mayOpen(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	private List<PlanRow> rows(List<PlanRec> plans) {
		LocalDate today = LocalDate.now(clock);
		List<GoalRec> goals = goals(plans.stream().map(PlanRec::id).toList());
		Map<Long, GoalPace> paces = paces(plans, goals, today);
		Map<Long, String> people = org.staffNames(plans.stream().map(PlanRec::staffId).toList());
		Map<Long, String> units = org.unitNames(plans.stream().map(PlanRec::unitId).toList());
		Map<Long, int[]> counts = new HashMap<>();
		goals.forEach(g -> {
			int[] c = counts.computeIfAbsent(g.planId(), k -> new int[2]);
			c[0]++;
			c[1] += paces.get(g.id()).behind() ? 1 : 0;
		});
		return plans.stream().map(p -> {
			int[] c = counts.getOrDefault(p.id(), new int[2]);
			return new PlanRow(p.id(), p.version(), p.staffId(), people.get(p.staffId()), p.unitId(),
					units.get(p.unitId()), p.title(), p.status(), p.startsOn(), p.endsOn(), p.nextCheckInOn(),
					p.overdue(today), c[0], p.status() == PlanStatus.ACTIVE ? c[1] : 0, p.outcome());
		}).toList();
	}

	/** Each goal's pace on the plan's day (today, or the day it closed), the measured ones from one figure lookup. */
	private Map<Long, GoalPace> paces(List<PlanRec> plans, List<GoalRec> goals, LocalDate today) {
		Map<Long, PlanRec> byId = new HashMap<>();
		plans.forEach(p -> byId.put(p.id(), p));
		List<GoalFigures.Subject> measured = goals.stream().filter(g -> g.metric() != null)
			.map(g -> new GoalFigures.Subject(g.id(), byId.get(g.planId()).staffId(), g.metric(),
					byId.get(g.planId()).startsOn(), g.dueOn()))
			.toList();
		Map<Long, BigDecimal> figures = measured.isEmpty() ? Map.of() : this.figures.of(measured);
		Map<Long, GoalPace> paces = new LinkedHashMap<>();
		for (GoalRec g : goals) {
			PlanRec p = byId.get(g.planId());
			LocalDate asOf = p.asOf(today);
			paces.put(g.id(), g.metric() == null ? GoalPacing.manual(p.startsOn(), g.dueOn(), g.progress(), asOf)
					: GoalPacing.measured(g.metric(), g.comparison(), g.target(), g.grain(), p.startsOn(), g.dueOn(),
							figures.get(g.id()), asOf));
		}
		return paces;
	}

	private String where(DataScope scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ").append(scope.sql(COLUMNS, params));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(p.title) LIKE :q OR LOWER(p.reason) LIKE :q)");
			params.put("q", io.rumbo.shared.sql.Like.containing(filter.q()));
		}
		if (filter.status() != null) {
			where.append(" AND p.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.staffId() != null) {
			where.append(" AND p.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		return where.toString();
	}

	private List<PlanRec> plans(String whereOrderLimit, Map<String, Object> params) {
		return jdbc.sql("SELECT p.* FROM improvement_plan p" + whereOrderLimit).params(params).query(this::plan).list();
	}

	private PlanRec plan(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		return new PlanRec(rs.getLong("id"), rs.getLong("version"), rs.getLong("staff_id"), rs.getLong("unit_id"),
				rs.getString("title"), rs.getString("reason"), PlanStatus.valueOf(rs.getString("status")),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getInt("check_in_every_days"), rs.getObject("last_check_in_on", LocalDate.class),
				rs.getString("opened_by"), rs.getObject("opened_on", LocalDate.class),
				rs.getObject("activated_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
				outcome == null ? null : PlanOutcome.valueOf(outcome), rs.getString("outcome_reason"),
				rs.getInt("extensions"), rs.getObject("source_scorecard_id", Long.class));
	}

	private List<GoalRec> goals(List<Long> planIds) {
		if (planIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM improvement_goal WHERE plan_id IN (:plans) ORDER BY plan_id, position")
			.param("plans", planIds)
			.query((rs, n) -> {
				String metric = rs.getString("metric");
				String comparison = rs.getString("comparison");
				String grain = rs.getString("grain");
				return new GoalRec(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("name"),
						metric == null ? null : Metric.valueOf(metric),
						comparison == null ? null : Comparison.valueOf(comparison), rs.getBigDecimal("target"),
						grain == null ? null : Grain.valueOf(grain), rs.getObject("due_on", LocalDate.class),
						rs.getBigDecimal("progress"));
			})
			.list();
	}
}
