package io.rumbo.sizing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A saved sizing scenario with its working worked out again from its inputs; {@code roles}: the selling job roles it
 * sizes (their headcount and planned positions are what it is compared with), {@code positionRole}: the role its gap is
 * planned in.
 */
public record ScenarioView(long id, long version, String name, SizingMethod method, long unitId, String unitName,
		int fiscalYear, SizingInputs inputs, BigDecimal result, @Nullable String note, String createdBy,
		Instant createdAt, @Nullable String appliedBy, @Nullable Instant appliedAt, boolean archived,
		Working working, List<io.rumbo.organization.JobRole> roles, io.rumbo.organization.JobRole positionRole) {
}
