package io.rumbo.improvement;

/** A plan is written as a draft, runs while active (check-ins, extensions) and ends closed with its outcome. */
public enum PlanStatus {
	DRAFT, ACTIVE, CLOSED
}
