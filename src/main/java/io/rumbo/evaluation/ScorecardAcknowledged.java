package io.rumbo.evaluation;

import java.time.Instant;

/** A person acknowledged their closed scorecard ({@code answered}: with an answer to the manager). */
public record ScorecardAcknowledged(ScorecardId scorecard, CycleId cycle, io.rumbo.organization.StaffId staff,
		Instant acknowledgedAt, boolean answered) {
}
