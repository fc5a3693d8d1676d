package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.rumbo.customers.CustomerId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * An opportunity was edited (its details or its products) without moving its stage, and what it counts for changed:
 * its amount, its owner or the owner's unit, or its expected close date (for a won or lost one, the day it closed).
 * Both states travel, so a listener can take the old one away: the weighted pipeline of the old close month and owner,
 * the won or lost count of the old close month, the creation counted for the old owner. An edit that changes none of
 * these (the title, the source, the forecast category) announces nothing.
 *
 * @param createdOn the day it entered the pipeline: the month its creation counts in, for the owner of the day
 */
public record OpportunityChanged(OpportunityId opportunity, CustomerId customer, String stageCode, LocalDate createdOn,
		Facts before, Facts after) {

	/** What the pipeline measures read of an opportunity. */
	public record Facts(BigDecimal amount, StaffId owner, UnitId unit, LocalDate expectedClose) {
	}
}
