package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.rumbo.customers.CustomerId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * An opportunity entered the pipeline, in its first stage.
 *
 * @param unit the owner's unit when it was created
 * @param createdOn the business day it was created
 */
public record OpportunityCreated(OpportunityId opportunity, CustomerId customer, String stageCode, BigDecimal amount,
		LocalDate expectedClose, StaffId owner, UnitId unit, LocalDate createdOn) {
}
