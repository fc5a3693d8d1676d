package io.rumbo.evaluation;

/**
 * An evaluation cycle is {@code OPEN} during its period (scorecards live), {@code IN_REVIEW} once the period is over
 * (the measured figures frozen; managers rate and write feedback), {@code CALIBRATED} when the scores are agreed, and
 * {@code CLOSED} when the results go to the people, who acknowledge them by a deadline.
 */
public enum CycleState {
	OPEN, IN_REVIEW, CALIBRATED, CLOSED
}
