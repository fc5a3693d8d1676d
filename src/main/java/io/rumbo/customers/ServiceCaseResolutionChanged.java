package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A resolved case was edited and stays resolved, but what its resolution counts for changed: the resolution date
 * (maybe to another month), the opened date (so the resolution days), or the account and with it the owner and unit
 * the case is attributed to. Both states travel, so a listener takes the old resolution away. Resolving and reopening
 * are {@link ServiceCaseResolved} and {@link ServiceCaseReopened}.
 */
public record ServiceCaseResolutionChanged(ServiceCaseId serviceCase, Resolution before, Resolution after) {

	/** A case's resolution as the after-sales measures count it; no owner while nobody owned the account. */
	public record Resolution(CustomerId customer, @Nullable StaffId owner, UnitId unit, LocalDate openedOn,
			LocalDate resolvedOn, int resolutionDays) {
	}
}
