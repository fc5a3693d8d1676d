package io.rumbo.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.Outcome;
import io.rumbo.evaluation.ScorecardState;
import io.rumbo.evaluation.SuggestedAction;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;

/** The calibration rules of docs/scoring.md: bands, results versus effort, adjustments and nominations. */
class CalibrationRulesTests {

	static final Instant AT = Instant.parse("2026-04-02T10:00:00Z");

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void aScaleIsCutIntoFiveBandsTheLastOpenUpwards() {
		assertThat(CalibrationRules.bandFloors(10)).containsExactly(d("0.00"), d("2.00"), d("4.00"), d("6.00"),
				d("8.00"));
		assertThat(CalibrationRules.bandFloors(100)).extracting(BigDecimal::intValue).containsExactly(0, 20, 40, 60, 80);
		assertThat(CalibrationRules.band(d("0"), 10)).isZero();
		assertThat(CalibrationRules.band(d("1.99"), 10)).isZero();
		assertThat(CalibrationRules.band(d("2.00"), 10)).isEqualTo(1);
		assertThat(CalibrationRules.band(d("7.99"), 10)).isEqualTo(3);
		assertThat(CalibrationRules.band(d("8"), 10)).isEqualTo(4);
		assertThat(CalibrationRules.band(d("11.2"), 10)).as("a cap can take a score beyond the top").isEqualTo(4);
	}

	@Test
	void summarizesScoresWithMeanRoundedHalfUpAndCountsPerBand() {
		CalibrationRules.Summary s = CalibrationRules.summarize(List.of(d("9.56"), d("6.10"), d("5.99"), d("1.00")), 10);
		assertThat(s.count()).isEqualTo(4);
		assertThat(s.mean()).isEqualByComparingTo("5.66");
		assertThat(s.min()).isEqualByComparingTo("1.00");
		assertThat(s.max()).isEqualByComparingTo("9.56");
		assertThat(s.bands()).containsExactly(1, 0, 1, 1, 1);
		CalibrationRules.Summary none = CalibrationRules.summarize(List.of(), 10);
		assertThat(none.count()).isZero();
		assertThat(none.mean()).isNull();
		assertThat(none.bands()).containsExactly(0, 0, 0, 0, 0);
	}

	@Test
	void resultsAndEffortAreTheShareOfThePointsTheirCriteriaCouldGive() {
		// The demo's results criteria weigh 75 %: 6.75 points of a possible 7.5 on 0-10 is 90 %.
		assertThat(CalibrationRules.share(d("6.75"), d("75"), 10)).isEqualByComparingTo("90.00");
		// Effort weighs 25 %: 1.88 of 2.5 is 75.2 %.
		assertThat(CalibrationRules.share(d("1.88"), d("25"), 10)).isEqualByComparingTo("75.20");
		assertThat(CalibrationRules.share(d("1"), d("0"), 10)).as("a group that weighs nothing").isNull();
	}

	@Test
	void theQuadrantsFollowTheTextbookFromNinetyPercent() {
		assertThat(CalibrationRules.action(d("90"), d("90"))).isEqualTo(SuggestedAction.REWARD);
		assertThat(CalibrationRules.action(d("89.99"), d("120"))).isEqualTo(SuggestedAction.COACH);
		assertThat(CalibrationRules.action(d("130"), d("60"))).isEqualTo(SuggestedAction.IMPROVE);
		assertThat(CalibrationRules.action(d("50"), d("89.99"))).isEqualTo(SuggestedAction.CONFRONT);
	}

	static Scorecard card(ScorecardState state, String score, Outcome outcome) {
		return new Scorecard(7, 3, 11, 5, state, d(score), outcome, null, null, null, "director", AT, null, null, 2);
	}

	@Test
	void aScoreIsAdjustedOnlyWhileTheCycleIsCalibratedWithAReasonAndWithinTheScale() {
		for (CycleState state : List.of(CycleState.OPEN, CycleState.IN_REVIEW, CycleState.CLOSED)) {
			assertThatThrownBy(() -> card(ScorecardState.REVIEWED, "7.00", Outcome.COACHING).adjust(state, 10,
					d("7.5"), "why", "director", AT)).isInstanceOf(ConflictException.class);
		}
		assertThatThrownBy(() -> card(ScorecardState.ACKNOWLEDGED, "7.00", Outcome.COACHING)
			.adjust(CycleState.CALIBRATED, 10, d("7.5"), "why", "director", AT)).isInstanceOf(ConflictException.class);
		Scorecard card = card(ScorecardState.REVIEWED, "7.00", Outcome.COACHING);
		assertThatThrownBy(() -> card.adjust(CycleState.CALIBRATED, 10, d("7.5"), "  ", "director", AT))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					ex -> assertThat(ex.errors().get(0).field()).isEqualTo("reason"));
		assertThatThrownBy(() -> card.adjust(CycleState.CALIBRATED, 10, d("10.01"), "why", "director", AT))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					ex -> assertThat(ex.errors().get(0).messageKey()).isEqualTo("evaluation.adjustment.range"));
		assertThatThrownBy(() -> card.adjust(CycleState.CALIBRATED, 10, d("-0.01"), "why", "director", AT))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> card.adjust(CycleState.CALIBRATED, 10, d("7.001"), "why", "director", AT))
			.as("the same score once rounded").isInstanceOfSatisfying(ValidationFailedException.class,
					ex -> assertThat(ex.errors().get(0).messageKey()).isEqualTo("evaluation.adjustment.same"));
		assertThat(card.score()).isEqualByComparingTo("7.00");

		Scorecard.ScoreAdjustment a = card.adjust(CycleState.CALIBRATED, 10, d("7.555"), " A renewal booked late ",
				"director", AT);
		assertThat(a.before()).isEqualByComparingTo("7.00");
		assertThat(a.after()).isEqualByComparingTo("7.56");
		assertThat(a.reason()).isEqualTo("A renewal booked late");
		assertThat(card.score()).isEqualByComparingTo("7.56");
	}

	@Test
	void aNominationNeedsRecognitionAnAgreedScoreAReasonAndIsMadeOnce() {
		Scorecard recognised = card(ScorecardState.REVIEWED, "9.40", Outcome.RECOGNITION);
		assertThatThrownBy(() -> NewNomination.of(recognised, CycleState.IN_REVIEW, false, "best", "director", AT))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> NewNomination.of(card(ScorecardState.REVIEWED, "8", Outcome.MEETS_EXPECTATIONS),
				CycleState.CLOSED, false, "best", "director", AT)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> NewNomination.of(recognised, CycleState.CLOSED, true, "best", "director", AT))
			.isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("evaluation.nomination.exists"));
		assertThatThrownBy(() -> NewNomination.of(recognised, CycleState.CLOSED, false, "", "director", AT))
			.isInstanceOf(ValidationFailedException.class);
		NewNomination n = NewNomination.of(card(ScorecardState.ACKNOWLEDGED, "9.40", Outcome.RECOGNITION),
				CycleState.CLOSED, false, " Best quarter ", "director", AT);
		assertThat(n.reason()).isEqualTo("Best quarter");
		assertThat(n.score()).isEqualByComparingTo("9.40");
		assertThat(NewNomination.of(recognised, CycleState.CALIBRATED, false, "best", "director", AT).staffId())
			.isEqualTo(11);
	}
}
