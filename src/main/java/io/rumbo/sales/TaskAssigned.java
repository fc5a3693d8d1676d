package io.rumbo.sales;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A task was given to a person or a team: created, or edited so that another person or team has it. Published in the
 * transaction of the change. {@code assignee} is absent for a team task ({@code unit} is the team);
 * {@code assignedBy} is the user name of who gave it (a person giving themselves a task is announced too).
 */
public record TaskAssigned(TaskId task, @Nullable StaffId assignee, UnitId unit, boolean teamTask, String title,
		LocalDate dueOn, String assignedBy) {
}
