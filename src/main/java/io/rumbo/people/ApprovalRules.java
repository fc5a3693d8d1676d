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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who approves the requisitions of a unit (decision 0040): the rule of the unit, else of its nearest ancestor with one,
 * else the company's default, the sales director. A rule names a director, the manager of the unit above the
 * requisition's unit (a director when there is no such unit or it has no manager), or PEOPLE, and optionally a budgeted
 * cost above which a director approves whatever the rule says. PEOPLE, directors and administrators set the rules;
 * every change is audited. The rule is read when the approval is asked for, so a change applies to requisitions
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
	 * threshold.
	 */
	@Schema(name = "PeopleRequisitionApproval")
	public record Due(RequisitionApprover approver, @Nullable Long staffId, @Nullable String staffName,
			@Nullable Long ruleUnitId, @Nullable String ruleUnitName, boolean aboveThreshold) {
	}

	public record RuleDetails(@Nullable RequisitionApprover approver, @Nullable BigDecimal directorAbove) {
	}

	private final JdbcClient jdbc;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final Clock clock;

	ApprovalRules(JdbcClient jdbc, OrgDirectory org, DataScopes scopes, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
	}

	/** Who sets the rules: PEOPLE, directors and administrators. */
	public static boolean mayManage(CurrentUser actor) {
		return actor.hasAny(Role.PEOPLE, Role.DIRECTOR, Role.ADMIN);
	}

	@Transactional(readOnly = true)
	public List<RuleView> list(CurrentUser actor) {
		if (!mayManage(actor) && !actor.has(Role.MANAGER)) {
			throw new AccessRefusedException("approvalRules");
		}
		List<RuleView> rules = jdbc.sql("SELECT * FROM people_approval_rule ORDER BY unit_id").query(this::row).list();
		Map<Long, String> names = org.unitNames(rules.stream().map(RuleView::unitId).toList());
		return rules.stream()
			.map(r -> new RuleView(r.unitId(), names.getOrDefault(r.unitId(), "#" + r.unitId()), r.approver(),
					r.directorAbove(), r.setBy(), r.setOn(), r.version()))
			.sorted(java.util.Comparator.comparing(RuleView::unitName))
			.toList();
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
			jdbc.sql("INSERT INTO people_approval_rule (unit_id, approver, director_above, set_by, set_on, version) "
					+ "VALUES (:unit, :approver, :above, :by, :on, 0)").param("unit", unitId)
				.param("approver", details.approver().name()).param("above", threshold)
				.param("by", actor.username()).param("on", today).update();
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
