package io.rumbo.planning;

/** How far an initiative of a strategy has come. */
public enum InitiativeStatus {
	PLANNED, IN_PROGRESS, DONE, CANCELLED
}
