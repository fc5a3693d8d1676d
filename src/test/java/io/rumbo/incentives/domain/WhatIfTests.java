package io.rumbo.incentives.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.incentives.domain.Calculation.Figures;
import io.rumbo.incentives.domain.Calculation.Held;
import io.rumbo.incentives.domain.Calculation.Outcome;

/**
 * The estimator's arithmetic (decision 0024): the figures moved to an attainment or by a deal, then paid by the
 * calculation itself. The issue's worked example: quarterly quota 100,000, 5 % to quota, 6 % to 125 %, 7 % above.
 */
class WhatIfTests {

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	/** 5 % to quota, 6 % from 100 to 125 %, 7 % above, on attainment. */
	static final ComponentRules ISSUE = ComponentRules.of(new RateTable(TableKind.MARGINAL, TableBasis.ATTAINMENT,
			TierBoundary.LOWER_INCLUSIVE, List.of(Tier.of("0", "100", "5"), Tier.of("100", "125", "6"),
					Tier.of("125", null, "7"))));

	/** Ana so far: 40,000 of a quarterly quota of 100,000. */
	static final Figures SO_FAR = Figures.of(d("40000"), d("100000"));

	static Outcome at(ComponentRules rules, Figures figures, String attainment) {
		return Calculation.component(rules, WhatIf.at(figures, d(attainment), null, null));
	}

	@Test
	void workedExampleAt150PercentCrossesBothUpperTiers() {
		assertThat(Calculation.component(ISSUE, SO_FAR).amount()).as("so far: 40,000 at 5 %").isEqualTo(d("2000.00"));
		Outcome at150 = at(ISSUE, SO_FAR, "150");
		assertThat(at150.value()).isEqualByComparingTo("150000");
		assertThat(at150.attainment()).isEqualTo(d("150.00"));
		assertThat(at150.tier()).isEqualTo(3);
		assertThat(at150.rate()).isEqualTo(d("7"));
		assertThat(at150.amount()).as("5,000 + 1,500 + 1,750").isEqualTo(d("8250.00"));
		assertThat(at(ISSUE, SO_FAR, "100").amount()).isEqualTo(d("5000.00"));
		assertThat(at(ISSUE, SO_FAR, "120").amount()).as("5,000 + 20,000 x 6 %").isEqualTo(d("6200.00"));
		assertThat(at(ISSUE, SO_FAR, "125").amount()).isEqualTo(d("6500.00"));
		assertThat(at(ISSUE, SO_FAR, "0").amount()).isEqualTo(d("0.00"));
	}

	@Test
	void anAcceleratorAboveQuotaMultipliesOnlyThePartAboveIt() {
		ComponentRules accelerated = ISSUE.withAccelerator(d("100"), d("1.5"));
		assertThat(at(accelerated, SO_FAR, "100").amount()).as("nothing above quota yet").isEqualTo(d("5000.00"));
		Outcome at150 = at(accelerated, SO_FAR, "150");
		// 8,250 by the table, of which 3,250 earned above quota: half as much again, 1,625.
		assertThat(at150.tableAmount()).isEqualTo(d("8250.00"));
		assertThat(at150.multiplied()).isEqualTo(d("1625.00"));
		assertThat(at150.amount()).isEqualTo(d("9875.00"));
	}

	@Test
	void thresholdAndCapHoldAsInAStatement() {
		ComponentRules rules = ISSUE.withThreshold(d("50")).withCap(d("30000"));
		Outcome below = at(rules, SO_FAR, "49.99");
		assertThat(below.held()).isEqualTo(Held.THRESHOLD);
		assertThat(below.amount()).isEqualTo(d("0.00"));
		assertThat(at(rules, SO_FAR, "50").amount()).as("from the threshold, everything").isEqualTo(d("2500.00"));
		Outcome huge = at(rules, SO_FAR, "1000");
		// 1,000,000: 5,000 + 1,500 + 875,000 x 7 % = 67,750, of which the cap takes 37,750.
		assertThat(huge.amount()).isEqualTo(d("30000.00"));
		assertThat(huge.capped()).isEqualTo(d("37750.00"));
	}

	@Test
	void aYearToDateGateIsCheckedOnTheYearAsItWouldBe() {
		// A second quarter: the first brought 10,000 of 100,000; this one 40,000 so far. Year to date 50,000 of
		// 200,000 (25 %); the gate opens at 90 % of the year.
		ComponentRules gated = ISSUE.withYtdGate(d("90"));
		Figures figures = SO_FAR.yearToDate(d("25"));
		assertThat(Calculation.component(gated, figures).held()).isEqualTo(Held.YTD_GATE);
		Outcome at150 = Calculation.component(gated, WhatIf.at(figures, d("150"), d("50000"), d("200000")));
		assertThat(at150.held()).as("year: 10,000 + 150,000 = 80 %").isEqualTo(Held.YTD_GATE);
		Outcome at170 = Calculation.component(gated, WhatIf.at(figures, d("170"), d("50000"), d("200000")));
		assertThat(at170.held()).as("year: 10,000 + 170,000 = 90 %").isEqualTo(Held.NONE);
		assertThat(at170.amount()).as("5,000 + 1,500 + 45,000 x 7 %").isEqualTo(d("9650.00"));
	}

	@Test
	void aDealAddsItsAmountAtTheRatesItReaches() {
		Figures nearQuota = Figures.of(d("95000"), d("100000"));
		Outcome without = Calculation.component(ISSUE, nearQuota);
		Outcome with = Calculation.component(ISSUE, WhatIf.plus(nearQuota, d("10000"), null, null));
		assertThat(without.amount()).isEqualTo(d("4750.00"));
		// 5,000 to quota plus 5,000 x 6 %: the deal adds 250 + 300 = 550.
		assertThat(with.amount().subtract(without.amount())).isEqualTo(d("550.00"));
	}

	@Test
	void withoutAQuotaAttainmentMovesNothingAndProrationStays() {
		RateTable perUnit = new RateTable(TableKind.PER_UNIT, TableBasis.VALUE, TierBoundary.LOWER_INCLUSIVE,
				List.of(Tier.of("0", null, "40")));
		Figures units = Figures.of(d("12"), null);
		assertThat(WhatIf.moves(units)).isFalse();
		assertThat(WhatIf.at(units, d("150"), null, null)).isEqualTo(units);
		Figures prorated = SO_FAR.prorated(d("0.5"));
		assertThat(at(ISSUE, prorated, "150").amount()).as("8,250 x 0.5").isEqualTo(d("4125.00"));
		assertThat(Calculation.component(ComponentRules.of(perUnit), WhatIf.plus(units, d("3"), null, null)).amount())
			.isEqualTo(d("600.00"));
		assertThatThrownBy(() -> WhatIf.at(SO_FAR, d("-1"), null, null)).isInstanceOf(IllegalArgumentException.class);
	}
}
