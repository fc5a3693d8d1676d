package io.rumbo.sales;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A task was marked done. A team task has no assignee person: its {@code unit} is the team, and
 * {@code completedBy} names the user who completed it.
 */
public record TaskCompleted(TaskId task, @Nullable StaffId assignee, UnitId unit, boolean teamTask, LocalDate dueOn,
		LocalDate completedOn, String completedBy) {

	/** Done by its due date, the measure of "tasks done on time". */
	public boolean onTime() {
		return !completedOn.isAfter(dueOn);
	}
}
