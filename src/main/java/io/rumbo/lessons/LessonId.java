package io.rumbo.lessons;

/** A lesson's (or success case's) identity, for other modules. */
public record LessonId(long value) {

	public static LessonId of(long value) {
		return new LessonId(value);
	}
}
