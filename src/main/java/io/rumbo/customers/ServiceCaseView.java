package io.rumbo.customers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An after-sales service case, attributed to the salesperson who owned the relationship when it was opened.
 * {@code resolutionDays} is the number of calendar days from opening to resolution (0 when resolved the same day).
 */
public record ServiceCaseView(long id, long version, String caseNumber, @Nullable String externalId, long customerId,
		@Nullable String customerName, @Nullable Long orderId, @Nullable String orderNumber, String subject,
		CaseCategory category, CasePriority priority, LocalDate openedOn, @Nullable LocalDate resolvedOn,
		@Nullable String resolution, @Nullable Long staffId, @Nullable String staffName, long unitId,
		@Nullable Integer csat, @Nullable Integer nps) {

	@JsonProperty("open")
	public boolean open() {
		return resolvedOn == null;
	}

	@JsonProperty("resolutionDays")
	public @Nullable Long resolutionDays() {
		return resolvedOn == null ? null : ChronoUnit.DAYS.between(openedOn, resolvedOn);
	}
}
