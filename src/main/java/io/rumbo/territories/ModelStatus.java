package io.rumbo.territories;

/**
 * A model is edited as a draft, becomes active on its date (at once, or scheduled for a later date and activated by
 * the job that day), and is history once another model replaces it.
 */
public enum ModelStatus {
	DRAFT, ACTIVE, HISTORY, SCHEDULED
}
