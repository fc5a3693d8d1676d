package io.rumbo.incentives;

/** Where a plan version stands: written as a draft, approved by a director (it applies), archived when replaced. */
public enum PlanState {
	DRAFT, APPROVED, ARCHIVED
}
