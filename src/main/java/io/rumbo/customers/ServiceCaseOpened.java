package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A service case was opened on {@code openedOn}, attributed to the account's owner and unit on that day (no owner
 * when the account had none).
 */
public record ServiceCaseOpened(ServiceCaseId serviceCase, CustomerId customer, @Nullable StaffId owner, UnitId unit,
		LocalDate openedOn, CasePriority priority, CaseCategory category) {
}
