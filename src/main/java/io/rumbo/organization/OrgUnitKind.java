package io.rumbo.organization;

/** What an org unit is. Only the company sits at the root; agents and distributors are external partners. */
public enum OrgUnitKind {
	COMPANY, REGION, BRANCH, TEAM, BRANCH_OFFICE, AGENT, DISTRIBUTOR;

	public boolean isRoot() {
		return this == COMPANY;
	}
}
