package io.rumbo.planning;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadingTests {

	private static List<BigDecimal> weights(String... values) {
		return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
	}

	private static BigDecimal sum(List<BigDecimal> parts) {
		return parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void anEvenSplitKeepsTheTotalToTheCentAndGivesTheLeftoverCentsToTheEarlierCells() {
		List<BigDecimal> parts = Spreading.allocate(new BigDecimal("100.00"), weights("1", "1", "1"), 2);
		assertThat(parts).containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
		assertThat(sum(parts)).isEqualByComparingTo("100.00");
	}

	@Test
	void sharesFollowTheWeightsAndTheLargestRemaindersGetTheCents() {
		List<BigDecimal> parts = Spreading.allocate(new BigDecimal("10.00"), weights("1", "2", "4"), 2);
		// exact shares 1.428571, 2.857142, 5.714285: floors 1.42 + 2.85 + 5.71 = 9.98, remainders .0086, .0071, .0043
		assertThat(parts).containsExactly(new BigDecimal("1.43"), new BigDecimal("2.86"), new BigDecimal("5.71"));
		assertThat(sum(parts)).isEqualByComparingTo("10.00");
	}

	@Test
	void wholeUnitsAndTotalsThatDoNotDivideStillAddUp() {
		List<BigDecimal> parts = Spreading.allocate(new BigDecimal("7"), weights("1", "1", "1", "1", "1", "1", "1", "1",
				"1", "1", "1", "1"), 0);
		assertThat(sum(parts)).isEqualByComparingTo("7");
		assertThat(parts).allSatisfy(p -> assertThat(p.scale()).isZero()).filteredOn(p -> p.signum() > 0).hasSize(7);
	}

	@Test
	void withoutAnyPositiveWeightTheTotalIsSpreadEvenly() {
		List<BigDecimal> parts = Spreading.allocate(new BigDecimal("90"), weights("0", "0", "-5"), 2);
		assertThat(parts).containsExactly(new BigDecimal("30.00"), new BigDecimal("30.00"), new BigDecimal("30.00"));
	}

	@Test
	void zeroWeightCellsGetNothingWhenOthersHaveWeight() {
		List<BigDecimal> parts = Spreading.allocate(new BigDecimal("50.01"), weights("0", "3", "1"), 2);
		assertThat(parts.get(0)).isEqualByComparingTo("0");
		assertThat(sum(parts)).isEqualByComparingTo("50.01");
	}

	@Test
	void negativeTotalsAreSpreadWithTheSignReversedAndTheTotalIsRoundedHalfUpFirst() {
		assertThat(sum(Spreading.allocate(new BigDecimal("-10.00"), weights("1", "1", "1"), 2)))
			.isEqualByComparingTo("-10.00");
		assertThat(sum(Spreading.allocate(new BigDecimal("10.005"), weights("1", "1"), 2))).isEqualByComparingTo("10.01");
		assertThat(Spreading.allocate(BigDecimal.TEN, List.of(), 2)).isEmpty();
	}
}
