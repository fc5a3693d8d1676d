package io.rumbo.sales;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A done task was reopened: the completion announced by {@link TaskCompleted} no longer counts, and a later
 * completion is announced again. Listeners keep the latest state per task.
 */
public record TaskReopened(TaskId task, @Nullable StaffId assignee, UnitId unit, LocalDate wasCompletedOn,
		LocalDate reopenedOn) {
}
