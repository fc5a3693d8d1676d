package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * An account changed hands (another owner, another unit, or both) from {@code effectiveDate}: results before that
 * date stay with the previous owner and unit. An owner is absent while nobody owns the account.
 */
public record CustomerOwnerChanged(CustomerId customer, @Nullable StaffId fromOwner, @Nullable StaffId toOwner,
		UnitId fromUnit, UnitId toUnit, LocalDate effectiveDate) {
}
