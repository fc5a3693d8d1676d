package io.rumbo.planning;

/** How far an initiative of a strategy has come. */
public enum InitiativeStatus {
	PLANNED, IN_PROGRESS, DONE, CANCELLED;

	/**
	 * Whether an initiative in this status may move to {@code next}: any move but to the status it already has, and
	 * a done initiative is not cancelled (it may be reopened).
	 */
	public boolean mayMoveTo(InitiativeStatus next) {
		return next != this && !(this == DONE && next == CANCELLED);
	}
}
