package io.rumbo.improvement;

/** How a plan ends: its goals met, extended with a new deadline (the plan runs on), or not met. */
public enum PlanOutcome {
	MET, EXTENDED, NOT_MET
}
