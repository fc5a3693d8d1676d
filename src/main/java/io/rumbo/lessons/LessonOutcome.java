package io.rumbo.lessons;

/** Whether what the lesson tells about worked, failed, or a bit of both. */
public enum LessonOutcome {
	WORKED, FAILED, MIXED
}
