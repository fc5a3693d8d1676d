package io.rumbo.organization;

/** A person's job in the sales organisation; positions plan headcount per unit and job role. */
public enum JobRole {
	SALES_DIRECTOR, REGIONAL_MANAGER, BRANCH_MANAGER, TEAM_LEADER, SALESPERSON, KEY_ACCOUNT_MANAGER, SALES_ASSISTANT,
	AGENT
}
