package io.rumbo.sales;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A planned or done activity with a customer. */
public record ActivityView(long id, long version, long customerId, @Nullable String customerName,
		@Nullable Long contactId, ActivityType type, long ownerStaffId, @Nullable String ownerName, LocalDate plannedOn,
		@Nullable LocalDate doneOn, @Nullable Integer durationMinutes, @Nullable String outcome, @Nullable String notes,
		@Nullable String nextStep) {

	public boolean done() {
		return doneOn != null;
	}
}
