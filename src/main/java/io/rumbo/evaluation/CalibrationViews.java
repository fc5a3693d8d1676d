package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@link Calibrations}, {@link EvaluationHistory} and {@link Nominations} answer: the distribution of a cycle's
 * scores by team, the ranking, the adjustments, results versus effort, a person's and a team's history, nominations.
 */
public final class CalibrationViews {

	private CalibrationViews() {
	}

	/**
	 * The scores of one team (the scorecards of an org unit, led by its manager), or of everyone in sight when
	 * {@code unitId} is absent: how many, mean, lowest, highest, and how many fall in each band (lowest band first).
	 */
	@Schema(name = "EvaluationTeamScores")
	public record TeamScores(@Nullable Long unitId, String unitName, int count, @Nullable BigDecimal mean,
			@Nullable BigDecimal min, @Nullable BigDecimal max, List<Integer> bands) {
	}

	/** One person in the ranking of a cycle, best score first; {@code ruleScore} is set when the score was adjusted. */
	@Schema(name = "EvaluationRanked")
	public record Ranked(int rank, long scorecardId, long staffId, String name, long unitId, @Nullable String unitName,
			BigDecimal score, @Nullable BigDecimal ruleScore) {
	}

	/**
	 * A cycle's scores in the reader's scope, frozen (the cycle is in review or later): by team, for everyone in
	 * sight, the bands' lower bounds (each band is a fifth of the scale, the last one open upwards) and the ranking.
	 * {@code adjusting}: whether adjustments are taken now (the cycle is calibrated and not closed).
	 */
	@Schema(name = "EvaluationDistribution")
	public record Distribution(long cycleId, String cycleName, CycleState state, int scaleMax,
			List<BigDecimal> bandFloors, TeamScores everyone, List<TeamScores> teams, List<Ranked> ranking,
			boolean adjusting) {
	}

	/** A calibration adjustment of a scorecard's score: before and after, the written reason, who and when. */
	@Schema(name = "EvaluationScoreAdjustment")
	public record Adjustment(long id, long scorecardId, BigDecimal scoreBefore, BigDecimal scoreAfter, String reason,
			String adjustedBy, Instant adjustedAt) {
	}

	/**
	 * A person's results and effort, each the share (percent) of the points its criteria could give at 100 % credit,
	 * and the quadrant's suggested action.
	 */
	@Schema(name = "EvaluationQuadrantPoint")
	public record QuadrantPoint(long scorecardId, long staffId, String name, long unitId, @Nullable String unitName,
			BigDecimal results, BigDecimal effort, SuggestedAction action) {
	}

	/** Results versus effort for a cycle's people in sight; {@code threshold}: from this share (%) a score is high. */
	@Schema(name = "EvaluationQuadrants")
	public record Quadrants(long cycleId, String cycleName, BigDecimal threshold, List<QuadrantPoint> people) {
	}

	/** One cycle of a person's history: the final score, results and effort, and the points of each criterion. */
	@Schema(name = "EvaluationHistoryPoint")
	public record HistoryPoint(long cycleId, String cycleName, String period, LocalDate from, long scorecardId,
			CycleState state, BigDecimal score, @Nullable BigDecimal change) {
	}

	/** A criterion's points in each cycle of a history, in the order of the cycles (absent where not scored). */
	@Schema(name = "EvaluationCriterionTrend")
	public record CriterionTrend(String name, Focus focus, List<@Nullable BigDecimal> points) {
	}

	/** A person's scorecards over time (oldest first, frozen cycles only), with the change from one to the next. */
	@Schema(name = "EvaluationPersonHistory")
	public record PersonHistory(long staffId, String name, List<HistoryPoint> cycles, List<CriterionTrend> criteria) {
	}

	/** One cycle of a team's history: how many scorecards, mean, lowest and highest score. */
	@Schema(name = "EvaluationTeamPoint")
	public record TeamPoint(long cycleId, String cycleName, String period, LocalDate from, int count,
			BigDecimal mean, BigDecimal min, BigDecimal max, @Nullable BigDecimal change) {
	}

	/** A manager's team (an org unit and its subtree) over time, oldest cycle first. */
	@Schema(name = "EvaluationTeamHistory")
	public record TeamHistory(long unitId, String unitName, List<TeamPoint> cycles) {
	}

	/** A nomination for recognition from an evaluation. */
	@Schema(name = "EvaluationNomination")
	public record Nomination(long id, long scorecardId, long cycleId, String cycleName, long staffId, String name,
			long unitId, @Nullable String unitName, @Nullable BigDecimal score, String reason, String nominatedBy,
			Instant nominatedAt) {

		/** The same nomination with the person's and the unit's names. */
		public Nomination named(String person, @Nullable String unit) {
			return new Nomination(id, scorecardId, cycleId, cycleName, staffId, person, unitId, unit, score, reason,
					nominatedBy, nominatedAt);
		}
	}
}
