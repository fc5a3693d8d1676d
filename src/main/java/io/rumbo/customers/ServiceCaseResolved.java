package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A service case was resolved, {@code resolutionDays} after it was opened, attributed as when it was opened. Also
 * published when a full edit corrects the dates or the attribution of a case already resolved: listeners keep the
 * latest per case.
 */
public record ServiceCaseResolved(ServiceCaseId serviceCase, CustomerId customer, @Nullable StaffId owner,
		UnitId unit, LocalDate openedOn, LocalDate resolvedOn, int resolutionDays) {
}
