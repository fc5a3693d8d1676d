package io.rumbo.territories;

/** A model is edited as a draft, becomes active on its date, and is history once another model replaces it. */
public enum ModelStatus {
	DRAFT, ACTIVE, HISTORY
}
