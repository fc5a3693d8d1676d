package io.rumbo.improvement;

/** The support the manager promises with a plan. */
public enum SupportKind {
	COACHING, SHADOWING, TRAINING, OTHER
}
