package io.rumbo.planning;

import org.jspecify.annotations.Nullable;

import io.rumbo.catalog.ProductLineId;
import io.rumbo.organization.UnitId;

/**
 * Where a plan's figure sits: a unit and a product line. The line is absent only for figures that have none, such as
 * the pipeline of an opportunity without products.
 */
public record TargetKey(UnitId unitId, @Nullable ProductLineId lineId) {

	public static TargetKey of(long unitId, long lineId) {
		return new TargetKey(UnitId.of(unitId), ProductLineId.of(lineId));
	}
}
