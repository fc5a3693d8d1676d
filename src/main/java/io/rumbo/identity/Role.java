package io.rumbo.identity;

/** What a user may do. A user may hold several; what they may see is further limited by data scope. */
public enum Role {

	ADMIN, DIRECTOR, MANAGER, REP, PEOPLE, FINANCE, VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}
}
