package io.rumbo.improvement.domain;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.rumbo.identity.AuditTrail;
import io.rumbo.organization.StaffMoved;

/**
 * A person who moves takes their open plans along: the plans belong to the new unit from then on, so its managers
 * see and run them and the old unit's no longer do. Closed plans stay with the unit they ended in. Idempotent: a
 * redelivered move finds the plans already moved.
 */
@Component
class StaffMoves {

	private final JdbcClient jdbc;
	private final ImprovementPlanRepository plans;
	private final AuditTrail audit;

	StaffMoves(JdbcClient jdbc, ImprovementPlanRepository plans, AuditTrail audit) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(StaffMoved moved) {
		List<Long> open = jdbc.sql("""
				SELECT id FROM improvement_plan
				WHERE staff_id = :staff AND status NOT IN ('CLOSED', 'CANCELLED') AND unit_id <> :unit""")
			.param("staff", moved.staff().value())
			.param("unit", moved.to().value())
			.query(Long.class)
			.list();
		for (ImprovementPlan plan : plans.findAllById(open)) {
			var before = plan.auditState();
			plan.follow(moved.to().value());
			plans.saveAndFlush(plan);
			audit.record("IMPROVEMENT_PLAN", plan.id(), "FOLLOW_MOVE", before, plan.auditState(), plan.title());
		}
	}
}
