package io.rumbo.territories;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A leaf territory's load: accounts by potential class, total annual potential, workload (hours of visits a year from
 * the call norms), last year's booked sales and margin, and the chosen figure as an index against the average of the
 * model's leaves (100 = average).
 */
@Schema(name = "TerritoriesBalanceRow")
public record BalanceRow(long territoryId, String code, String name, @Nullable Long parentId,
		@Nullable String assigneeName, long accounts, long classA, long classB, long classC, BigDecimal potential,
		BigDecimal workloadHours, BigDecimal lastYearNet, BigDecimal lastYearMargin, BigDecimal index) {
}
