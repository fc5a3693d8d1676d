package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.SuggestedAction;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * The calibration's rules, pure (docs/scoring.md, decision 0016): the five score bands of a scale, results versus
 * effort and its quadrants, and what a calibration adjustment must carry.
 */
public final class CalibrationRules {

	/** How many bands a scale is cut into: each a fifth of it, the last one open upwards (caps go beyond the top). */
	public static final int BANDS = 5;

	/** From this share of the points its criteria can give (at 100 % credit), results or effort are high. */
	public static final BigDecimal HIGH = new BigDecimal("90");

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private CalibrationRules() {
	}

	/** A set of scores: how many, mean (2 decimals half up), lowest, highest and how many in each band. */
	public record Summary(int count, @Nullable BigDecimal mean, @Nullable BigDecimal min, @Nullable BigDecimal max,
			List<Integer> bands) {
	}

	/** Summarizes scores on a scale 0 to {@code scaleMax}. */
	public static Summary summarize(List<BigDecimal> scores, int scaleMax) {
		List<Integer> bands = new ArrayList<>(java.util.Collections.nCopies(BANDS, 0));
		BigDecimal sum = BigDecimal.ZERO;
		BigDecimal min = null;
		BigDecimal max = null;
		for (BigDecimal s : scores) {
			int b = band(s, scaleMax);
			bands.set(b, bands.get(b) + 1);
			sum = sum.add(s);
			min = min == null || s.compareTo(min) < 0 ? s : min;
			max = max == null || s.compareTo(max) > 0 ? s : max;
		}
		BigDecimal mean = scores.isEmpty() ? null
				: sum.divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
		return new Summary(scores.size(), mean, min, max, List.copyOf(bands));
	}

	/** The lower bounds of the bands of a scale 0 to {@code scaleMax}: 0, 2, 4, 6, 8 for 0-10. */
	public static List<BigDecimal> bandFloors(int scaleMax) {
		List<BigDecimal> floors = new ArrayList<>();
		for (int i = 0; i < BANDS; i++) {
			floors.add(BigDecimal.valueOf((long) scaleMax * i).divide(BigDecimal.valueOf(BANDS), 2,
					RoundingMode.HALF_UP));
		}
		return floors;
	}

	/** The band (0 the lowest) of a score: the last band whose floor it reaches; below 0 is the first band. */
	public static int band(BigDecimal score, int scaleMax) {
		List<BigDecimal> floors = bandFloors(scaleMax);
		for (int i = BANDS - 1; i > 0; i--) {
			if (score.compareTo(floors.get(i)) >= 0) {
				return i;
			}
		}
		return 0;
	}

	/**
	 * The share (percent, 2 decimals half up) of the points a group of criteria gives of what it could give at 100 %
	 * credit: points / (weight % / 100 x scale) x 100. Absent when the group weighs nothing.
	 */
	public static @Nullable BigDecimal share(BigDecimal points, BigDecimal weightPercent, int scaleMax) {
		if (weightPercent.signum() <= 0) {
			return null;
		}
		BigDecimal possible = weightPercent.multiply(BigDecimal.valueOf(scaleMax)).divide(HUNDRED);
		return points.multiply(HUNDRED).divide(possible, 2, RoundingMode.HALF_UP);
	}

	/** The quadrant of results versus effort: each is high from {@link #HIGH} %. */
	public static SuggestedAction action(BigDecimal results, BigDecimal effort) {
		boolean highResults = results.compareTo(HIGH) >= 0;
		boolean highEffort = effort.compareTo(HIGH) >= 0;
		if (highResults) {
			return highEffort ? SuggestedAction.REWARD : SuggestedAction.IMPROVE;
		}
		return highEffort ? SuggestedAction.COACH : SuggestedAction.CONFRONT;
	}

	/**
	 * Checks an adjustment of a score from {@code current} to {@code asked} (rounded half up to 2 decimals, which it
	 * answers): only while the cycle is calibrated (after every review, before the close) and on a reviewed
	 * scorecard (409 otherwise); a written reason, a score within the scale and different from the current one.
	 */
	public static BigDecimal adjusted(CycleState cycle, boolean reviewed, BigDecimal current,
			@Nullable BigDecimal asked, @Nullable String reason, int scaleMax) {
		if (cycle != CycleState.CALIBRATED || !reviewed) {
			throw new ConflictException("evaluation.adjustment.notCalibrating");
		}
		if (reason == null || reason.isBlank()) {
			throw ValidationFailedException.of("reason", "shared.validation.required");
		}
		if (asked == null) {
			throw ValidationFailedException.of("score", "shared.validation.required");
		}
		BigDecimal score = asked.setScale(2, RoundingMode.HALF_UP);
		if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(scaleMax)) > 0) {
			throw ValidationFailedException.of("score", "evaluation.adjustment.range", scaleMax);
		}
		if (score.compareTo(current) == 0) {
			throw ValidationFailedException.of("score", "evaluation.adjustment.same", current);
		}
		return score;
	}
}
