package io.rumbo.sales;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A completed task was edited and what it counts for changed: its assignee (a person, or the team), the unit, or its
 * due date (whether it was done on time). Both states travel, so a listener takes the old one away. Completing and
 * reopening are {@link TaskCompleted} and {@link TaskReopened}; an edit of an open task announces nothing.
 */
public record TaskChanged(TaskId task, Facts before, Facts after) {

	/** What the task measures read of a completed task; a team task has no assignee person. */
	public record Facts(@Nullable StaffId assignee, UnitId unit, LocalDate dueOn, LocalDate completedOn) {
	}
}
