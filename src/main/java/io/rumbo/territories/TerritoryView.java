package io.rumbo.territories;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A territory with its rules and named accounts; {@code editable} says whether the reader may change it. */
@Schema(name = "TerritoriesTerritory")
public record TerritoryView(long id, long version, long modelId, @Nullable Long parentId, String code, String name,
		@Nullable Long assigneeStaffId, @Nullable String assigneeName, long assigneeUnitId,
		@Nullable String assigneeUnitName, int rank, boolean leaf, List<Rule> rules, List<Named> named,
		boolean editable) {

	public TerritoryView {
		rules = List.copyOf(rules);
		named = List.copyOf(named);
	}

	@Schema(name = "TerritoriesRule")
	public record Rule(long id, RuleField field, String valueFrom, @Nullable String valueTo) {
	}

	@Schema(name = "TerritoriesNamedAccount")
	public record Named(long customerId, @Nullable String legalName, NamedMode mode) {
	}
}
