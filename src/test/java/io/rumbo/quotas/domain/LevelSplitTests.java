package io.rumbo.quotas.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rules of one level, with worked examples small enough to check by hand. */
class LevelSplitTests {

	private static BigDecimal[] months(String value) {
		BigDecimal[] months = new BigDecimal[12];
		Arrays.fill(months, new BigDecimal(value));
		return months;
	}

	private static boolean[] presentFrom(int firstMonth) {
		boolean[] present = new boolean[12];
		for (int m = firstMonth - 1; m < 12; m++) {
			present[m] = true;
		}
		return present;
	}

	private static BigDecimal total(BigDecimal[] months) {
		return Arrays.stream(months).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void anEvenSplitAddsUpToTheUnitsFigureToTheCentEveryMonth() {
		// 100.00 a month among three people: 33.34 + 33.33 + 33.33, the extra cent rotating from month to month.
		Map<String, BigDecimal[]> parts = LevelSplit.split(months("100.00"), BigDecimal.ZERO,
				List.of(LevelSplit.Child.unit("A", BigDecimal.ONE, null), LevelSplit.Child.unit("B", BigDecimal.ONE, null),
						LevelSplit.Child.unit("C", BigDecimal.ONE, null)),
				false, 2);
		for (int m = 0; m < 12; m++) {
			BigDecimal sum = parts.get("A")[m].add(parts.get("B")[m]).add(parts.get("C")[m]);
			assertThat(sum).as("month " + (m + 1)).isEqualByComparingTo("100.00");
		}
		assertThat(parts.get("A")[0]).isEqualByComparingTo("33.34");
		assertThat(parts.get("B")[1]).as("month 2: the extra cent goes to the next child").isEqualByComparingTo("33.34");
		assertThat(parts.get("C")[2]).isEqualByComparingTo("33.34");
		// Over the year each gets four extra cents: 12 x 33.33 + 0.04 = 400.00.
		assertThat(total(parts.get("A"))).isEqualByComparingTo("400.00");
		assertThat(total(parts.get("B"))).isEqualByComparingTo("400.00");
		assertThat(total(parts.get("C"))).isEqualByComparingTo("400.00");
	}

	@Test
	void overAssignmentSplitsAPoolLargerThanTheFigure() {
		// 1,000.00 a month with 10 % over-assignment: a pool of 1,100.00 split 1:3 -> 275.00 and 825.00.
		Map<String, BigDecimal[]> parts = LevelSplit.split(months("1000.00"), new BigDecimal("10"),
				List.of(LevelSplit.Child.unit("A", new BigDecimal("1"), null),
						LevelSplit.Child.unit("B", new BigDecimal("3"), null)),
				false, 2);
		assertThat(parts.get("A")[5]).isEqualByComparingTo("275.00");
		assertThat(parts.get("B")[5]).isEqualByComparingTo("825.00");
		assertThat(LevelSplit.pool(new BigDecimal("1000.00"), new BigDecimal("10"), 2)).isEqualByComparingTo("1100.00");
		// The mismatch shows the over-assignment: 1,000.00 - (275.00 + 825.00) = -100.00 a month.
		assertThat(LevelSplit.mismatch(new BigDecimal("1000.00"), List.of(parts.get("A")[5], parts.get("B")[5])))
			.isEqualByComparingTo("-100.00");
	}

	@Test
	void weightsByLastYearShareSplitInProportionAndCountsStayWhole() {
		// 7 new customers a month, last year's shares 2:1:1 -> 3.5, 1.75, 1.75: floors 3, 1, 1 and the two left over
		// go to the largest remainders (0.75, 0.75 before 0.5) -> 3, 2, 2.
		Map<String, BigDecimal[]> parts = LevelSplit.split(months("7"), BigDecimal.ZERO,
				List.of(LevelSplit.Child.unit("A", new BigDecimal("2"), null),
						LevelSplit.Child.unit("B", new BigDecimal("1"), null),
						LevelSplit.Child.unit("C", new BigDecimal("1"), null)),
				false, 0);
		assertThat(List.of(parts.get("A")[0], parts.get("B")[0], parts.get("C")[0])).containsExactly(
				new BigDecimal("3"), new BigDecimal("2"), new BigDecimal("2"));
	}

	@Test
	void aPersonWhoJoinsMidYearIsProratedByMonthAndTheOthersCarryTheMonthsBefore() {
		// 1,200.00 a month between a person present all year and one who joins in month 7.
		Map<String, BigDecimal[]> parts = LevelSplit.split(months("1200.00"), BigDecimal.ZERO,
				List.of(new LevelSplit.Child("OLD", BigDecimal.ONE, presentFrom(1), null),
						new LevelSplit.Child("NEW", BigDecimal.ONE, presentFrom(7), null)),
				false, 2);
		assertThat(parts.get("OLD")[0]).isEqualByComparingTo("1200.00");
		assertThat(parts.get("NEW")[0]).isEqualByComparingTo("0.00");
		assertThat(parts.get("OLD")[6]).isEqualByComparingTo("600.00");
		assertThat(parts.get("NEW")[6]).isEqualByComparingTo("600.00");
		assertThat(total(parts.get("OLD"))).isEqualByComparingTo("10800.00");
		assertThat(total(parts.get("NEW"))).isEqualByComparingTo("3600.00");
		assertThat(total(parts.get("OLD")).add(total(parts.get("NEW")))).isEqualByComparingTo("14400.00");
	}

	@Test
	void aFigureByHandFollowsTheUnitsSeasonalityOverTheMonthsPresent() {
		// The unit sells twice as much in month 12; a hand figure of 1,300.00 over the year follows that shape:
		// eleven months of 100.00 and 200.00 in month 12.
		BigDecimal[] unit = months("1000.00");
		unit[11] = new BigDecimal("2000.00");
		Map<String, BigDecimal[]> parts = LevelSplit.split(unit, new BigDecimal("50"),
				List.of(LevelSplit.Child.unit("A", BigDecimal.ONE, new BigDecimal("1300.00")),
						LevelSplit.Child.unit("B", BigDecimal.ONE, null)),
				true, 2);
		assertThat(parts.get("A")[0]).isEqualByComparingTo("100.00");
		assertThat(parts.get("A")[11]).isEqualByComparingTo("200.00");
		assertThat(total(parts.get("A"))).as("exactly the hand figure, no over-assignment").isEqualByComparingTo("1300.00");
		assertThat(total(parts.get("B"))).as("no hand figure, nothing").isEqualByComparingTo("0.00");
	}

	@Test
	void anOddAmountSplitByUnevenWeightsStaysExactToTheCent() {
		BigDecimal[] unit = months("0.00");
		unit[0] = new BigDecimal("1234567.89");
		Map<String, BigDecimal[]> parts = LevelSplit.split(unit, new BigDecimal("7.5"),
				List.of(LevelSplit.Child.unit("A", new BigDecimal("3.3"), null),
						LevelSplit.Child.unit("B", new BigDecimal("1.1"), null),
						LevelSplit.Child.unit("C", new BigDecimal("0.7"), null)),
				false, 2);
		BigDecimal sum = parts.get("A")[0].add(parts.get("B")[0]).add(parts.get("C")[0]);
		// 1,234,567.89 x 1.075 = 1,327,160.481... -> pool 1,327,160.48, handed out to the cent.
		assertThat(sum).isEqualByComparingTo("1327160.48");
		assertThat(parts.get("A")[0].scale()).isEqualTo(2);
	}

	@Test
	void theRampCutsTheEffectiveQuotaNotTheFullShare() {
		assertThat(LevelSplit.ramped(new BigDecimal("1000.00"), new BigDecimal("0.25"), 2)).isEqualByComparingTo("250.00");
		assertThat(LevelSplit.ramped(new BigDecimal("3"), new BigDecimal("0.5"), 0)).as("counts round half up")
			.isEqualByComparingTo("2");
	}
}
