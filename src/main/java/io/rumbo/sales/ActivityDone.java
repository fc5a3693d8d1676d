package io.rumbo.sales;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.customers.CustomerId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * An activity was done: logged as done or a planned one marked done. Published once per activity, since a done
 * activity keeps the day it was done.
 *
 * @param unit the owner's unit when it was done
 */
public record ActivityDone(ActivityId activity, ActivityType type, @Nullable CustomerId customer, StaffId owner,
		UnitId unit, LocalDate doneOn) {
}
