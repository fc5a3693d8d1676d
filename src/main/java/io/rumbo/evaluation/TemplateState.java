package io.rumbo.evaluation;

/**
 * A template version is a {@code DRAFT} while it is prepared, {@code PUBLISHED} once the population may read it (from
 * then on it never changes; a new version replaces it from a later period), {@code SUPERSEDED} when a newer version
 * of the same template is published.
 */
public enum TemplateState {
	DRAFT, PUBLISHED, SUPERSEDED
}
