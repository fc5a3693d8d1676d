package io.rumbo.incentives;

/**
 * A director approved a version of a plan: from now on it is the version that applies to the plan's assignments
 * ({@code replaced}: the version it archived, absent for a plan's first version).
 */
public record IncentivePlanApproved(IncentivePlanId plan, String code, int number, int fiscalYear,
		@org.jspecify.annotations.Nullable IncentivePlanId replaced, String approvedBy) {
}
