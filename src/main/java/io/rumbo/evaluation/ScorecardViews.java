package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.JobRole;

/** What {@link EvaluationCycles} answers: cycles, scorecards and their lines. */
public final class ScorecardViews {

	private ScorecardViews() {
	}

	/**
	 * One criterion of a scorecard. Quantitative: the measured {@code actual}, the {@code target} (the quota of the
	 * period or the fixed figure), {@code attainment} and {@code credit} in percent; qualitative: the manager's
	 * {@code rating} of {@code levels}. {@code points} = weight x credit x scale (docs/scoring.md). Once frozen,
	 * {@code currentActual} is what the metrics engine measures today when it differs from the kept figure (a later
	 * correction), never applied to the score. {@code recordsUrl}: the page of the records behind the actual.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ScorecardLine")
	public record Line(int position, String name, CriterionKind kind, Focus focus, BigDecimal weight,
			@Nullable String measure, @Nullable BigDecimal actual, @Nullable BigDecimal target,
			@Nullable BigDecimal attainment, BigDecimal credit, @Nullable Integer rating, @Nullable Integer levels,
			BigDecimal points, @Nullable BigDecimal currentActual, @Nullable String recordsUrl) {
	}

	/** A person's scorecard on a template for a period before any cycle: how they would be scored today. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationExample")
	public record Example(long templateId, long staffId, String name, String period, LocalDate from, LocalDate to,
			int scaleMax, List<Line> lines, BigDecimal score) {
	}

	/** A cycle with how far its scorecards are. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationCycleView")
	public record CycleView(long id, String name, long templateId, String templateName, int templateNumber,
			Cadence cadence, String period, LocalDate from, LocalDate to, @Nullable JobRole populationRole,
			@Nullable Long populationUnitId, @Nullable String populationUnitName, CycleState state,
			@Nullable LocalDate acknowledgeBy, @Nullable Instant frozenAt, @Nullable String closedBy,
			@Nullable Instant closedAt, long version, int scorecards, int reviewed, int acknowledged) {
	}

	/** A line of a list of scorecards. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationScorecardSummary")
	public record ScorecardSummary(long id, long cycleId, String cycleName, String period, long staffId, String name,
			long unitId, @Nullable String unitName, ScorecardState state, @Nullable BigDecimal score,
			@Nullable Outcome outcome) {
	}

	/**
	 * The manager's feedback: strengths, points to improve and free text, with who wrote it. The person reads it once
	 * the cycle is closed; no one else than the person and the managers above sees it.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationFeedback")
	public record Feedback(@Nullable String strengths, @Nullable String improvements, @Nullable String text,
			@Nullable Outcome outcome, @Nullable String reviewedBy, @Nullable Instant reviewedAt) {
	}

	/**
	 * A scorecard: live while the cycle is open (figures of today), frozen after. {@code feedback} is absent while
	 * there is none or, for the person themselves, until the cycle closes. {@code answer}: the person's reply.
	 * {@code adjustments}: the calibration's adjustments of the score, oldest first (the first one's
	 * {@code scoreBefore} is the score by the rules), shown to the person once the cycle closes, like the feedback;
	 * {@code nomination}: the nomination for recognition made from this scorecard, if any.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationScorecardView")
	public record ScorecardView(long id, long cycleId, String cycleName, String period, LocalDate from, LocalDate to,
			CycleState cycleState, long staffId, String name, long unitId, @Nullable String unitName,
			ScorecardState state, int scaleMax, BigDecimal score, List<Line> lines, @Nullable Feedback feedback,
			@Nullable LocalDate acknowledgeBy, @Nullable Instant acknowledgedAt, @Nullable String answer, long version,
			List<CalibrationViews.Adjustment> adjustments, CalibrationViews.@Nullable Nomination nomination) {
	}
}
