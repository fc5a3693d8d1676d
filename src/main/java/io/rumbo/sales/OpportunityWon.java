package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.rumbo.customers.CustomerId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/** An opportunity reached a won stage; its order may be booked later ({@code OrderManagement}). */
public record OpportunityWon(OpportunityId opportunity, CustomerId customer, BigDecimal amount, StaffId owner,
		UnitId unit, LocalDate closedOn) {
}
