package io.rumbo.sales;

import java.time.LocalDate;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A done activity was edited and what it counts for changed: its type, its owner or the owner's unit (an edit
 * attributes it to the owner's unit of the day). Both states travel, so a listener takes the old one away. The day it
 * was done does not change once announced by {@link ActivityDone}; an edit that changes nothing counted announces
 * nothing, and a planned activity becoming done is {@link ActivityDone}.
 */
public record ActivityChanged(ActivityId activity, Facts before, Facts after) {

	/** What the activity measures read of a done activity. */
	public record Facts(ActivityType type, StaffId owner, UnitId unit, LocalDate doneOn) {
	}
}
