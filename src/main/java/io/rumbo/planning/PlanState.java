package io.rumbo.planning;

/** The life of a plan version: drafted, submitted, approved by a director, active, closed when replaced. */
public enum PlanState {
	DRAFT, SUBMITTED, APPROVED, ACTIVE, CLOSED;

	public boolean editable() {
		return this == DRAFT;
	}
}
