package io.rumbo.customers.imports;

import org.jspecify.annotations.Nullable;

import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;

/**
 * {@link CustomerManagement#mayEdit} with the importer's scope worked out once per file instead of once per row:
 * directors and administrators edit every account, a manager those of their subtree, an owner their own.
 */
record EditRights(CurrentUser actor, DataScope scope) {

	boolean mayEdit(@Nullable Long ownerStaffId, long unitId) {
		if (actor.hasAny(Role.ADMIN, Role.DIRECTOR)) {
			return true;
		}
		if (actor.has(Role.MANAGER) && scope.managesUnit(unitId)) {
			return true;
		}
		return actor.hasAny(Role.REP, Role.MANAGER) && ownerStaffId != null && ownerStaffId.equals(scope.ownStaffId());
	}
}
