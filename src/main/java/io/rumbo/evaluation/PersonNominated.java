package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A person was nominated for recognition from the outcome of their evaluation, with the reason and who nominated
 * them; the incentives module turns nominations into awards. {@code score}: the final score of the scorecard.
 */
public record PersonNominated(long nomination, ScorecardId scorecard, CycleId cycle, StaffId staff, UnitId unit,
		@Nullable BigDecimal score, String reason, String nominatedBy, Instant nominatedAt) {
}
