package io.rumbo.sizing;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A saved sizing scenario with its working worked out again from its inputs. */
public record ScenarioView(long id, long version, String name, SizingMethod method, long unitId, String unitName,
		int fiscalYear, SizingInputs inputs, BigDecimal result, @Nullable String note, String createdBy,
		Instant createdAt, @Nullable String appliedBy, @Nullable Instant appliedAt, boolean archived,
		Working working) {
}
