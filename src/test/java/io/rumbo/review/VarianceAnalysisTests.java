package io.rumbo.review;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.review.VarianceAnalysis.Decomposition;
import io.rumbo.review.VarianceAnalysis.Effects;
import io.rumbo.review.VarianceAnalysis.LineInput;
import io.rumbo.review.VarianceAnalysis.MarginSplit;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of docs/variance.md, to the cent, and the rules for lines without quantities. */
class VarianceAnalysisTests {

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void theWorkedExampleOfTheDocs() {
		// Plan: A 100 x 10.00 = 1,000.00; B 50 x 30.00 = 1,500.00. Actual: A 130 x 9.50 = 1,235.00; B 40 x 31.00 = 1,240.00.
		Decomposition result = VarianceAnalysis.decompose(List.of(
				new LineInput("A", d("1000"), d("100"), d("1235"), d("130"), null),
				new LineInput("B", d("1500"), d("50"), d("1240"), d("40"), null)));
		Effects a = result.lines().get(0);
		Effects b = result.lines().get(1);
		assertThat(a.volume()).isEqualByComparingTo("133.33");
		assertThat(a.mix()).isEqualByComparingTo("166.67");
		assertThat(a.price()).isEqualByComparingTo("-65.00");
		assertThat(a.gap()).isEqualByComparingTo("235.00");
		assertThat(b.volume()).isEqualByComparingTo("200.00");
		assertThat(b.mix()).isEqualByComparingTo("-500.00");
		assertThat(b.price()).isEqualByComparingTo("40.00");
		assertThat(b.gap()).isEqualByComparingTo("-260.00");
		Effects total = result.total();
		assertThat(total.base()).isEqualByComparingTo("2500.00");
		assertThat(total.actual()).isEqualByComparingTo("2475.00");
		assertThat(total.volume()).isEqualByComparingTo("333.33");
		assertThat(total.mix()).isEqualByComparingTo("-333.33");
		assertThat(total.price()).isEqualByComparingTo("-25.00");
		assertThat(total.gap()).isEqualByComparingTo("-25.00");
		assertThat(total.volume().add(total.mix()).add(total.price())).isEqualByComparingTo(total.gap());
		// The mix is its formula's value, up to the rounding residue: A's formula gives 166.666..., rounded 166.67.
		assertThat(VarianceAnalysis.mixByFormula(d("170"), d("150"), d("130"), d("100"), d("10"))
			.setScale(6, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("166.666667");
	}

	@Test
	void theMarginSplitOfTheWorkedExample() {
		// Plan margin 750.00 on 2,500.00 (30 %); actual margin 700.00 on 2,475.00.
		MarginSplit split = VarianceAnalysis.margin(d("2500"), d("750"), d("2475"), d("700"));
		assertThat(split.gap()).isEqualByComparingTo("-50.00");
		assertThat(split.revenueEffect()).isEqualByComparingTo("-7.50");
		assertThat(split.costEffect()).isEqualByComparingTo("-42.50");
	}

	@Test
	void theRoundingResidueGoesToTheMixAndTheEffectsAddUpToTheCent() {
		// Thirds everywhere: three lines whose effects all round.
		Decomposition result = VarianceAnalysis.decompose(List.of(
				new LineInput("A", d("100"), d("3"), d("101.01"), d("7"), null),
				new LineInput("B", d("200"), d("7"), d("190.45"), d("3"), null),
				new LineInput("C", d("333.33"), d("11"), d("400.07"), d("13"), null)));
		for (Effects e : result.lines()) {
			assertThat(e.volume().add(e.mix()).add(e.price())).as(e.key()).isEqualByComparingTo(e.gap());
			assertThat(e.gap()).isEqualByComparingTo(e.actual().subtract(e.base()));
			assertThat(e.volume().scale()).isEqualTo(2);
		}
		Effects t = result.total();
		assertThat(t.gap()).isEqualByComparingTo("58.20");
		assertThat(t.volume().add(t.mix()).add(t.price())).isEqualByComparingTo("58.20");
	}

	@Test
	void aPlanInMoneyOnlyTakesLastYearsPriceAndALineWithoutAnyQuantityIsAllVolume() {
		// Line A was planned at 1,200.00 without units; last year it sold at 12.00: the plan stands for 100 units.
		Decomposition result = VarianceAnalysis.decompose(List.of(
				new LineInput("A", d("1200"), d("0"), d("1300"), d("100"), d("12")),
				new LineInput("S", d("500"), d("0"), d("450"), d("0"), null)));
		Effects a = result.lines().get(0);
		assertThat(a.derivedPrice()).isTrue();
		assertThat(a.basePrice()).isEqualByComparingTo("12.0000");
		assertThat(a.volume()).isEqualByComparingTo("0.00");
		assertThat(a.price()).isEqualByComparingTo("100.00");
		assertThat(a.mix()).isEqualByComparingTo("0.00");
		Effects s = result.lines().get(1);
		assertThat(s.volume()).isEqualByComparingTo("-50.00");
		assertThat(s.price()).isEqualByComparingTo("0.00");
		assertThat(s.mix()).isEqualByComparingTo("0.00");
	}
}
