package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A service case was resolved, {@code resolutionDays} after it was opened, attributed as when it was opened. A later
 * correction of a resolved case is {@link ServiceCaseResolutionChanged}, with the state before and after.
 */
public record ServiceCaseResolved(ServiceCaseId serviceCase, CustomerId customer, @Nullable StaffId owner,
		UnitId unit, LocalDate openedOn, LocalDate resolvedOn, int resolutionDays) {
}
