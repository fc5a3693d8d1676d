package io.rumbo.sizing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.sizing.SizingInputs;
import io.rumbo.sizing.SizingInputs.Group;
import io.rumbo.sizing.SizingMethod;
import io.rumbo.sizing.Working;

/** The worked examples of issue 15, as docs/sizing.md shows them. */
class CalculatorsTests {

	private static BigDecimal n(String value) {
		return new BigDecimal(value);
	}

	@Test
	void workloadOfSixtyThousandCallsAtAThousandASalespersonIsSixty() {
		Working w = Calculators.calculate(SizingMethod.WORKLOAD, new SizingInputs(
				Map.of("callsPerSalesperson", n("1000")),
				List.of(new Group("A", n("1000"), n("36"), null), new Group("B", n("2000"), n("12"), null))));
		assertThat(w.result()).isEqualByComparingTo("60");
		assertThat(w.steps().get(0).arguments()).containsExactly("A", n("1000"), n("36"), n("36000"));
		assertThat(w.steps().get(1).arguments()).containsExactly("B", n("2000"), n("12"), n("24000"));
		assertThat((BigDecimal) w.steps().get(2).arguments().get(0)).isEqualByComparingTo("60000");
		assertThat(w.steps().get(3).key()).isEqualTo("sizing.step.workload.people");
	}

	@Test
	void workloadWorksOutCallsASalespersonFromHoursAndRoundsUp() {
		Working w = Calculators.calculate(SizingMethod.WORKLOAD, new SizingInputs(
				Map.of("sellingHours", n("1200"), "callLengthHours", n("1.5")),
				List.of(new Group("A", n("100"), n("9"), null))));
		// 1,200 / 1.5 = 800 calls a salesperson; 900 calls need 1.125, so 2 people.
		assertThat(w.steps().get(2).arguments()).contains(n("800"));
		assertThat(w.result()).isEqualByComparingTo("2");
	}

	@Test
	void breakdownOfTenMillionAtTwoHundredFiftyThousandIsForty() {
		Working w = Calculators.calculate(SizingMethod.BREAKDOWN, new SizingInputs(
				Map.of("forecastSales", n("10000000"), "salesPerSalesperson", n("250000")), List.of()));
		assertThat(w.result()).isEqualByComparingTo("40");
	}

	@Test
	void breakdownAddsTurnover() {
		Working w = Calculators.calculate(SizingMethod.BREAKDOWN, new SizingInputs(Map.of("forecastSales",
				n("10000000"), "salesPerSalesperson", n("250000"), "turnoverPercent", n("10")), List.of()));
		assertThat(w.result()).isEqualByComparingTo("44");
	}

	@Test
	void incrementalOnASquareRootCurveStopsAtTwentyFiveWithTwoAndAHalfMillionProfit() {
		Working w = Calculators.calculate(SizingMethod.INCREMENTAL, new SizingInputs(
				Map.of("revenueFactor", n("1000000"), "costPerSalesperson", n("100000")), List.of()));
		assertThat(w.result()).isEqualByComparingTo("25");
		Working.Step last = w.steps().get(w.steps().size() - 1);
		assertThat(last.key()).isEqualTo("sizing.step.incremental.result");
		assertThat(last.arguments().get(0)).isEqualTo(25);
		assertThat((BigDecimal) last.arguments().get(1)).isEqualByComparingTo("5000000");
		assertThat((BigDecimal) last.arguments().get(2)).isEqualByComparingTo("2500000");
		assertThat((BigDecimal) last.arguments().get(3)).isEqualByComparingTo("2500000");
		// The 26th would add 99,019.51 of revenue for 100,000 of cost: shown, and not added.
		Working.Step refused = w.steps().get(w.steps().size() - 2);
		assertThat(refused.arguments().get(0)).isEqualTo(26);
		assertThat((BigDecimal) refused.arguments().get(3)).isNegative();
	}

	@Test
	void breakEvenIsCostOverMarginRate() {
		Working w = Calculators.calculate(SizingMethod.BREAK_EVEN, new SizingInputs(Map.of("costPerHire",
				n("60000"), "marginPercent", n("30"), "expectedSales", n("500000")), List.of()));
		assertThat(w.result()).isEqualByComparingTo("200000");
		assertThat((BigDecimal) w.steps().get(1).arguments().get(2)).isEqualByComparingTo("2.50");
	}

	@Test
	void capacityOfSevenAtEightyFiveAndThreeRampingAtFortyIsOneMillionSeventyTwoFiveHundred() {
		Working w = Calculators.calculate(SizingMethod.CAPACITY, new SizingInputs(Map.of(),
				List.of(new Group("tenured", n("7"), n("150000"), n("85")),
						new Group("ramping", n("3"), n("150000"), n("40")))));
		assertThat(w.result()).isEqualByComparingTo("1072500");
		assertThat((BigDecimal) w.steps().get(0).arguments().get(4)).isEqualByComparingTo("892500");
		assertThat((BigDecimal) w.steps().get(1).arguments().get(4)).isEqualByComparingTo("180000");
	}

	@Test
	void capacityLosesHalfTheAttritionOverTheYear() {
		Working w = Calculators.calculate(SizingMethod.CAPACITY, new SizingInputs(Map.of("attritionPercent",
				n("20")), List.of(new Group("tenured", n("10"), n("100000"), n("100")))));
		assertThat(w.result()).isEqualByComparingTo("900000");
	}

	@Test
	void refusesMissingOrNegativeFiguresWithTheirField() {
		assertThatThrownBy(() -> Calculators.calculate(SizingMethod.BREAKDOWN,
				new SizingInputs(Map.of("forecastSales", n("-1")), List.of())))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					e -> assertThat(e.errors().get(0).field()).isEqualTo("forecastSales"));
		assertThatThrownBy(() -> Calculators.calculate(SizingMethod.WORKLOAD, new SizingInputs(Map.of(), List.of())))
			.isInstanceOf(ValidationFailedException.class);
	}
}
