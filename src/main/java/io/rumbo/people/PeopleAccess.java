package io.rumbo.people;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;

/**
 * Who may do what in the people module: PEOPLE (and ADMIN) run it; a manager (and the director, over the whole
 * company) enrols the people of their subtree; everyone enrols themselves; reading follows the data scope.
 */
public final class PeopleAccess {

	private PeopleAccess() {
	}

	/** Keeps the catalogue, requirements, people's qualifications, programmes and sessions; records completions. */
	public static boolean mayManage(CurrentUser actor) {
		return actor.hasAny(Role.PEOPLE, Role.ADMIN);
	}

	/** Enrols others (within their scope: PEOPLE and the director everyone, a manager their subtree). */
	public static boolean mayEnrolOthers(CurrentUser actor) {
		return actor.hasAny(Role.PEOPLE, Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	/** Reads the gap report of more than themselves. */
	public static boolean seesTeams(CurrentUser actor) {
		return actor.hasAny(Role.PEOPLE, Role.ADMIN, Role.DIRECTOR, Role.VIEWER, Role.MANAGER);
	}
}
