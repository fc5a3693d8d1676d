package io.rumbo.incentives.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.incentives.domain.Calculation.Figures;
import io.rumbo.incentives.domain.Calculation.Held;
import io.rumbo.incentives.domain.Calculation.Outcome;
import io.rumbo.shared.time.FiscalPeriod;

/** The arithmetic of docs/incentives.md: the worked examples first, then every table kind at its boundaries. */
class CalculationTests {

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	static RateTable table(TableKind kind, TableBasis basis, TierBoundary boundary, Tier... tiers) {
		return new RateTable(kind, basis, boundary, List.of(tiers));
	}

	/** Tiers 0-10k 1 %, 10-50k 2 %, 50-100k 3 %, over 100k 4 %. */
	static RateTable fourTiers(TableKind kind, TierBoundary boundary) {
		return table(kind, TableBasis.VALUE, boundary, Tier.of("0", "10000", "1"), Tier.of("10000", "50000", "2"),
				Tier.of("50000", "100000", "3"), Tier.of("100000", null, "4"));
	}

	static Outcome pay(RateTable table, String value) {
		return Calculation.component(ComponentRules.of(table), Figures.of(d(value), null));
	}

	static Outcome pay(ComponentRules rules, String value, String quota) {
		return Calculation.component(rules, Figures.of(d(value), d(quota)));
	}

	// Worked example 1 (docs/incentives.md): flat rate of the highest tier reached.
	@Test
	void workedExampleFlatRateOfTheHighestTierReached() {
		RateTable flat = fourTiers(TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE);
		assertThat(pay(flat, "5000")).extracting(Outcome::tier, Outcome::rate, Outcome::amount)
			.containsExactly(1, d("1"), d("50.00"));
		assertThat(pay(flat, "15000")).extracting(Outcome::tier, Outcome::rate, Outcome::amount)
			.containsExactly(2, d("2"), d("300.00"));
		assertThat(pay(flat, "60000")).extracting(Outcome::tier, Outcome::rate, Outcome::amount)
			.containsExactly(3, d("3"), d("1800.00"));
		assertThat(pay(flat, "150000").amount()).isEqualTo(d("6000.00"));
	}

	// Worked example 2: quarterly quota 100k, 5 % to quota, 6 % 100-125k, 7 % above; 150k pays 8,250.
	@Test
	void workedExampleMarginalRatesAboveQuota() {
		RateTable marginal = table(TableKind.MARGINAL, TableBasis.ATTAINMENT, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("0", "100", "5"), Tier.of("100", "125", "6"), Tier.of("125", null, "7"));
		Outcome outcome = pay(ComponentRules.of(marginal), "150000", "100000");
		assertThat(outcome.amount()).isEqualTo(d("8250.00"));
		assertThat(outcome.attainment()).isEqualTo(d("150.00"));
		assertThat(outcome.tier()).isEqualTo(3);
		assertThat(outcome.rate()).isEqualTo(d("7"));
		// 5,000 + 1,500 + 1,750, piece by piece
		assertThat(pay(ComponentRules.of(marginal), "100000", "100000").amount()).isEqualTo(d("5000.00"));
		assertThat(pay(ComponentRules.of(marginal), "125000", "100000").amount()).isEqualTo(d("6500.00"));
	}

	@Test
	void workedExampleMarginalRatesReadAsAnAcceleratedFlatRate() {
		// The same plan as 5 % flat with the part above quota accelerated: 6/5 = 1.2 from 100 % (and 7/5 = 1.4 from
		// 125 % is beyond a single multiplier), so the accelerator alone gives 5,000 + 2,500 x 1.2 = 8,000 at 150k.
		RateTable flat = table(TableKind.MARGINAL, TableBasis.VALUE, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("0", null, "5"));
		Outcome outcome = pay(ComponentRules.of(flat).withAccelerator(d("100"), d("1.2")), "150000", "100000");
		assertThat(outcome.tableAmount()).isEqualTo(d("7500.00"));
		assertThat(outcome.multiplied()).isEqualTo(d("500.00"));
		assertThat(outcome.amount()).isEqualTo(d("8000.00"));
	}

	// Worked example 3: recoverable draw of 2,000 a month.
	@Test
	void workedExampleRecoverableDraw() {
		BigDecimal draw = d("2000");
		Draws.Month first = Draws.month(DrawKind.RECOVERABLE, draw, d("1500"), BigDecimal.ZERO);
		Draws.Month second = Draws.month(DrawKind.RECOVERABLE, draw, d("2375"), first.owedAfter());
		Draws.Month third = Draws.month(DrawKind.RECOVERABLE, draw, d("3000"), second.owedAfter());
		assertThat(List.of(first.paid(), second.paid(), third.paid()))
			.containsExactly(d("2000.00"), d("2000.00"), d("2875.00"));
		assertThat(List.of(first.owedAfter(), second.owedAfter(), third.owedAfter()))
			.containsExactly(d("500.00"), d("125.00"), d("0.00"));
	}

	@Test
	void nonRecoverableDrawIsAGuaranteeAndNothingIsOwed() {
		assertThat(Draws.month(DrawKind.NON_RECOVERABLE, d("2000"), d("1500"), BigDecimal.ZERO))
			.extracting(Draws.Month::paid, Draws.Month::owedAfter)
			.containsExactly(d("2000.00"), d("0.00"));
		assertThat(Draws.month(DrawKind.NON_RECOVERABLE, d("2000"), d("2375"), BigDecimal.ZERO).paid())
			.isEqualTo(d("2375.00"));
		assertThat(Draws.month(DrawKind.NONE, d("2000"), d("1500"), BigDecimal.ZERO).paid()).isEqualTo(d("1500.00"));
	}

	@Test
	void recoverableDrawKeepsOwingWhileEarningsStayShort() {
		Draws.Month first = Draws.month(DrawKind.RECOVERABLE, d("2000"), d("0"), BigDecimal.ZERO);
		Draws.Month second = Draws.month(DrawKind.RECOVERABLE, d("2000"), d("500"), first.owedAfter());
		assertThat(second.paid()).isEqualTo(d("2000.00"));
		assertThat(second.owedAfter()).isEqualTo(d("3500.00"));
	}

	// Worked example 4: 50 % clawback on 10,000 of commission already paid.
	@Test
	void workedExampleHalfClawback() {
		assertThat(Clawbacks.adjustment(ClawbackPolicy.PRORATED, d("50"), d("10000"))).isEqualTo(d("-5000.00"));
		assertThat(Clawbacks.adjustment(ClawbackPolicy.FULL, d("50"), d("10000"))).isEqualTo(d("-10000.00"));
	}

	// Boundaries: flat
	@Test
	void flatValueOnABoundaryBelongsToTheUpperTierWhenLowerBoundsAreInclusive() {
		assertThat(pay(fourTiers(TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE), "10000"))
			.extracting(Outcome::tier, Outcome::amount)
			.containsExactly(2, d("200.00"));
		assertThat(pay(fourTiers(TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE), "9999.99").amount())
			.isEqualTo(d("100.00"));
	}

	@Test
	void flatValueOnABoundaryBelongsToTheLowerTierWhenUpperBoundsAreInclusive() {
		assertThat(pay(fourTiers(TableKind.FLAT, TierBoundary.UPPER_INCLUSIVE), "10000"))
			.extracting(Outcome::tier, Outcome::amount)
			.containsExactly(1, d("100.00"));
		assertThat(pay(fourTiers(TableKind.FLAT, TierBoundary.UPPER_INCLUSIVE), "10000.01"))
			.extracting(Outcome::tier, Outcome::amount)
			.containsExactly(2, d("200.00"));
		assertThat(pay(fourTiers(TableKind.FLAT, TierBoundary.UPPER_INCLUSIVE), "0").tier()).isEqualTo(1);
	}

	@Test
	void flatValueBelowTheFirstTierPaysNothing() {
		RateTable fromTenThousand = table(TableKind.FLAT, TableBasis.VALUE, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("10000", null, "2"));
		assertThat(pay(fromTenThousand, "9999")).extracting(Outcome::tier, Outcome::amount)
			.containsExactly(0, d("0.00"));
		assertThat(pay(fromTenThousand, "10000").amount()).isEqualTo(d("200.00"));
		RateTable exclusive = table(TableKind.FLAT, TableBasis.VALUE, TierBoundary.UPPER_INCLUSIVE,
				Tier.of("10000", null, "2"));
		assertThat(pay(exclusive, "10000").amount()).isEqualTo(d("200.00"));
	}

	// Boundaries: marginal
	@Test
	void marginalPaysEachRateOnlyOnThePartInsideItsTier() {
		RateTable marginal = fourTiers(TableKind.MARGINAL, TierBoundary.LOWER_INCLUSIVE);
		// 10,000 x 1 % + 5,000 x 2 %
		assertThat(pay(marginal, "15000").amount()).isEqualTo(d("200.00"));
		// 100 + 800 + 300
		assertThat(pay(marginal, "60000").amount()).isEqualTo(d("1200.00"));
	}

	@Test
	void marginalOnABoundaryPaysTheSameEitherWayButNamesTheTierByTheBoundaryRule() {
		Outcome lower = pay(fourTiers(TableKind.MARGINAL, TierBoundary.LOWER_INCLUSIVE), "50000");
		Outcome upper = pay(fourTiers(TableKind.MARGINAL, TierBoundary.UPPER_INCLUSIVE), "50000");
		assertThat(lower.amount()).isEqualTo(d("900.00")).isEqualTo(upper.amount());
		assertThat(lower.tier()).isEqualTo(3);
		assertThat(lower.rate()).isEqualTo(d("3"));
		assertThat(upper.tier()).isEqualTo(2);
		assertThat(upper.rate()).isEqualTo(d("2"));
	}

	// Boundaries: proportional
	@Test
	void proportionalTiersPayTheirAmountProRatedInsideThem() {
		RateTable proportional = table(TableKind.PROPORTIONAL, TableBasis.ATTAINMENT, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("80", "100", "1000"), Tier.of("100", "120", "2000"));
		assertThat(pay(ComponentRules.of(proportional), "79000", "100000").amount()).isEqualTo(d("0.00"));
		assertThat(pay(ComponentRules.of(proportional), "80000", "100000").amount()).isEqualTo(d("0.00"));
		assertThat(pay(ComponentRules.of(proportional), "90000", "100000").amount()).isEqualTo(d("500.00"));
		assertThat(pay(ComponentRules.of(proportional), "100000", "100000")).extracting(Outcome::tier,
				Outcome::amount)
			.containsExactly(2, d("1000.00"));
		assertThat(pay(ComponentRules.of(proportional), "110000", "100000").amount()).isEqualTo(d("2000.00"));
		assertThat(pay(ComponentRules.of(proportional), "130000", "100000").amount()).isEqualTo(d("3000.00"));
	}

	@Test
	void proportionalOnABoundaryUnderUpperInclusiveStaysInTheLowerTier() {
		RateTable proportional = table(TableKind.PROPORTIONAL, TableBasis.VALUE, TierBoundary.UPPER_INCLUSIVE,
				Tier.of("0", "100", "10"), Tier.of("100", "200", "30"));
		assertThat(pay(proportional, "100")).extracting(Outcome::tier, Outcome::amount)
			.containsExactly(1, d("10.00"));
		assertThat(pay(proportional, "150")).extracting(Outcome::tier, Outcome::amount)
			.containsExactly(2, d("25.00"));
	}

	@Test
	void proportionalTablesNeedABoundedLastTier() {
		assertThatThrownBy(() -> table(TableKind.PROPORTIONAL, TableBasis.VALUE, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("0", null, "10")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void tiersMustBeContiguous() {
		assertThatThrownBy(() -> table(TableKind.FLAT, TableBasis.VALUE, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("0", "100", "1"), Tier.of("150", null, "2")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Tier.of("100", "100", "1")).isInstanceOf(IllegalArgumentException.class);
	}

	// Boundaries: retroactive
	@Test
	void retroactiveReRatesTheYearToDateWhenATierIsReached() {
		RateTable retro = fourTiers(TableKind.RETROACTIVE, TierBoundary.LOWER_INCLUSIVE);
		ComponentRules rules = ComponentRules.of(retro);
		// Q1: 8,000 at 1 % = 80. Q2: 7,000 more takes the year to 15,000, re-rated at 2 % = 300, less the 80 paid.
		Outcome q1 = Calculation.component(rules, Figures.of(d("8000"), null));
		Outcome q2 = Calculation.component(rules, Figures.of(d("7000"), null).after(d("8000"), null));
		assertThat(q1.amount()).isEqualTo(d("80.00"));
		assertThat(q2).extracting(Outcome::tier, Outcome::rate, Outcome::amount).containsExactly(2, d("2"),
				d("220.00"));
	}

	@Test
	void retroactiveOnABoundaryReRatesOnlyWhenTheBoundaryIsInclusive() {
		Figures reachingTenThousand = Figures.of(d("2000"), null).after(d("8000"), null);
		assertThat(Calculation
			.component(ComponentRules.of(fourTiers(TableKind.RETROACTIVE, TierBoundary.LOWER_INCLUSIVE)),
					reachingTenThousand)
			.amount()).isEqualTo(d("120.00"));
		assertThat(Calculation
			.component(ComponentRules.of(fourTiers(TableKind.RETROACTIVE, TierBoundary.UPPER_INCLUSIVE)),
					reachingTenThousand)
			.amount()).isEqualTo(d("20.00"));
	}

	@Test
	void retroactiveInTheFirstPeriodIsTheFlatRate() {
		assertThat(pay(fourTiers(TableKind.RETROACTIVE, TierBoundary.LOWER_INCLUSIVE), "60000").amount())
			.isEqualTo(pay(fourTiers(TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE), "60000").amount());
	}

	// Per unit (SPIFF)
	@Test
	void perUnitPaysTheAmountForEachUnitCounted() {
		RateTable spiff = table(TableKind.PER_UNIT, TableBasis.VALUE, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("0", null, "25"));
		assertThat(pay(spiff, "12")).extracting(Outcome::rate, Outcome::amount).containsExactly(d("25"),
				d("300.00"));
		assertThat(pay(spiff, "0.5").amount()).isEqualTo(d("12.50"));
		assertThat(pay(spiff, "-3").amount()).isEqualTo(d("0.00"));
	}

	// Options
	@Test
	void thresholdPaysNothingBelowItAndEverythingFromIt() {
		ComponentRules rules = ComponentRules.of(fourTiers(TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE))
			.withThreshold(d("80"));
		Outcome below = pay(rules, "79999", "100000");
		assertThat(below).extracting(Outcome::amount, Outcome::held).containsExactly(d("0.00"), Held.THRESHOLD);
		assertThat(pay(rules, "80000", "100000").amount()).isEqualTo(d("2400.00"));
	}

	@Test
	void withoutAQuotaAComponentThatNeedsOneIsHeld() {
		ComponentRules rules = ComponentRules.of(fourTiers(TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE))
			.withThreshold(d("80"));
		assertThat(Calculation.component(rules, Figures.of(d("90000"), null)).held()).isEqualTo(Held.NO_QUOTA);
	}

	@Test
	void deceleratorReducesWhatIsEarnedBelowItsPoint() {
		RateTable fivePercent = table(TableKind.MARGINAL, TableBasis.VALUE, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("0", null, "5"));
		ComponentRules rules = ComponentRules.of(fivePercent).withDecelerator(d("50"), d("0.5"));
		// 40k of 100k: all of it below 50 %: 2,000 halved
		assertThat(pay(rules, "40000", "100000")).extracting(Outcome::multiplied, Outcome::amount)
			.containsExactly(d("-1000.00"), d("1000.00"));
		// 80k: the first 50k halved (-1,250), the rest at 5 %
		assertThat(pay(rules, "80000", "100000").amount()).isEqualTo(d("2750.00"));
	}

	@Test
	void acceleratorStartsExactlyAtItsPoint() {
		RateTable fivePercent = table(TableKind.MARGINAL, TableBasis.VALUE, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("0", null, "5"));
		ComponentRules rules = ComponentRules.of(fivePercent).withAccelerator(d("100"), d("2"));
		assertThat(pay(rules, "100000", "100000").multiplied()).isEqualTo(d("0.00"));
		assertThat(pay(rules, "100001", "100000").amount()).isEqualTo(d("5000.10"));
	}

	@Test
	void ytdGateHoldsThePeriodUntilTheYearReachesIt() {
		ComponentRules rules = ComponentRules.of(fourTiers(TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE))
			.withYtdGate(d("90"));
		Figures figures = Figures.of(d("60000"), d("50000"));
		assertThat(Calculation.component(rules, figures.yearToDate(d("89.99"))).held()).isEqualTo(Held.YTD_GATE);
		assertThat(Calculation.component(rules, figures.yearToDate(d("90"))).amount()).isEqualTo(d("1800.00"));
		assertThat(Calculation.component(rules, figures).held()).isEqualTo(Held.YTD_GATE);
	}

	@Test
	void capKeepsTheMostAndRecordsWhatItTook() {
		ComponentRules rules = ComponentRules.of(fourTiers(TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE))
			.withCap(d("5000"));
		assertThat(pay(rules, "150000", "100000")).extracting(Outcome::capped, Outcome::amount)
			.containsExactly(d("1000.00"), d("5000.00"));
		assertThat(pay(rules, "125000", "100000")).extracting(Outcome::capped, Outcome::amount)
			.containsExactly(d("0.00"), d("5000.00"));
	}

	@Test
	void planCapTakesTheExcessOverTheComponentsTotal() {
		Calculation.PlanTotal total = Calculation.plan(List.of(d("6000.00"), d("2500.00")), d("8000"));
		assertThat(total).extracting(Calculation.PlanTotal::earned, Calculation.PlanTotal::capped,
				Calculation.PlanTotal::amount)
			.containsExactly(d("8500.00"), d("500.00"), d("8000.00"));
		assertThat(Calculation.plan(List.of(d("100.00")), null).amount()).isEqualTo(d("100.00"));
	}

	@Test
	void bonusesArePaidOnReachingTheirTarget() {
		RateTable none = table(TableKind.MARGINAL, TableBasis.ATTAINMENT, TierBoundary.LOWER_INCLUSIVE,
				Tier.of("0", null, "0"));
		ComponentRules rules = ComponentRules.of(none)
			.withBonuses(List.of(new ComponentRules.Bonus(d("100"), d("3000")),
					new ComponentRules.Bonus(d("120"), d("1500"))));
		assertThat(pay(rules, "99999", "100000").amount()).isEqualTo(d("0.00"));
		assertThat(pay(rules, "100000", "100000")).extracting(Outcome::bonus, Outcome::amount)
			.containsExactly(d("3000.00"), d("3000.00"));
		assertThat(pay(rules, "130000", "100000").amount()).isEqualTo(d("4500.00"));
	}

	@Test
	void prorationScalesTheAmountBeforeTheCap() {
		ComponentRules rules = ComponentRules.of(fourTiers(TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE))
			.withCap(d("1000"));
		Outcome half = Calculation.component(rules, Figures.of(d("60000"), null).prorated(d("0.5")));
		assertThat(half).extracting(Outcome::tableAmount, Outcome::capped, Outcome::amount)
			.containsExactly(d("1800.00"), d("0.00"), d("900.00"));
	}

	@Test
	void prorationByDaysCountsTheDaysAssigned() {
		FiscalPeriod quarter = new FiscalPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
		// joins on 1 March: 31 of 90 days
		assertThat(Proration.share(ProrationRule.DAYS, quarter, LocalDate.of(2026, 3, 1), null))
			.isEqualTo(d("0.344444"));
		// leaves on 31 January: 31 of 90
		assertThat(Proration.share(ProrationRule.DAYS, quarter, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 31)))
			.isEqualTo(d("0.344444"));
		assertThat(Proration.share(ProrationRule.DAYS, quarter, LocalDate.of(2025, 1, 1), null)).isEqualTo(
				d("1.000000"));
		assertThat(Proration.share(ProrationRule.DAYS, quarter, LocalDate.of(2026, 4, 1), null)).isEqualTo(
				d("0.000000"));
	}

	@Test
	void prorationByMonthsCountsTheMonthsWhoseFifteenthIsCovered() {
		FiscalPeriod quarter = new FiscalPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
		assertThat(Proration.share(ProrationRule.MONTHS, quarter, LocalDate.of(2026, 2, 15), null))
			.isEqualTo(d("0.666667"));
		assertThat(Proration.share(ProrationRule.MONTHS, quarter, LocalDate.of(2026, 2, 16), null))
			.isEqualTo(d("0.333333"));
		// moves out on 14 March: January and February
		assertThat(Proration.share(ProrationRule.MONTHS, quarter, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 14)))
			.isEqualTo(d("0.666667"));
	}
}
