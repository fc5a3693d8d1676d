package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/** A resolved case was opened again: its earlier resolution (on {@code wasResolvedOn}) no longer counts. */
public record ServiceCaseReopened(ServiceCaseId serviceCase, CustomerId customer, @Nullable StaffId owner,
		UnitId unit, LocalDate wasResolvedOn) {
}
