package io.rumbo.improvement;

/**
 * A plan is written as a draft, runs while active (check-ins, extensions) and ends closed with its outcome, or
 * cancelled (a draft or an active plan, with the reason).
 */
public enum PlanStatus {
	DRAFT, ACTIVE, CLOSED, CANCELLED
}
