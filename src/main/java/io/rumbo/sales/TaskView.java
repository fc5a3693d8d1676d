package io.rumbo.sales;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A task as lists and the API show it; {@code overdue} is open past its due date (as of the day it was read);
 * {@code link} the page where it is done, for tasks given by another module (a retrospective's form).
 */
public record TaskView(long id, long version, String title, @Nullable String description,
		@Nullable Long assigneeStaffId, @Nullable String assigneeName, long assigneeUnitId, @Nullable String unitName,
		boolean teamTask, @Nullable Long customerId, @Nullable String customerName, LocalDate dueOn, String assignedBy,
		LocalDate assignedOn, @Nullable LocalDate completedOn, @Nullable String completedBy, boolean overdue,
		@Nullable String link) {

	@JsonProperty("done")
	public boolean done() {
		return completedOn != null;
	}
}
