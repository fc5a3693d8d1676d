package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.Outcome;
import io.rumbo.evaluation.ScorecardState;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * A nomination for recognition from an evaluation's outcome, as it is recorded. Only a scorecard whose proposed
 * outcome is recognition, once its score is agreed (cycle calibrated or closed), once, with a written reason.
 */
public record NewNomination(long scorecardId, long cycleId, long staffId, long unitId, @Nullable BigDecimal score,
		String reason, String by, Instant at) {

	public static NewNomination of(Scorecard card, CycleState cycle, boolean alreadyNominated, @Nullable String reason,
			String by, Instant at) {
		boolean agreed = cycle == CycleState.CALIBRATED || cycle == CycleState.CLOSED;
		if (!agreed || card.state() == ScorecardState.LIVE || card.state() == ScorecardState.TO_REVIEW
				|| card.outcome() != Outcome.RECOGNITION) {
			throw new ConflictException("evaluation.nomination.notRecognition");
		}
		if (alreadyNominated) {
			throw new ConflictException("evaluation.nomination.exists");
		}
		if (reason == null || reason.isBlank()) {
			throw ValidationFailedException.of("reason", "shared.validation.required");
		}
		return new NewNomination(card.id(), card.cycleId(), card.staffId(), card.unitId(), card.score(), reason.trim(),
				by, at);
	}
}
