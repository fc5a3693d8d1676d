package io.rumbo.sales;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.domain.SalesTask;
import io.rumbo.sales.domain.SalesTaskRepository;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Tasks a manager gives to a person or a team of their subtree, with a due date and completion. A salesperson may
 * keep tasks for themselves. The assignee, any member of an assigned team, the author and the managers above
 * complete them; everyone sees the tasks given to them, to their team and, as a manager, to their subtree. A
 * completion is announced with {@link TaskCompleted}, so tasks done on time can be measured; a reopening with
 * {@link TaskReopened}, and an edit of a done task's assignee, unit or due date with {@link TaskChanged}.
 */
@Service
public class TaskManagement {

	public static final Map<String, String> SORTS = Map.of("dueOn", "t.due_on", "title", "t.title", "assignedOn",
			"t.assigned_on", "completedOn", "t.completed_on");

	public record Filter(@Nullable String q, @Nullable Long assigneeStaffId, @Nullable Long unitId,
			@Nullable Boolean open, boolean overdueOnly, @Nullable LocalDate dueFrom, @Nullable LocalDate dueTo) {

		public static Filter none() {
			return new Filter(null, null, null, null, false, null, null);
		}
	}

	/** A task belongs to its unit and its assignee; a team task also to the team's own members. */
	private static final DataScope.Columns TASK_COLUMNS = new DataScope.Columns(List.of("t.assignee_unit_id"),
			List.of("t.assignee_staff_id"), List.of("CASE WHEN t.team_task = TRUE THEN t.assignee_unit_id END"));

	/** Either a person ({@code assigneeStaffId}) or a team ({@code teamUnitId}); without both, the author. */
	public record TaskDetails(String title, @Nullable String description, @Nullable Long assigneeStaffId,
			@Nullable Long teamUnitId, @Nullable Long customerId, LocalDate dueOn) {
	}

	private final SalesTaskRepository tasks;
	private final CustomerManagement customerManagement;
	private final CustomerDirectory customers;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	private final io.rumbo.shared.export.ExportCursor cursor;

	TaskManagement(SalesTaskRepository tasks, CustomerManagement customerManagement, CustomerDirectory customers,
			OrgDirectory org, DataScopes scopes, AuditTrail audit, JdbcClient jdbc, Clock clock,
			ApplicationEventPublisher events, io.rumbo.shared.export.ExportCursor cursor) {
		this.events = events;
		this.cursor = cursor;
		this.tasks = tasks;
		this.customerManagement = customerManagement;
		this.customers = customers;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public static boolean mayAssign(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP);
	}

	/** Whether the user may give tasks to others (managers and company-wide roles) or only to themselves. */
	public static boolean assignsOthers(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	@Transactional(readOnly = true)
	public PageResponse<TaskView> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, scopes.of(actor), filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM sales_task t" + where).params(params).query(Long.class).single();
		return PageResponse.of(rows(where + query.orderBy("t.id") + query.limit(), params), query, total);
	}

	/** Every task the filter selects, one query with a fetch size, named a thousand at a time (for exports). */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, java.util.function.Consumer<TaskView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, scopes.of(actor), filter, params);
		cursor.each("SELECT t.* FROM sales_task t" + where + query.orderBy("t.id"), params, raw(LocalDate.now(clock)),
				this::named, sink);
	}

	@Transactional(readOnly = true)
	public TaskView get(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, scopes.of(actor), Filter.none(), params) + " AND t.id = :id";
		params.put("id", id);
		List<TaskView> found = rows(where, params);
		if (found.isEmpty()) {
			throw new NotFoundException("task", id);
		}
		return found.get(0);
	}

	@Transactional
	public TaskView create(CurrentUser actor, TaskDetails details) {
		if (!mayAssign(actor)) {
			throw new AccessRefusedException("tasks");
		}
		SalesTask task = new SalesTask(actor.username(), LocalDate.now(clock));
		describe(actor, task, details);
		tasks.saveAndFlush(task);
		audit.record("TASK", task.id(), "CREATE", null, task.auditState(), task.title());
		events.publishEvent(assigned(task, actor));
		return get(actor, task.id());
	}

	/**
	 * A task another module gives a person on their behalf (no one signed in: an event listener), due on the day,
	 * with the page where it is done; assigned by {@code assignedBy} (the module's name). Announced with
	 * {@link TaskAssigned} like any other. Answers the task's id.
	 */
	@Transactional
	public TaskId assignFor(StaffId assignee, String title, @Nullable String description, @Nullable Long customerId,
			LocalDate dueOn, String link, String assignedBy) {
		var staff = org.staff(assignee.value()).orElseThrow(() -> new NotFoundException("staff", assignee.value()));
		SalesTask task = new SalesTask(assignedBy, LocalDate.now(clock));
		task.describe(title, description, staff.id(), staff.unitId(), false, customerId, dueOn);
		task.linkTo(link);
		tasks.saveAndFlush(task);
		audit.record("TASK", task.id(), "CREATE", null, task.auditState(), task.title());
		events.publishEvent(new TaskAssigned(TaskId.of(task.id()), assignee, UnitId.of(staff.unitId()), false,
				task.title(), task.dueOn(), assignedBy));
		return TaskId.of(task.id());
	}

	@Transactional
	public TaskView update(CurrentUser actor, long id, long version, TaskDetails details) {
		TaskView current = get(actor, id);
		if (!mayEdit(actor, current)) {
			throw new AccessRefusedException("tasks");
		}
		SalesTask task = tasks.findById(id).orElseThrow(() -> new NotFoundException("task", id));
		if (task.version() != version) {
			throw new StaleVersionException(version, current);
		}
		var before = task.auditState();
		TaskChanged.Facts counted = task.completedOn() == null ? null : facts(task);
		Long assigneeBefore = task.assigneeStaffId();
		long unitBefore = task.assigneeUnitId();
		describe(actor, task, details);
		tasks.saveAndFlush(task);
		audit.record("TASK", id, "UPDATE", before, task.auditState(), task.title());
		if (task.completedOn() == null && (!java.util.Objects.equals(assigneeBefore, task.assigneeStaffId())
				|| unitBefore != task.assigneeUnitId() && task.teamTask())) {
			events.publishEvent(assigned(task, actor));
		}
		if (counted != null && !counted.equals(facts(task))) {
			events.publishEvent(new TaskChanged(TaskId.of(id), counted, facts(task)));
		}
		return get(actor, id);
	}

	/** Marks the task done today (or takes the mark away); completing a done task or reopening an open one is 409. */
	@Transactional
	public TaskView complete(CurrentUser actor, long id, boolean done) {
		TaskView current = get(actor, id);
		if (!mayComplete(actor, current)) {
			throw new AccessRefusedException("tasks");
		}
		SalesTask task = tasks.findById(id).orElseThrow(() -> new NotFoundException("task", id));
		var before = task.auditState();
		LocalDate today = LocalDate.now(clock);
		LocalDate wasCompletedOn = task.completedOn();
		if (done) {
			task.complete(actor.username(), today);
		}
		else {
			task.reopen();
		}
		tasks.saveAndFlush(task);
		audit.record("TASK", id, done ? "COMPLETE" : "REOPEN", before, task.auditState(), task.title());
		if (done) {
			events.publishEvent(new TaskCompleted(TaskId.of(id),
					task.assigneeStaffId() == null ? null : StaffId.of(task.assigneeStaffId()),
					UnitId.of(task.assigneeUnitId()), task.teamTask(), task.dueOn(), today, actor.username()));
		}
		else {
			events.publishEvent(new TaskReopened(TaskId.of(id),
					task.assigneeStaffId() == null ? null : StaffId.of(task.assigneeStaffId()),
					UnitId.of(task.assigneeUnitId()), java.util.Objects.requireNonNull(wasCompletedOn), today));
		}
		return get(actor, id);
	}

	private static TaskChanged.Facts facts(SalesTask task) {
		return new TaskChanged.Facts(task.assigneeStaffId() == null ? null : StaffId.of(task.assigneeStaffId()),
				UnitId.of(task.assigneeUnitId()), task.dueOn(), java.util.Objects.requireNonNull(task.completedOn()));
	}

	public boolean mayEdit(CurrentUser actor, TaskView task) {
		DataScope scope = scopes.of(actor);
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR) || task.assignedBy().equals(actor.username())
				|| (actor.has(Role.MANAGER) && scope.managesUnit(task.assigneeUnitId()));
	}

	public boolean mayComplete(CurrentUser actor, TaskView task) {
		DataScope scope = scopes.of(actor);
		boolean assignee = task.assigneeStaffId() != null && task.assigneeStaffId().equals(scope.ownStaffId());
		boolean teamMember = task.teamTask() && Long.valueOf(task.assigneeUnitId()).equals(scope.ownUnitId());
		return mayAssign(actor) && (assignee || teamMember || mayEdit(actor, task));
	}

	private static TaskAssigned assigned(SalesTask task, CurrentUser actor) {
		return new TaskAssigned(TaskId.of(task.id()),
				task.assigneeStaffId() == null ? null : StaffId.of(task.assigneeStaffId()), UnitId.of(task.assigneeUnitId()),
				task.teamTask(), task.title(), task.dueOn(), actor.username());
	}

	private void describe(CurrentUser actor, SalesTask task, TaskDetails d) {
		List<FieldError> errors = new ArrayList<>();
		DataScope scope = scopes.of(actor);
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		if (d.title() == null || d.title().isBlank()) {
			errors.add(new FieldError("title", "sales.task.title.required"));
		}
		if (d.assigneeStaffId() != null && d.teamUnitId() != null) {
			errors.add(new FieldError("assigneeStaffId", "sales.task.assignee.both"));
		}
		Long person = d.assigneeStaffId();
		Long unit = null;
		boolean team = d.teamUnitId() != null && person == null;
		if (team) {
			unit = d.teamUnitId();
			if (!org.isActiveUnit(unit) || !(companyWide || (actor.has(Role.MANAGER) && scope.managesUnit(unit)))) {
				errors.add(new FieldError("teamUnitId", "sales.task.team.outOfScope"));
			}
		}
		else {
			if (person == null) {
				person = scope.ownStaffId();
			}
			var staff = person == null ? java.util.Optional.<OrgDirectory.StaffSummary>empty() : org.staff(person);
			if (staff.isEmpty() || !staff.get().active()) {
				errors.add(new FieldError("assigneeStaffId", "sales.task.assignee.unknown"));
			}
			else {
				unit = staff.get().unitId();
				boolean self = person.equals(scope.ownStaffId());
				if (!self && !(companyWide || (actor.has(Role.MANAGER) && scope.managesUnit(unit)))) {
					errors.add(new FieldError("assigneeStaffId", "sales.task.assignee.outOfScope"));
				}
			}
		}
		if (d.customerId() != null && (customers.find(d.customerId()).isEmpty()
				|| (!companyWide && !customerManagement.isVisible(actor, d.customerId())))) {
			errors.add(new FieldError("customerId", "sales.order.customer.unknown"));
		}
		if (d.dueOn() == null) {
			errors.add(new FieldError("dueOn", "shared.validation.required"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		task.describe(d.title().trim(), d.description() == null || d.description().isBlank() ? null
				: d.description().trim(), person, unit, team, d.customerId(), d.dueOn());
	}

	private List<TaskView> rows(String whereOrderLimit, Map<String, Object> params) {
		return named(jdbc.sql("SELECT t.* FROM sales_task t" + whereOrderLimit)
			.params(params)
			.query(raw(LocalDate.now(clock)))
			.list());
	}

	private static org.springframework.jdbc.core.RowMapper<TaskView> raw(LocalDate today) {
		return (rs, n) -> {
			LocalDate due = rs.getObject("due_on", LocalDate.class);
			LocalDate completed = rs.getObject("completed_on", LocalDate.class);
			return new TaskView(rs.getLong("id"), rs.getLong("version"), rs.getString("title"),
					rs.getString("description"), (Long) rs.getObject("assignee_staff_id", Long.class), null,
					rs.getLong("assignee_unit_id"), null, rs.getBoolean("team_task"),
					(Long) rs.getObject("customer_id", Long.class), null, due, rs.getString("assigned_by"),
					rs.getObject("assigned_on", LocalDate.class), completed, rs.getString("completed_by"),
					completed == null && due.isBefore(today), rs.getString("link"));
		};
	}

	/** The rows with the names of people, units and customers, in three queries for the whole list. */
	private List<TaskView> named(List<TaskView> raw) {
		Set<Long> staff = new HashSet<>();
		Set<Long> units = new HashSet<>();
		Set<Long> accounts = new HashSet<>();
		raw.forEach(t -> {
			if (t.assigneeStaffId() != null) {
				staff.add(t.assigneeStaffId());
			}
			units.add(t.assigneeUnitId());
			if (t.customerId() != null) {
				accounts.add(t.customerId());
			}
		});
		Map<Long, String> staffNames = org.staffNames(staff);
		Map<Long, String> unitNames = org.unitNames(units);
		Map<Long, String> customerNames = customers.names(accounts);
		return raw.stream()
			.map(t -> new TaskView(t.id(), t.version(), t.title(), t.description(), t.assigneeStaffId(),
					t.assigneeStaffId() == null ? null : staffNames.get(t.assigneeStaffId()), t.assigneeUnitId(),
					unitNames.get(t.assigneeUnitId()), t.teamTask(), t.customerId(),
					t.customerId() == null ? null : customerNames.get(t.customerId()), t.dueOn(), t.assignedBy(),
					t.assignedOn(), t.completedOn(), t.completedBy(), t.overdue(), t.link()))
			.toList();
	}

	private String where(CurrentUser actor, DataScope scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (!scope.all()) {
			// Besides the scope, everyone sees the tasks they gave; a team task is seen by the team's members.
			where.append(" AND (t.assigned_by = :me OR ").append(scope.sql(TASK_COLUMNS, params)).append(')');
			params.put("me", actor.username());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND LOWER(t.title) LIKE :q");
			params.put("q", io.rumbo.shared.sql.Like.containing(filter.q()));
		}
		if (filter.assigneeStaffId() != null) {
			where.append(" AND t.assignee_staff_id = :assignee");
			params.put("assignee", filter.assigneeStaffId());
		}
		if (filter.unitId() != null) {
			where.append(" AND t.assignee_unit_id IN (:units)");
			Set<Long> subtree = org.subtree(filter.unitId());
			params.put("units", subtree.isEmpty() ? List.of(-1L) : subtree);
		}
		if (filter.open() != null) {
			where.append(filter.open() ? " AND t.completed_on IS NULL" : " AND t.completed_on IS NOT NULL");
		}
		if (filter.overdueOnly()) {
			where.append(" AND t.completed_on IS NULL AND t.due_on < :today");
			params.put("today", LocalDate.now(clock));
		}
		if (filter.dueFrom() != null) {
			where.append(" AND t.due_on >= :dueFrom");
			params.put("dueFrom", filter.dueFrom());
		}
		if (filter.dueTo() != null) {
			where.append(" AND t.due_on <= :dueTo");
			params.put("dueTo", filter.dueTo());
		}
		return where.toString();
	}
}
