package io.rumbo.territories;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One account in a preview: where it is today (territory of the active model, owner, unit) and where the draft puts
 * it, with what moves along (potential, workload hours a year, last year's sales and margin). {@code frozen} accounts
 * are excluded from realignment and keep their owner.
 */
@Schema(name = "TerritoriesAccountMove")
public record AccountMove(long customerId, String legalName, String potentialClass, @Nullable Long fromTerritoryId,
		@Nullable String fromTerritoryName, @Nullable Long fromOwnerId, @Nullable String fromOwnerName, long fromUnitId,
		@Nullable Long toTerritoryId, @Nullable String toTerritoryName, @Nullable Long toOwnerId,
		@Nullable String toOwnerName, long toUnitId, boolean frozen, boolean moves, BigDecimal potential,
		BigDecimal workloadHours, BigDecimal lastYearNet, BigDecimal lastYearMargin) {
}
