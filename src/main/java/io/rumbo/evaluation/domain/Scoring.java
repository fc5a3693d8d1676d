package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.evaluation.ScoringMethod;

/**
 * The scoring rules of a scorecard, in one place and free of any storage (docs/scoring.md explains them with worked
 * examples). A criterion's points are its weight times the credit its attainment earns times the scale:
 * {@code points = weight% / 100 x credit% / 100 x scaleMax}; the score is the sum of the points. With weights
 * 100/50/20/20/10 % and attainments 70/65/60/100/50 % on a 0-10 scale the criteria give 7.00/3.25/1.20/2.00/0.50.
 * <p>
 * Rounding happens here and only here, at two moments a person can check by hand: the attainment they are shown (a
 * percentage with two decimals, half up) is the one the rules use, and each criterion's points are rounded to two
 * decimals, half up; the score is the sum of the rounded points, so the lines always add up to the score shown.
 */
public final class Scoring {

	/** Decimals of an attainment, a credit and a criterion's points. */
	public static final int DECIMALS = 2;

	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	/** From {@code fromPercent} of attainment upwards (until the next band) the credit is {@code creditPercent}. */
	public record Band(BigDecimal fromPercent, BigDecimal creditPercent) {
	}

	/**
	 * How attainment becomes credit. {@code LINEAR}: the credit is the attainment, no more than {@code capPercent}
	 * (when set). {@code BANDS}: the credit of the highest band whose floor the attainment reaches, 0 below the
	 * first. Either way an attainment under {@code thresholdPercent} (when set) earns 0.
	 */
	public record Rule(ScoringMethod method, @Nullable BigDecimal capPercent, @Nullable BigDecimal thresholdPercent,
			List<Band> bands) {

		public Rule {
			bands = bands.stream().sorted(Comparator.comparing(Band::fromPercent)).toList();
		}

		public static Rule linear() {
			return new Rule(ScoringMethod.LINEAR, null, null, List.of());
		}
	}

	private Scoring() {
	}

	/**
	 * Actual against target, in percent with two decimals; for a measure where lower is better (days to resolve a
	 * case) target against actual. Null when it is undefined: no target, or (lower is better) nothing measured.
	 */
	public static @Nullable BigDecimal attainment(BigDecimal actual, @Nullable BigDecimal target,
			boolean higherIsBetter) {
		if (target == null || target.signum() <= 0) {
			return null;
		}
		if (higherIsBetter) {
			return actual.multiply(HUNDRED).divide(target, DECIMALS, ROUNDING);
		}
		return actual.signum() <= 0 ? null : target.multiply(HUNDRED).divide(actual, DECIMALS, ROUNDING);
	}

	/** The credit (percent) an attainment earns under a rule; an undefined attainment earns nothing. */
	public static BigDecimal credit(Rule rule, @Nullable BigDecimal attainment) {
		if (attainment == null || attainment.signum() <= 0) {
			return BigDecimal.ZERO.setScale(DECIMALS);
		}
		if (rule.thresholdPercent() != null && attainment.compareTo(rule.thresholdPercent()) < 0) {
			return BigDecimal.ZERO.setScale(DECIMALS);
		}
		BigDecimal credit = switch (rule.method()) {
			case LINEAR -> rule.capPercent() == null ? attainment : attainment.min(rule.capPercent());
			case BANDS -> rule.bands().stream().filter(b -> attainment.compareTo(b.fromPercent()) >= 0)
				.reduce((first, second) -> second).map(Band::creditPercent).orElse(BigDecimal.ZERO);
		};
		return credit.setScale(DECIMALS, ROUNDING);
	}

	/** The credit (percent) of a manager's rating: level {@code level} of {@code levels} is level / levels. */
	public static BigDecimal ratingCredit(int level, int levels) {
		if (levels < 1 || level < 1 || level > levels) {
			throw new IllegalArgumentException("Level " + level + " of " + levels);
		}
		return BigDecimal.valueOf(level).multiply(HUNDRED).divide(BigDecimal.valueOf(levels), DECIMALS, ROUNDING);
	}

	/** A criterion's points: weight (percent) x credit (percent) x the scale's top, rounded to two decimals. */
	public static BigDecimal points(BigDecimal weightPercent, BigDecimal creditPercent, int scaleMax) {
		return weightPercent.multiply(creditPercent).multiply(BigDecimal.valueOf(scaleMax))
			.divide(HUNDRED.multiply(HUNDRED), DECIMALS, ROUNDING);
	}

	/** The score: the sum of the criteria's rounded points. */
	public static BigDecimal total(Collection<BigDecimal> points) {
		return points.stream().reduce(BigDecimal.ZERO.setScale(DECIMALS), BigDecimal::add);
	}
}
