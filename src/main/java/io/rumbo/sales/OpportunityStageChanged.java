package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * An opportunity moved from one stage to another (a board drag and drop or an API call). A move to a closed stage
 * is followed by {@link OpportunityWon} or {@link OpportunityLost} in the same transaction.
 *
 * @param probability the probability of the stage it moved to, in percent
 * @param amount the opportunity's amount when it moved
 */
public record OpportunityStageChanged(OpportunityId opportunity, String fromStage, String toStage, int probability,
		BigDecimal amount, StaffId owner, UnitId unit, LocalDate changedOn) {
}
