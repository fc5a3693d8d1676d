package io.rumbo.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Strategies under a plan: what they aim at (a segment, a product line, a unit), what they are expected to bring and
 * when, the initiatives that carry them out, and what they actually brought: the booked orders tagged with them
 * (tagging is done on orders and opportunities in the sales module). Directors and administrators define strategies;
 * an initiative's owner or a manager may move its status.
 */
@Service
public class StrategyManagement {

	public record StrategyDetails(long planId, String name, @Nullable String description, @Nullable Long ownerStaffId,
			@Nullable Long segmentId, @Nullable Long lineId, @Nullable Long unitId, @Nullable BigDecimal expectedRevenue,
			@Nullable BigDecimal expectedMargin, LocalDate startsOn, LocalDate endsOn) {
	}

	public record InitiativeView(long id, long version, String title, @Nullable Long ownerStaffId,
			@Nullable String ownerName, @Nullable LocalDate dueOn, InitiativeStatus status,
			@Nullable LocalDate completedOn) {

		/** Done after its due date (an initiative done without a recorded day, before it was kept, is not late). */
		public boolean doneLate() {
			return status == InitiativeStatus.DONE && dueOn != null && completedOn != null && completedOn.isAfter(dueOn);
		}
	}

	public record StrategyView(long id, long version, long planId, String name, @Nullable String description,
			@Nullable Long ownerStaffId, @Nullable String ownerName, @Nullable Long segmentId, @Nullable Long lineId,
			@Nullable Long unitId, @Nullable BigDecimal expectedRevenue, @Nullable BigDecimal expectedMargin,
			LocalDate startsOn, LocalDate endsOn, BigDecimal actualRevenue, BigDecimal actualMargin, long taggedOrders,
			long taggedOpportunities, List<InitiativeView> initiatives) {
	}

	private final JdbcClient jdbc;
	private final OrgDirectory org;
	private final ObjectProvider<SalesHistory> sales;
	private final AuditTrail audit;
	private final io.rumbo.organization.DataScopes scopes;
	private final Clock clock;

	StrategyManagement(JdbcClient jdbc, OrgDirectory org, ObjectProvider<SalesHistory> sales, AuditTrail audit,
			io.rumbo.organization.DataScopes scopes, Clock clock) {
		this.scopes = scopes;
		this.clock = clock;
		this.jdbc = jdbc;
		this.org = org;
		this.sales = sales;
		this.audit = audit;
	}

	public static boolean mayDefine(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	/** Whether a strategy exists (the sales module checks tags with it). */
	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM planning_strategy WHERE id = :id").param("id", id).query(Long.class)
			.single() > 0;
	}

	/** Sort keys of the strategy list. */
	public static final Map<String, String> SORTS = Map.of("startsOn", "starts_on", "name", "name", "endsOn", "ends_on");

	/** Every strategy (of a plan when given), by start date. */
	@Transactional(readOnly = true)
	public List<StrategyView> list(@Nullable Long planId) {
		return rows(planId, ListQuery.of(0, 1, null, SORTS, "startsOn").unpaged());
	}

	/** A page of strategies (of a plan when given), sorted by {@link #SORTS} keys. */
	@Transactional(readOnly = true)
	public PageResponse<StrategyView> page(@Nullable Long planId, ListQuery query) {
		long total = jdbc.sql("SELECT COUNT(*) FROM planning_strategy" + (planId == null ? "" : " WHERE plan_id = :plan"))
			.params(planId == null ? Map.of() : Map.of("plan", planId))
			.query(Long.class)
			.single();
		return PageResponse.of(rows(planId, query), query, total);
	}

	private List<StrategyView> rows(@Nullable Long planId, ListQuery query) {
		record Row(long id, long version, long planId, String name, @Nullable String description, @Nullable Long owner,
				@Nullable Long segment, @Nullable Long line, @Nullable Long unit, @Nullable BigDecimal revenue,
				@Nullable BigDecimal margin, LocalDate starts, LocalDate ends) {
		}
		List<Row> rows = jdbc.sql("SELECT * FROM planning_strategy" + (planId == null ? "" : " WHERE plan_id = :plan")
				+ query.orderBy("id") + query.limit())
			.params(planId == null ? Map.of() : Map.of("plan", planId))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("version"), rs.getLong("plan_id"), rs.getString("name"),
					rs.getString("description"), (Long) rs.getObject("owner_staff_id", Long.class),
					(Long) rs.getObject("segment_id", Long.class), (Long) rs.getObject("line_id", Long.class),
					(Long) rs.getObject("unit_id", Long.class), rs.getBigDecimal("expected_revenue"),
					rs.getBigDecimal("expected_margin"), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class)))
			.list();
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<InitiativeView>> initiatives = new HashMap<>();
		Map<Long, Long> initiativeOwners = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT * FROM planning_initiative WHERE strategy_id IN (:ids) ORDER BY due_on, id")
				.param("ids", ids)
				.query(rs -> {
					Long owner = (Long) rs.getObject("owner_staff_id", Long.class);
					long id = rs.getLong("id");
					if (owner != null) {
						initiativeOwners.put(id, owner);
					}
					initiatives.computeIfAbsent(rs.getLong("strategy_id"), k -> new java.util.ArrayList<>())
						.add(new InitiativeView(id, rs.getLong("version"), rs.getString("title"), owner, null,
								rs.getObject("due_on", LocalDate.class), InitiativeStatus.valueOf(rs.getString("status")),
								rs.getObject("completed_on", LocalDate.class)));
				});
		}
		java.util.Set<Long> people = rows.stream().map(Row::owner).filter(Objects::nonNull).collect(Collectors.toSet());
		people.addAll(initiativeOwners.values());
		Map<Long, String> names = org.staffNames(people);
		SalesHistory history = sales.getIfAvailable();
		Map<Long, SalesHistory.Contribution> contributions = history == null ? Map.of() : history.contributions(ids);
		return rows.stream().map(r -> {
			SalesHistory.Contribution c = contributions.get(r.id());
			List<InitiativeView> steps = initiatives.getOrDefault(r.id(), List.of()).stream()
				.map(i -> new InitiativeView(i.id(), i.version(), i.title(), i.ownerStaffId(),
						i.ownerStaffId() == null ? null : names.get(i.ownerStaffId()), i.dueOn(), i.status(),
						i.completedOn()))
				.toList();
			return new StrategyView(r.id(), r.version(), r.planId(), r.name(), r.description(), r.owner(),
					r.owner() == null ? null : names.get(r.owner()), r.segment(), r.line(), r.unit(), r.revenue(),
					r.margin(), r.starts(), r.ends(), c == null ? Amounts.money(BigDecimal.ZERO) : Amounts.money(c.revenue()),
					c == null ? Amounts.money(BigDecimal.ZERO) : Amounts.money(c.margin()), c == null ? 0 : c.orders(),
					c == null ? 0 : c.opportunities(), steps);
		}).toList();
	}

	@Transactional(readOnly = true)
	public StrategyView get(long id) {
		Long plan = jdbc.sql("SELECT plan_id FROM planning_strategy WHERE id = :id").param("id", id).query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("strategy", id));
		return list(plan).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public StrategyView create(CurrentUser actor, StrategyDetails d) {
		requireDefiner(actor);
		validate(d);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO planning_strategy (plan_id, name, description, owner_staff_id, segment_id, line_id, unit_id,
				  expected_revenue, expected_margin, starts_on, ends_on, version)
				VALUES (:plan, :name, :description, :owner, :segment, :line, :unit, :revenue, :margin, :starts, :ends, 0)""")
			.params(params(d))
			.update(key, "id");
		long id = key.getKey().longValue();
		audit.record("STRATEGY", id, "CREATE", null, Map.of("name", d.name(), "planId", d.planId()), d.name());
		return get(id);
	}

	@Transactional
	public StrategyView update(CurrentUser actor, long id, long version, StrategyDetails d) {
		requireDefiner(actor);
		StrategyView current = get(id);
		validate(d);
		int changed = jdbc.sql("""
				UPDATE planning_strategy SET plan_id = :plan, name = :name, description = :description,
				  owner_staff_id = :owner, segment_id = :segment, line_id = :line, unit_id = :unit,
				  expected_revenue = :revenue, expected_margin = :margin, starts_on = :starts, ends_on = :ends,
				  version = version + 1 WHERE id = :id AND version = :version""")
			.params(params(d))
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new StaleVersionException(version, current);
		}
		audit.record("STRATEGY", id, "UPDATE", Map.of("name", current.name()), Map.of("name", d.name()), d.name());
		return get(id);
	}

	@Transactional
	public StrategyView addInitiative(CurrentUser actor, long strategyId, String title, @Nullable Long ownerStaffId,
			@Nullable LocalDate dueOn) {
		requireDefiner(actor);
		get(strategyId);
		if (title == null || title.isBlank()) {
			throw ValidationFailedException.of("title", "planning.initiative.title.required");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO planning_initiative (strategy_id, title, owner_staff_id, due_on, status, version)
				VALUES (:s, :title, :owner, :due, 'PLANNED', 0)""")
			.param("s", strategyId)
			.param("title", title.trim())
			.param("owner", ownerStaffId)
			.param("due", dueOn)
			.update(key, "id");
		audit.record("INITIATIVE", key.getKey().longValue(), "CREATE", null, Map.of("title", title.trim()), title);
		return get(strategyId);
	}

	@Transactional
	public StrategyView moveInitiative(CurrentUser actor, long strategyId, long initiativeId, long version,
			InitiativeStatus status) {
		StrategyView strategy = get(strategyId);
		InitiativeView initiative = strategy.initiatives().stream().filter(i -> i.id() == initiativeId).findFirst()
			.orElseThrow(() -> new NotFoundException("initiative", initiativeId));
		var scope = scopes.of(actor);
		boolean owner = initiative.ownerStaffId() != null && initiative.ownerStaffId().equals(scope.ownStaffId());
		// A manager moves the initiatives of strategies aimed at a unit they manage, not company-wide or others'.
		boolean managesStrategy = actor.has(Role.MANAGER) && strategy.unitId() != null
				&& scope.managesUnit(strategy.unitId());
		if (!mayDefine(actor) && !managesStrategy && !owner) {
			throw new AccessRefusedException("strategies");
		}
		if (!initiative.status().mayMoveTo(status)) {
			throw new ConflictException("planning.initiative.wrongStatus", initiative.status().name(), status.name());
		}
		// The day it is done is kept (a review compares it with the due date); reopening forgets it.
		LocalDate completedOn = status == InitiativeStatus.DONE ? LocalDate.now(clock) : null;
		int changed = jdbc.sql("UPDATE planning_initiative SET status = :status, completed_on = :completedOn,"
				+ " version = version + 1 WHERE id = :id AND version = :version")
			.param("status", status.name())
			.param("completedOn", completedOn, java.sql.Types.DATE)
			.param("id", initiativeId)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new StaleVersionException(version, initiative);
		}
		audit.record("INITIATIVE", initiativeId, "STATUS", Map.of("status", initiative.status().name()),
				Map.of("status", status.name()), initiative.title());
		return get(strategyId);
	}

	private void requireDefiner(CurrentUser actor) {
		if (!mayDefine(actor)) {
			throw new AccessRefusedException("strategies");
		}
	}

	private void validate(StrategyDetails d) {
		List<ValidationFailedException.FieldError> errors = new java.util.ArrayList<>();
		if (d.name() == null || d.name().isBlank()) {
			errors.add(new ValidationFailedException.FieldError("name", "planning.strategy.name.required"));
		}
		if (jdbc.sql("SELECT COUNT(*) FROM planning_plan WHERE id = :id").param("id", d.planId()).query(Long.class)
			.single() == 0) {
			errors.add(new ValidationFailedException.FieldError("planId", "planning.strategy.plan.unknown"));
		}
		if (d.endsOn().isBefore(d.startsOn())) {
			errors.add(new ValidationFailedException.FieldError("endsOn", "planning.strategy.endsBeforeStart"));
		}
		if (d.segmentId() != null && jdbc.sql("SELECT COUNT(*) FROM planning_segment WHERE id = :id")
			.param("id", d.segmentId()).query(Long.class).single() == 0) {
			errors.add(new ValidationFailedException.FieldError("segmentId", "planning.strategy.segment.unknown"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	private static Map<String, Object> params(StrategyDetails d) {
		Map<String, Object> p = new HashMap<>();
		p.put("plan", d.planId());
		p.put("name", d.name().trim());
		p.put("description", d.description() == null || d.description().isBlank() ? null : d.description().trim());
		p.put("owner", d.ownerStaffId());
		p.put("segment", d.segmentId());
		p.put("line", d.lineId());
		p.put("unit", d.unitId());
		p.put("revenue", d.expectedRevenue());
		p.put("margin", d.expectedMargin());
		p.put("starts", d.startsOn());
		p.put("ends", d.endsOn());
		return p;
	}
}
