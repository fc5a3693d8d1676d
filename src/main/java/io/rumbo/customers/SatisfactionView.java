package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One satisfaction rating: CSAT 1-5 and optional NPS 0-10, about an order, a case or the relationship. */
public record SatisfactionView(long id, long customerId, @Nullable String customerName, @Nullable Long caseId,
		@Nullable String caseNumber, @Nullable Long orderId, @Nullable String orderNumber, LocalDate ratedOn, int csat,
		@Nullable Integer nps, @Nullable String comment, @Nullable Long staffId, @Nullable String staffName) {
}
