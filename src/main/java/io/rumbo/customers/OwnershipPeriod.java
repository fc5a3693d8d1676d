package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An account's owner and unit from {@code validFrom} (inclusive) to {@code validTo} (exclusive; open when null). */
public record OwnershipPeriod(@Nullable Long ownerStaffId, long unitId, LocalDate validFrom, @Nullable LocalDate validTo) {

	public io.rumbo.organization.@Nullable StaffId owner() {
		return ownerStaffId == null ? null : io.rumbo.organization.StaffId.of(ownerStaffId);
	}

	public io.rumbo.organization.UnitId unit() {
		return io.rumbo.organization.UnitId.of(unitId);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
	}

	/** The period of an account's history that holds a date, if the history reaches it. */
	public static java.util.Optional<OwnershipPeriod> on(java.util.List<OwnershipPeriod> history, LocalDate date) {
		return history.stream().filter(p -> p.contains(date)).findFirst();
	}
}
