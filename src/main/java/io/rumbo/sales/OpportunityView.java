package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An opportunity with its stage history; {@code weighted} is amount x the stage's probability. */
public record OpportunityView(long id, long version, long customerId, @Nullable String customerName, String title,
		BigDecimal amount, BigDecimal weighted, LocalDate expectedClose, String stageCode, int probability,
		ForecastCategory forecastCategory, long ownerStaffId, @Nullable String ownerName, long ownerUnitId,
		@Nullable String source, @Nullable String lossReason, @Nullable String nextStep, @Nullable Long orderId, List<StageChange> history) {

	public record StageChange(String stageCode, LocalDate changedOn, @Nullable String changedBy) {
	}
}
