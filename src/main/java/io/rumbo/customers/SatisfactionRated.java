package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A customer rated the service on {@code ratedOn}: CSAT 1 to 5 and, when asked, NPS 0 to 10. Attributed to the
 * account's owner and unit on that day; about a case when {@code serviceCase} is present.
 */
public record SatisfactionRated(RatingId rating, CustomerId customer, @Nullable StaffId owner, UnitId unit,
		LocalDate ratedOn, int csat, @Nullable Integer nps, @Nullable ServiceCaseId serviceCase) {
}
