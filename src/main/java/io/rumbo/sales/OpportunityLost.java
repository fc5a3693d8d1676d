package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.customers.CustomerId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/** An opportunity reached a lost stage, with the reason its owner gave if any. */
public record OpportunityLost(OpportunityId opportunity, CustomerId customer, BigDecimal amount, StaffId owner,
		UnitId unit, LocalDate closedOn, @Nullable String lossReason) {
}
