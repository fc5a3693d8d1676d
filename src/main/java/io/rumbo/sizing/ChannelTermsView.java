package io.rumbo.sizing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.OrgUnitKind;

/**
 * An agent's or distributor's terms ({@code id}: its unit's): what share of the revenue or margin credited to its seller record it earns, the
 * product lines and territories it covers, a contact. {@code version} 0 and no basis: no terms yet. {@code credited}
 * and {@code earned}: what the seller is credited with in the fiscal year to date on the covered product lines
 * (metrics facts) and the share of it. {@code planId}, {@code planCode}, {@code planState}: the incentive plan that pays
 * the share in payout runs (decision 0042), for readers of every plan; absent otherwise or before a seller is named.
 * {@code territoryIds} and {@code territories}: the territories of the territory model the channel covers (those of
 * the active model first); {@code territoryNote}: what the terms say about territories besides.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "SizingChannelTerms")
public record ChannelTermsView(long id, String unitCode, String unitName, OrgUnitKind kind, long version,
		@Nullable ChannelBasis basis, @Nullable BigDecimal sharePercent, @Nullable Long sellerStaffId,
		@Nullable String sellerName, List<Long> productLineIds, List<String> productLineNames,
		List<Long> territoryIds, List<Territory> territories, @Nullable String territoryNote,
		@Nullable String contactName, @Nullable String contactEmail,
		@Nullable String contactPhone, @Nullable LocalDate validFrom, @Nullable BigDecimal credited,
		@Nullable BigDecimal earned, @Nullable Long planId, @Nullable String planCode,
		io.rumbo.incentives.@Nullable PlanState planState) {

	public ChannelTermsView {
		productLineIds = List.copyOf(productLineIds);
		productLineNames = List.copyOf(productLineNames);
		territoryIds = List.copyOf(territoryIds);
		territories = List.copyOf(territories);
	}

	/**
	 * A territory the terms name: {@code path} its ancestors' names and its own; {@code current} false when its model
	 * is no longer the active one (replaced since the terms were saved): the director picks again.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SizingChannelTerritory")
	public record Territory(long id, @Nullable String code, String name, String path, boolean current) {
	}
}
