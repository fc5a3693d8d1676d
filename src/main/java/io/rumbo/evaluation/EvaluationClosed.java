package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A cycle was closed: its results went to the people, who acknowledge them by {@code acknowledgeBy}. Each result
 * carries the final score and the outcome the manager proposed (an improvement plan, recognition...).
 */
public record EvaluationClosed(CycleId cycle, TemplateId template, LocalDate from, LocalDate to,
		LocalDate acknowledgeBy, String closedBy, Instant closedAt, List<Result> results) {

	/** One person's result in the cycle. */
	public record Result(ScorecardId scorecard, StaffId staff, UnitId unit, @Nullable BigDecimal score,
			@Nullable Outcome outcome) {
	}
}
