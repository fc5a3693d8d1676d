package io.rumbo.planning;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;

/**
 * Who may do what with plans: directors and administrators create plans and edit any cell of a draft; a manager
 * edits the cells of their subtree; directors and administrators submit the company-wide version; only a director
 * approves, returns and activates.
 */
public final class PlanPermissions {

	private PlanPermissions() {
	}

	public static boolean mayCreate(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	public static boolean mayApprove(CurrentUser actor) {
		return actor.has(Role.DIRECTOR);
	}

	/** A plan version covers the whole company: a manager edits their subtree's cells, but submitting is for those above. */
	public static boolean maySubmit(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	/** A draft's unit (and so its whole subtree) may be changed by company-wide roles or the manager of all of it. */
	static boolean mayEditUnit(CurrentUser actor, DataScope scope, PlanTree tree, long unitId) {
		if (mayCreate(actor)) {
			return true;
		}
		return actor.has(Role.MANAGER) && tree.subtree(unitId).stream().allMatch(scope::managesUnit);
	}
}
