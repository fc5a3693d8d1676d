package io.rumbo.identity;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in user as every module sees them: controllers take it as a method parameter and pass it to
 * facades, which decide on roles and data scope. Serializable because sessions are stored in the database.
 */
public record CurrentUser(UserId id, String username, String displayName, Set<Role> roles) implements Serializable {

	public CurrentUser {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... candidates) {
		for (Role role : candidates) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/** A user who may see everything in the company (data scope "all"). */
	public boolean seesEverything() {
		return hasAny(Role.ADMIN, Role.DIRECTOR, Role.VIEWER, Role.PEOPLE, Role.FINANCE);
	}
}
