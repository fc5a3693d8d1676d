package io.rumbo.evaluation;

/**
 * A scorecard is {@code LIVE} while its cycle is open, {@code TO_REVIEW} once frozen, {@code REVIEWED} when the
 * manager has rated it and written the feedback, then {@code ACKNOWLEDGED} by the person or, when the deadline passes,
 * {@code NOT_ACKNOWLEDGED} (recorded as such; the result stands).
 */
public enum ScorecardState {
	LIVE, TO_REVIEW, REVIEWED, ACKNOWLEDGED, NOT_ACKNOWLEDGED
}
