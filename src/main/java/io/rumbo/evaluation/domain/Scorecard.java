package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.Outcome;
import io.rumbo.evaluation.ScorecardState;
import io.rumbo.shared.domain.ConflictException;

/**
 * One person's scorecard in a cycle and its moves: reviewed by the manager (ratings, feedback, outcome) while the
 * cycle is in review, as often as needed; acknowledged by the person once the cycle is closed and not after its
 * deadline. After the deadline it is recorded as not acknowledged (in one statement for all, by the store).
 */
public class Scorecard {

	private final long id;
	private final long cycleId;
	private final long staffId;
	private final long unitId;
	private ScorecardState state;
	private @Nullable BigDecimal score;
	private @Nullable Outcome outcome;
	private @Nullable String strengths;
	private @Nullable String improvements;
	private @Nullable String feedback;
	private @Nullable String reviewedBy;
	private @Nullable Instant reviewedAt;
	private @Nullable Instant acknowledgedAt;
	private @Nullable String answer;
	private final long version;

	Scorecard(long id, long cycleId, long staffId, long unitId, ScorecardState state, @Nullable BigDecimal score,
			@Nullable Outcome outcome, @Nullable String strengths, @Nullable String improvements,
			@Nullable String feedback, @Nullable String reviewedBy, @Nullable Instant reviewedAt,
			@Nullable Instant acknowledgedAt, @Nullable String answer, long version) {
		this.id = id;
		this.cycleId = cycleId;
		this.staffId = staffId;
		this.unitId = unitId;
		this.state = state;
		this.score = score;
		this.outcome = outcome;
		this.strengths = strengths;
		this.improvements = improvements;
		this.feedback = feedback;
		this.reviewedBy = reviewedBy;
		this.reviewedAt = reviewedAt;
		this.acknowledgedAt = acknowledgedAt;
		this.answer = answer;
		this.version = version;
	}

	/** The manager's review: the score with the ratings applied, the feedback and the proposed outcome. */
	public void review(CycleState cycle, BigDecimal newScore, @Nullable String strengths, @Nullable String improvements,
			@Nullable String text, Outcome proposed, String by, Instant at) {
		if (cycle != CycleState.IN_REVIEW || (state != ScorecardState.TO_REVIEW && state != ScorecardState.REVIEWED)) {
			throw new ConflictException("evaluation.scorecard.notInReview");
		}
		this.state = ScorecardState.REVIEWED;
		this.score = newScore;
		this.strengths = strengths;
		this.improvements = improvements;
		this.feedback = text;
		this.outcome = proposed;
		this.reviewedBy = by;
		this.reviewedAt = at;
	}

	/** The person read the closed scorecard and acknowledges it, with an answer if they wish, by the deadline. */
	public void acknowledge(CycleState cycle, @Nullable LocalDate deadline, LocalDate today, @Nullable String reply,
			Instant at) {
		if (cycle != CycleState.CLOSED || state != ScorecardState.REVIEWED) {
			throw new ConflictException(state == ScorecardState.ACKNOWLEDGED ? "evaluation.scorecard.alreadyAcknowledged"
					: "evaluation.scorecard.notClosed");
		}
		if (deadline != null && today.isAfter(deadline)) {
			throw new ConflictException("evaluation.scorecard.deadlinePassed", deadline);
		}
		this.state = ScorecardState.ACKNOWLEDGED;
		this.answer = reply == null || reply.isBlank() ? null : reply.trim();
		this.acknowledgedAt = at;
	}

	/**
	 * Calibration: the score becomes {@code asked} for the written {@code reason} (rules in
	 * {@link CalibrationRules#adjusted}); answers the adjustment to keep, the score before it included.
	 */
	public ScoreAdjustment adjust(CycleState cycle, int scaleMax, @Nullable BigDecimal asked, @Nullable String reason,
			String by, Instant at) {
		BigDecimal before = score == null ? BigDecimal.ZERO.setScale(2) : score;
		BigDecimal after = CalibrationRules.adjusted(cycle, state == ScorecardState.REVIEWED, before, asked, reason,
				scaleMax);
		this.score = after;
		return new ScoreAdjustment(id, before, after, java.util.Objects.requireNonNull(reason).trim(), by, at);
	}

	/** An adjustment of a scorecard's score in calibration, as it is kept. */
	public record ScoreAdjustment(long scorecardId, BigDecimal before, BigDecimal after, String reason, String by,
			Instant at) {
	}

	public Map<String, Object> auditState() {
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("staffId", staffId);
		audit.put("state", state.name());
		audit.put("score", score == null ? null : score.toPlainString());
		audit.put("outcome", outcome == null ? null : outcome.name());
		return audit;
	}

	public long id() {
		return id;
	}

	public long cycleId() {
		return cycleId;
	}

	public long staffId() {
		return staffId;
	}

	public long unitId() {
		return unitId;
	}

	public ScorecardState state() {
		return state;
	}

	public @Nullable BigDecimal score() {
		return score;
	}

	public @Nullable Outcome outcome() {
		return outcome;
	}

	public @Nullable String strengths() {
		return strengths;
	}

	public @Nullable String improvements() {
		return improvements;
	}

	public @Nullable String feedback() {
		return feedback;
	}

	public @Nullable String reviewedBy() {
		return reviewedBy;
	}

	public @Nullable Instant reviewedAt() {
		return reviewedAt;
	}

	public @Nullable Instant acknowledgedAt() {
		return acknowledgedAt;
	}

	public @Nullable String answer() {
		return answer;
	}

	public long version() {
		return version;
	}
}
