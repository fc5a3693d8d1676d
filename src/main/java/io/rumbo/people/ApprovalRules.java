package io.rumbo.people;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who approves the requisitions of a unit (decision 0040): the rule of the unit, else of its nearest ancestor with one,
 * else the company's default, the sales director. A rule names a director, the manager of the unit above the
 * requisition's unit (a director when there is no such unit or it has no manager), or PEOPLE, and optionally a budgeted
 * cost above which a director approves whatever the rule says. Nobody approves their own requisition: when the approver
 * the rule names would be the requester (the manager above raising for a child team, a PEOPLE user under a PEOPLE
 * rule), a director approves, and the requester never decides it. Directors and administrators set the rules (PEOPLE
 * and managers read them, managers only their units'); every change is audited. The rule is read when the approval is asked for, so a change applies to requisitions
 * already submitted.
 */
@Service
public class ApprovalRules {

	static final String AUDIT = "PEOPLE_APPROVAL_RULE";

	@Schema(name = "PeopleApprovalRule")
	public record RuleView(long unitId, String unitName, RequisitionApprover approver,
			@Nullable BigDecimal directorAbove, String setBy, LocalDate setOn, long version) {
	}

	/**
	 * Who must approve one requisition: the approver kind, the person when it is the manager of the unit above, the
	 * unit whose rule applied (null: the company's default), and whether the budgeted cost put it above the rule's
	 * threshold; {@code requesterExcluded} when the rule named the requester and a director approves instead.
	 */
	@Schema(name = "PeopleRequisitionApproval")
	public record Due(RequisitionApprover approver, @Nullable Long staffId, @Nullable String staffName,
			@Nullable Long ruleUnitId, @Nullable String ruleUnitName, boolean aboveThreshold,
			boolean requesterExcluded) {

		Due(RequisitionApprover approver, @Nullable Long staffId, @Nullable String staffName,
				@Nullable Long ruleUnitId, @Nullable String ruleUnitName, boolean aboveThreshold) {
			this(approver, staffId, staffName, ruleUnitId, ruleUnitName, aboveThreshold, false);
		}

		private Due toDirector() {
			return new Due(RequisitionApprover.DIRECTOR, null, null, ruleUnitId, ruleUnitName, aboveThreshold, true);
		}
	}

	public record RuleDetails(@Nullable RequisitionApprover approver, @Nullable BigDecimal directorAbove) {
	}

	private final JdbcClient jdbc;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final Clock clock;
	private final UserManagement users;

	ApprovalRules(JdbcClient jdbc, OrgDirectory org, DataScopes scopes, AuditTrail audit, Clock clock,
			UserManagement users) {
		this.jdbc = jdbc;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
		this.users = users;
	}

	/**
	 * Who sets the rules: directors and administrators. Not PEOPLE, who could otherwise name themselves the approver
	 * of the requisitions they raise.
	 */
	public static boolean mayManage(CurrentUser actor) {
		return actor.hasAny(Role.DIRECTOR, Role.ADMIN);
	}

	/** Who reads the rules: those who set them, PEOPLE, and managers (their units' rules only). */
	public static boolean mayRead(CurrentUser actor) {
		return mayManage(actor) || actor.hasAny(Role.PEOPLE, Role.MANAGER);
	}

	/** The sort keys of {@link #list}: the unit (by id, the order units were created in). */
	public static final Map<String, String> SORTS = Map.of("unit", "unit_id");

	/**
	 * The rules the reader may see, a page of them, filtered and paged in SQL: every rule for PEOPLE, directors and
	 * administrators, the rules of the units they manage for managers (403 for others).
	 */
	@Transactional(readOnly = true)
	public PageResponse<RuleView> list(CurrentUser actor, ListQuery query) {
		if (!mayRead(actor)) {
			throw new AccessRefusedException("approvalRules");
		}
		Map<String, Object> params = new HashMap<>();
		String scope = actor.hasAny(Role.PEOPLE, Role.DIRECTOR, Role.ADMIN) ? "TRUE"
				: scopes.of(actor).sql(new DataScope.Columns(List.of("unit_id"), List.of(), List.of()), params);
		long total = jdbc.sql("SELECT COUNT(*) FROM people_approval_rule WHERE " + scope).params(params)
			.query(Long.class).single();
		List<RuleView> rules = jdbc.sql("SELECT * FROM people_approval_rule WHERE " + scope + query.orderBy("unit_id")
				+ query.limit()).params(params).query(this::row).list();
		Map<Long, String> names = org.unitNames(rules.stream().map(RuleView::unitId).toList());
		return PageResponse.of(rules.stream()
			.map(r -> new RuleView(r.unitId(), names.getOrDefault(r.unitId(), "#" + r.unitId()), r.approver(),
					r.directorAbove(), r.setBy(), r.setOn(), r.version()))
			.toList(), query, total);
	}

	/** Sets a unit's rule (a new one with no version, a change with the version read: 409 when stale). */
	@Transactional
	public RuleView set(CurrentUser actor, long unitId, @Nullable Long version, RuleDetails details) {
		if (!mayManage(actor)) {
			throw new AccessRefusedException("approvalRules");
		}
		List<FieldError> errors = new ArrayList<>();
		if (!org.isActiveUnit(unitId)) {
			errors.add(new FieldError("unitId", "people.approvalRule.unit.unknown"));
		}
		if (details.approver() == null) {
			errors.add(new FieldError("approver", "shared.validation.required"));
		}
		BigDecimal threshold = details.directorAbove();
		if (threshold != null && (threshold.signum() < 0 || threshold.scale() > 2
				|| threshold.compareTo(Requisitions.MAX_COST) > 0)) {
			errors.add(new FieldError("directorAbove", "people.requisition.cost.range"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		Optional<RuleView> current = find(unitId);
		LocalDate today = LocalDate.now(clock);
		if (current.isEmpty()) {
			// Named before the insert: after a refused insert PostgreSQL reads nothing more in this transaction.
			String unitName = org.unitNames(List.of(unitId)).getOrDefault(unitId, "#" + unitId);
			try {
				jdbc.sql("INSERT INTO people_approval_rule (unit_id, approver, director_above, set_by, set_on, "
						+ "version) VALUES (:unit, :approver, :above, :by, :on, 0)").param("unit", unitId)
					.param("approver", details.approver().name()).param("above", threshold)
					.param("by", actor.username()).param("on", today).update();
			}
			catch (DuplicateKeyException ex) {
				// Someone else created the unit's rule since it was read: theirs stands, read it and change it.
				throw new ConflictException("people.approvalRule.exists", unitName);
			}
		}
		else {
			if (version == null || version != current.get().version()) {
				throw new StaleVersionException(version == null ? -1 : version, current.get());
			}
			int changed = jdbc.sql("UPDATE people_approval_rule SET approver = :approver, director_above = :above, "
					+ "set_by = :by, set_on = :on, version = version + 1 WHERE unit_id = :unit AND version = :v")
				.param("approver", details.approver().name()).param("above", threshold)
				.param("by", actor.username()).param("on", today).param("unit", unitId).param("v", version)
				.update();
			if (changed == 0) {
				throw new StaleVersionException(version, find(unitId).orElseThrow());
			}
		}
		RuleView saved = find(unitId).orElseThrow();
		audit.record(AUDIT, unitId, current.isEmpty() ? "CREATE" : "UPDATE", current.map(ApprovalRules::state)
			.orElse(null), state(saved), saved.unitName());
		return saved;
	}

	/** Removes a unit's rule: its nearest ancestor's (or the company's default) applies again. */
	@Transactional
	public void remove(CurrentUser actor, long unitId) {
		if (!mayManage(actor)) {
			throw new AccessRefusedException("approvalRules");
		}
		RuleView current = find(unitId).orElseThrow(() -> new NotFoundException("approvalRule", unitId));
		jdbc.sql("DELETE FROM people_approval_rule WHERE unit_id = :unit").param("unit", unitId).update();
		audit.record(AUDIT, unitId, "DELETE", state(current), null, current.unitName());
	}

	/** Who must approve a requisition of this unit with this budgeted cost. */
	@Transactional(readOnly = true)
	public Due due(long unitId, @Nullable BigDecimal budgetedCost) {
		Map<Long, Long> parents = new HashMap<>();
		org.unitTree().forEach(u -> parents.put(u.id(), u.parentId()));
		Map<Long, RuleView> rules = new HashMap<>();
		jdbc.sql("SELECT * FROM people_approval_rule").query(this::row).list().forEach(r -> rules.put(r.unitId(), r));
		RuleView rule = null;
		Long at = unitId;
		for (int depth = 0; at != null && depth < 100 && rule == null; depth++) {
			rule = rules.get(at);
			at = parents.get(at);
		}
		if (rule == null) {
			return new Due(RequisitionApprover.DIRECTOR, null, null, null, null, false);
		}
		String ruleUnit = org.unitNames(List.of(rule.unitId())).get(rule.unitId());
		boolean above = rule.directorAbove() != null && budgetedCost != null
				&& budgetedCost.compareTo(rule.directorAbove()) > 0;
		if (above || rule.approver() == RequisitionApprover.DIRECTOR) {
			return new Due(RequisitionApprover.DIRECTOR, null, null, rule.unitId(), ruleUnit, above);
		}
		if (rule.approver() == RequisitionApprover.PEOPLE) {
			return new Due(RequisitionApprover.PEOPLE, null, null, rule.unitId(), ruleUnit, false);
		}
		Long upper = parents.get(unitId);
		Optional<StaffId> manager = upper == null ? Optional.empty() : org.managerOf(UnitId.of(upper));
		if (manager.isEmpty()) {
			// No unit above, or nobody leads it: the company's default decides.
			return new Due(RequisitionApprover.DIRECTOR, null, null, rule.unitId(), ruleUnit, false);
		}
		long staff = manager.get().value();
		return new Due(RequisitionApprover.UPPER_MANAGER, staff, org.staffNames(List.of(staff)).get(staff),
				rule.unitId(), ruleUnit, false);
	}

	/**
	 * Who must approve a requisition of this unit with this budgeted cost raised by {@code requestedBy}: as
	 * {@link #due(long, BigDecimal)}, but a director when the approver named would be the requester.
	 */
	@Transactional(readOnly = true)
	public Due due(long unitId, @Nullable BigDecimal budgetedCost, String requestedBy) {
		Due due = due(unitId, budgetedCost);
		return switch (due.approver()) {
			case DIRECTOR -> due;
			case PEOPLE -> users.actAs(requestedBy).map(u -> u.has(Role.PEOPLE)).orElse(false) ? due.toDirector() : due;
			case UPPER_MANAGER -> users.actAs(requestedBy).flatMap(scopes::staffIdOf)
				.map(own -> due.staffId() != null && own.longValue() == due.staffId()).orElse(false)
						? due.toDirector() : due;
		};
	}

	/**
	 * Whether the user approves a requisition raised by {@code requestedBy}: who {@link #due} names (a director, PEOPLE,
	 * or that very manager), and never the requester.
	 */
	@Transactional(readOnly = true)
	public boolean mayDecide(CurrentUser actor, Due due, String requestedBy) {
		return !actor.username().equalsIgnoreCase(requestedBy) && mayDecide(actor, due);
	}

	/** Whether the user is who must approve: a director, PEOPLE, or that very manager, as {@link #due} says. */
	@Transactional(readOnly = true)
	public boolean mayDecide(CurrentUser actor, Due due) {
		return switch (due.approver()) {
			case DIRECTOR -> actor.has(Role.DIRECTOR);
			case PEOPLE -> actor.has(Role.PEOPLE);
			case UPPER_MANAGER -> actor.has(Role.MANAGER) && due.staffId() != null
					&& scopes.staffIdOf(actor).map(own -> own.longValue() == due.staffId()).orElse(false);
		};
	}

	private Optional<RuleView> find(long unitId) {
		return jdbc.sql("SELECT * FROM people_approval_rule WHERE unit_id = :unit").param("unit", unitId)
			.query(this::row).optional()
			.map(r -> new RuleView(r.unitId(), org.unitNames(List.of(unitId)).getOrDefault(unitId, "#" + unitId),
					r.approver(), r.directorAbove(), r.setBy(), r.setOn(), r.version()));
	}

	private RuleView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		BigDecimal above = rs.getBigDecimal("director_above");
		return new RuleView(rs.getLong("unit_id"), "", RequisitionApprover.valueOf(rs.getString("approver")),
				above == null ? null : above.setScale(2, java.math.RoundingMode.HALF_UP), rs.getString("set_by"),
				rs.getObject("set_on", LocalDate.class), rs.getLong("version"));
	}

	private static Map<String, Object> state(RuleView rule) {
		Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("approver", rule.approver());
		state.put("directorAbove", rule.directorAbove());
		return state;
	}
}
