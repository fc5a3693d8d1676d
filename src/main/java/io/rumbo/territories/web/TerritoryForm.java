package io.rumbo.territories.web;

import org.jspecify.annotations.Nullable;

import io.rumbo.territories.TerritoryModels;

/** The territory form of the model editor (a person or, without one, a unit). */
record TerritoryForm(@Nullable Long parentId, @Nullable String code, @Nullable String name, @Nullable Integer rank,
		@Nullable Long assigneeStaffId, @Nullable Long assigneeUnitId) {

	TerritoryModels.TerritoryDetails details() {
		return new TerritoryModels.TerritoryDetails(parentId, code, name, rank, assigneeStaffId, assigneeUnitId);
	}
}
