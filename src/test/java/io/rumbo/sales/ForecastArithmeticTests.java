package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.sales.domain.ForecastArithmetic;
import io.rumbo.sales.domain.ForecastArithmetic.Deal;
import io.rumbo.sales.domain.ForecastArithmetic.Frozen;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast's rules (decision 0025): cumulative categories, the weighted pipeline, accuracy, movement. */
class ForecastArithmeticTests {

	@Test
	void theWeightedPipelineOfTheWorkedExample() {
		// 3,800 x 90 % + 22,500 x 20 % = 3,420 + 4,500 = 7,920
		ForecastCalls.Figures f = ForecastArithmetic.figures(List.of(
				new Deal(new BigDecimal("3800"), 90, ForecastCategory.COMMIT, "OPEN"),
				new Deal(new BigDecimal("22500"), 20, ForecastCategory.PIPELINE, "OPEN")));
		assertThat(f.weighted()).isEqualByComparingTo("7920.00");
		assertThat(f.commit()).isEqualByComparingTo("3800");
		assertThat(f.pipeline()).isEqualByComparingTo("22500");
		assertThat(f.open()).isEqualTo(2);
	}

	@Test
	void theCategoriesAddUpCumulatively() {
		ForecastCalls.Figures f = ForecastArithmetic.figures(List.of(
				new Deal(new BigDecimal("1000"), 100, ForecastCategory.CLOSED, "WON"),
				new Deal(new BigDecimal("700"), 100, ForecastCategory.COMMIT, "WON"),
				new Deal(new BigDecimal("3800"), 75, ForecastCategory.COMMIT, "OPEN"),
				new Deal(new BigDecimal("200"), 75, ForecastCategory.CLOSED, "OPEN"),
				new Deal(new BigDecimal("2000"), 50, ForecastCategory.MOST_LIKELY, "OPEN"),
				new Deal(new BigDecimal("22500"), 20, ForecastCategory.BEST_CASE, "OPEN"),
				new Deal(new BigDecimal("5000"), 10, ForecastCategory.PIPELINE, "OPEN"),
				new Deal(new BigDecimal("9999"), 10, ForecastCategory.OMITTED, "OPEN"),
				new Deal(new BigDecimal("4444"), 0, ForecastCategory.OMITTED, "LOST")));
		// closed = the won deals, whatever their category
		assertThat(f.closed()).isEqualByComparingTo("1700");
		// commit = closed + commit (an open deal marked closed counts as commit)
		assertThat(f.commit()).isEqualByComparingTo("5700");
		// most likely = most likely + commit + closed
		assertThat(f.mostLikely()).isEqualByComparingTo("7700");
		// best case = best case + most likely + commit + closed
		assertThat(f.bestCase()).isEqualByComparingTo("30200");
		// the open pipeline stays visible outside the call; omitted and lost count nowhere
		assertThat(f.pipeline()).isEqualByComparingTo("5000");
		// 3,800 x 75 % + 200 x 75 % + 2,000 x 50 % + 22,500 x 20 % + 5,000 x 10 % + 9,999 x 10 %
		assertThat(f.weighted()).isEqualByComparingTo("9999.90");
		assertThat(f.open()).isEqualTo(6);
	}

	@Test
	void accuracyIsOneHundredLessTheErrorAgainstMostLikely() {
		assertThat(ForecastArithmetic.accuracy(new BigDecimal("10000"), new BigDecimal("9000"))).isEqualByComparingTo("90");
		assertThat(ForecastArithmetic.accuracy(new BigDecimal("10000"), new BigDecimal("11500"))).isEqualByComparingTo("85");
		assertThat(ForecastArithmetic.accuracy(new BigDecimal("10000"), new BigDecimal("30000"))).isEqualByComparingTo("0");
		assertThat(ForecastArithmetic.accuracy(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualByComparingTo("100");
		assertThat(ForecastArithmetic.accuracy(BigDecimal.ZERO, BigDecimal.ONE)).isEqualByComparingTo("0");
	}

	@Test
	void movementBetweenTwoSnapshots() {
		LocalDate may = LocalDate.of(2026, 5, 20);
		Frozen open = new Frozen(new BigDecimal("1000"), "OPEN", may);
		assertThat(ForecastArithmetic.movement(null, open)).isEqualTo(ForecastCalls.Movement.NEW);
		assertThat(ForecastArithmetic.movement(open, new Frozen(new BigDecimal("1000"), "WON", may.minusDays(3))))
			.isEqualTo(ForecastCalls.Movement.WON);
		assertThat(ForecastArithmetic.movement(open, new Frozen(new BigDecimal("1000"), "LOST", may)))
			.isEqualTo(ForecastCalls.Movement.LOST);
		assertThat(ForecastArithmetic.movement(open, new Frozen(new BigDecimal("1200"), "OPEN", may.plusDays(30))))
			.as("a later close wins over a new amount").isEqualTo(ForecastCalls.Movement.PUSHED_OUT);
		assertThat(ForecastArithmetic.movement(open, new Frozen(new BigDecimal("1000"), "OPEN", may.minusDays(5))))
			.isEqualTo(ForecastCalls.Movement.PULLED_IN);
		assertThat(ForecastArithmetic.movement(open, new Frozen(new BigDecimal("1500"), "OPEN", may)))
			.isEqualTo(ForecastCalls.Movement.AMOUNT_CHANGED);
		assertThat(ForecastArithmetic.movement(open, open)).isNull();
		assertThat(ForecastArithmetic.movement(new Frozen(new BigDecimal("1000"), "WON", may),
				new Frozen(new BigDecimal("1000"), "WON", may))).as("already closed").isNull();
		assertThat(ForecastArithmetic.movement(open, null)).as("gone").isNull();
	}
}
