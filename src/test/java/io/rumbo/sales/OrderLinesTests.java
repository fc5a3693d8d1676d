package io.rumbo.sales;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLinesTests {

	@Test
	void aLineIsQuantityTimesPriceLessDiscountAndItsMarginUsesTheUnitCost() {
		OrderLines.Priced line = OrderLines.price(new BigDecimal("3"), new BigDecimal("19.99"), new BigDecimal("10"),
				new BigDecimal("11.5000"));
		assertThat(line.net()).isEqualByComparingTo("53.97");
		assertThat(line.cost()).isEqualByComparingTo("34.50");
		assertThat(line.margin()).isEqualByComparingTo("19.47");
		assertThat(line.net().scale()).isEqualTo(2);
	}

	@Test
	void amountsRoundHalfUpToCents() {
		// 7 x 0.125 = 0.875 -> 0.88; with 10 % off 0.7875 -> 0.79
		assertThat(OrderLines.price(new BigDecimal("7"), new BigDecimal("0.125"), BigDecimal.ZERO, null).net())
			.isEqualByComparingTo("0.88");
		assertThat(OrderLines.price(new BigDecimal("7"), new BigDecimal("0.125"), BigDecimal.TEN, null).net())
			.isEqualByComparingTo("0.79");
	}

	@Test
	void aLineWithoutCostCountsAllOfItsNetAsMargin() {
		OrderLines.Priced line = OrderLines.price(BigDecimal.ONE, new BigDecimal("10"), BigDecimal.ZERO, null);
		assertThat(line.cost()).isEqualByComparingTo("0");
		assertThat(line.margin()).isEqualByComparingTo("10");
		assertThat(line.unitCost()).isNull();
	}

	@Test
	void aReturnIsANegativeLineThatReducesTheTotals() {
		OrderLines.Priced sale = OrderLines.price(new BigDecimal("10"), new BigDecimal("5"), BigDecimal.ZERO,
				new BigDecimal("3"));
		OrderLines.Priced returned = OrderLines.price(new BigDecimal("-2"), new BigDecimal("5"), BigDecimal.ZERO,
				new BigDecimal("3"));
		assertThat(returned.net()).isEqualByComparingTo("-10.00");
		assertThat(returned.margin()).isEqualByComparingTo("-4.00");
		OrderLines.Totals totals = OrderLines.totals(List.of(sale, returned));
		assertThat(totals.net()).isEqualByComparingTo("40.00");
		assertThat(totals.cost()).isEqualByComparingTo("24.00");
		assertThat(totals.margin()).isEqualByComparingTo("16.00");
		assertThat(totals.units()).isEqualByComparingTo("8");
	}

	@Test
	void totalsAreTheSumsOfTheRoundedLines() {
		List<OrderLines.Priced> lines = List.of(
				OrderLines.price(BigDecimal.ONE, new BigDecimal("0.005"), BigDecimal.ZERO, null),
				OrderLines.price(BigDecimal.ONE, new BigDecimal("0.005"), BigDecimal.ZERO, null));
		assertThat(OrderLines.totals(lines).net()).as("0.01 + 0.01, not round(0.010)").isEqualByComparingTo("0.02");
	}

	@Test
	void splitSharesMustBePositiveAndSumToExactlyHundred() {
		assertThat(OrderLines.sharesSumToHundred(List.of(new BigDecimal("60"), new BigDecimal("40")))).isTrue();
		assertThat(OrderLines.sharesSumToHundred(List.of(new BigDecimal("33.3333"), new BigDecimal("33.3333"),
				new BigDecimal("33.3334")))).isTrue();
		assertThat(OrderLines.sharesSumToHundred(List.of(new BigDecimal("50"), new BigDecimal("49.99")))).isFalse();
		assertThat(OrderLines.sharesSumToHundred(List.of(new BigDecimal("120"), new BigDecimal("-20")))).isFalse();
		assertThat(OrderLines.shareOf(new BigDecimal("100.01"), new BigDecimal("50"))).isEqualByComparingTo("50.01");
	}
}
