package io.rumbo.lessons;

/**
 * A lesson as written ({@code DRAFT}: seen by its author and the managers above, edited by the author), promoted to a
 * success case shared with a scope ({@code SHARED}), or a success case taken back ({@code ARCHIVED}: read-only, no
 * longer shown to the scope). Nothing is deleted.
 */
public enum LessonStatus {
	DRAFT, SHARED, ARCHIVED
}
