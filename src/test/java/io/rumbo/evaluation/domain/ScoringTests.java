package io.rumbo.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.evaluation.ScoringMethod;
import io.rumbo.evaluation.domain.Scoring.Band;
import io.rumbo.evaluation.domain.Scoring.Rule;

/** The scoring rules of docs/scoring.md, each with its worked example. */
class ScoringTests {

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void reproducesTheTextbookWeightedScorecard() {
		String[] weights = { "100", "50", "20", "20", "10" };
		String[] attainments = { "70", "65", "60", "100", "50" };
		String[] expected = { "7.00", "3.25", "1.20", "2.00", "0.50" };
		List<BigDecimal> points = new ArrayList<>();
		for (int i = 0; i < weights.length; i++) {
			BigDecimal credit = Scoring.credit(Rule.linear(), d(attainments[i]));
			BigDecimal p = Scoring.points(d(weights[i]), credit, 10);
			assertThat(p).as("criterion " + (i + 1)).isEqualTo(d(expected[i]));
			points.add(p);
		}
		assertThat(Scoring.total(points)).isEqualTo(d("13.95"));
	}

	@Test
	void attainmentIsActualOverTargetAndTheInverseWhenLowerIsBetter() {
		assertThat(Scoring.attainment(d("35000"), d("50000"), true)).isEqualTo(d("70.00"));
		assertThat(Scoring.attainment(d("2"), d("3"), true)).isEqualTo(d("66.67"));
		// Resolving in 4 days against a target of 3 is 75 %; in 2 days, 150 %.
		assertThat(Scoring.attainment(d("4"), d("3"), false)).isEqualTo(d("75.00"));
		assertThat(Scoring.attainment(d("2"), d("3"), false)).isEqualTo(d("150.00"));
		assertThat(Scoring.attainment(d("100"), BigDecimal.ZERO, true)).isNull();
		assertThat(Scoring.attainment(d("100"), null, true)).isNull();
		assertThat(Scoring.attainment(BigDecimal.ZERO, d("3"), false)).isNull();
	}

	@Test
	void linearCreditIsTheAttainmentUpToTheCap() {
		Rule capped = new Rule(ScoringMethod.LINEAR, d("150"), null, List.of());
		assertThat(Scoring.credit(capped, d("120.50"))).isEqualTo(d("120.50"));
		assertThat(Scoring.credit(capped, d("180"))).isEqualTo(d("150.00"));
		assertThat(Scoring.credit(Rule.linear(), d("180"))).as("no cap").isEqualTo(d("180.00"));
		// 40 % of a 0-10 scale at 180 % capped at 150 %: 0.40 x 1.50 x 10 = 6.00.
		assertThat(Scoring.points(d("40"), Scoring.credit(capped, d("180")), 10)).isEqualTo(d("6.00"));
	}

	@Test
	void belowTheThresholdTheCreditIsZero() {
		Rule threshold = new Rule(ScoringMethod.LINEAR, d("150"), d("80"), List.of());
		assertThat(Scoring.credit(threshold, d("79.99"))).isEqualTo(d("0.00"));
		assertThat(Scoring.credit(threshold, d("80"))).isEqualTo(d("80.00"));
		assertThat(Scoring.credit(threshold, null)).as("no target").isEqualTo(d("0.00"));
		assertThat(Scoring.credit(Rule.linear(), d("-5"))).as("a net return").isEqualTo(d("0.00"));
	}

	@Test
	void bandsGiveTheCreditOfTheHighestFloorReached() {
		Rule bands = new Rule(ScoringMethod.BANDS, null, null, List.of(new Band(d("100"), d("100")),
				new Band(d("80"), d("50")), new Band(d("120"), d("130"))));
		assertThat(Scoring.credit(bands, d("79.99"))).isEqualTo(d("0.00"));
		assertThat(Scoring.credit(bands, d("80"))).isEqualTo(d("50.00"));
		assertThat(Scoring.credit(bands, d("99.99"))).isEqualTo(d("50.00"));
		assertThat(Scoring.credit(bands, d("100"))).isEqualTo(d("100.00"));
		assertThat(Scoring.credit(bands, d("200"))).isEqualTo(d("130.00"));
		Rule withThreshold = new Rule(ScoringMethod.BANDS, null, d("90"), bands.bands());
		assertThat(Scoring.credit(withThreshold, d("85"))).as("the threshold wins over a band").isEqualTo(d("0.00"));
	}

	@Test
	void aRatingIsItsLevelOverTheLevels() {
		assertThat(Scoring.ratingCredit(4, 5)).isEqualTo(d("80.00"));
		assertThat(Scoring.ratingCredit(1, 3)).isEqualTo(d("33.33"));
		assertThat(Scoring.ratingCredit(3, 3)).isEqualTo(d("100.00"));
		assertThatThrownBy(() -> Scoring.ratingCredit(6, 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Scoring.ratingCredit(0, 5)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void pointsRoundHalfUpOnceAndTheScoreAddsTheRoundedPoints() {
		// 15 % x 66.67 % x 10 = 1.00005 -> 1.00; 5 % x 33.33 % x 10 = 0.16665 -> 0.17.
		BigDecimal a = Scoring.points(d("15"), d("66.67"), 10);
		BigDecimal b = Scoring.points(d("5"), d("33.33"), 10);
		assertThat(a).isEqualTo(d("1.00"));
		assertThat(b).isEqualTo(d("0.17"));
		assertThat(Scoring.total(List.of(a, b))).isEqualTo(d("1.17"));
		// On a 0-100 scale the same criteria give 10.00 and 1.67.
		assertThat(Scoring.points(d("15"), d("66.67"), 100)).isEqualTo(d("10.00"));
		assertThat(Scoring.points(d("5"), d("33.33"), 100)).isEqualTo(d("1.67"));
		assertThat(Scoring.total(List.of())).isEqualTo(d("0.00"));
	}
}
