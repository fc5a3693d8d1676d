package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An account's owner and unit from {@code validFrom} (inclusive) to {@code validTo} (exclusive; open when null). */
public record OwnershipPeriod(@Nullable Long ownerStaffId, long unitId, LocalDate validFrom, @Nullable LocalDate validTo) {
}
