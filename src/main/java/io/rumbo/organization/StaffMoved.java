package io.rumbo.organization;

import java.time.LocalDate;

/** A person moved from one unit to another; results from {@code effectiveDate} on count for the new unit. */
public record StaffMoved(StaffId staff, UnitId from, UnitId to, LocalDate effectiveDate) {
}
