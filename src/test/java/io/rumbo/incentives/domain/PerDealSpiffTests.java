package io.rumbo.incentives.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rumbo.incentives.Cadence;
import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.incentives.domain.Deals.Counted;
import io.rumbo.incentives.domain.Deals.Part;
import io.rumbo.metrics.Metric;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * A SPIFF per deal of a product line (decision 0024): orders on a line with a per-unit table pay per booked order
 * with a line of it, once per credit; returns, other lines and people off the plan do not count.
 */
class PerDealSpiffTests {

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	static ComponentDetails spiff(Metric metric, Long line) {
		return new ComponentDetails("SPIFF", metric, MeasuredOn.PERSON, line, Cadence.MONTH, TableBasis.VALUE,
				TableKind.PER_UNIT, TierBoundary.LOWER_INCLUSIVE, List.of(new TierLine(d("0"), null, d("500"))), null,
				null, null, null, null, null, List.of(), null, null, null);
	}

	static PlanDetails plan(ComponentDetails component) {
		return new PlanDetails("Plan", 2026, null, null, List.of(), ProrationRule.DAYS, null, DrawKind.NONE, null,
				ClawbackPolicy.FULL, null, List.of(component));
	}

	@Test
	void dealsOfALineCountOncePerCreditedPerson() {
		List<Part> parts = List.of(
				// order 1: two products of line 7 for Ana (one group), a product of line 8
				new Part(1, 10, 7, d("1200")), new Part(1, 10, 8, d("300")),
				// order 2 split between Ana and Bruno, line 7
				new Part(2, 10, 7, d("400")), new Part(2, 11, 7, d("600")),
				// order 3: line 8 only
				new Part(3, 10, 8, d("900")),
				// order 4: a return of line 7 (negative, not counted as an order)
				new Part(4, 10, 7, d("-1200")),
				// order 5: Carla, not on the plan
				new Part(5, 12, 7, d("800")));
		List<Counted> counted = List.of(new Counted(1, 10), new Counted(2, 10), new Counted(2, 11),
				new Counted(3, 10), new Counted(5, 12));
		Map<Long, BigDecimal> deals = Deals.perPerson(parts, counted, 7, Set.of(10L, 11L));
		assertThat(deals).containsOnly(Map.entry(10L, d("2")), Map.entry(11L, d("1")));
		assertThat(Deals.perPerson(parts, counted, 8, Set.of(10L, 11L))).containsOnly(Map.entry(10L, d("2")));
		assertThat(Deals.perPerson(parts, List.of(), 7, Set.of(10L))).as("no order counted (cancelled)").isEmpty();
	}

	@Test
	void aPerUnitTablePaysItsAmountPerDeal() {
		ComponentRules rules = PlanRules.rules(spiff(Metric.ORDERS, 7L));
		Calculation.Outcome outcome = Calculation.component(rules, Calculation.Figures.of(d("3"), null));
		assertThat(outcome.amount()).as("3 deals x 500").isEqualTo(d("1500.00"));
		assertThat(outcome.rate()).isEqualByComparingTo("500");
	}

	@Test
	void ordersOnALineAreAcceptedOtherMeasuresWithoutLinesAreNot() {
		assertThat(PlanRules.perDeal(spiff(Metric.ORDERS, 7L))).isTrue();
		assertThat(PlanRules.perDeal(spiff(Metric.ORDERS, null))).as("all orders: per order, no line").isFalse();
		assertThat(PlanRules.perDeal(spiff(Metric.UNITS, 7L))).as("units of a line: per unit").isFalse();
		PlanRules.validate(plan(spiff(Metric.ORDERS, 7L)));
		assertThatThrownBy(() -> PlanRules.validate(plan(spiff(Metric.VISITS, 7L))))
			.isInstanceOfSatisfying(ValidationFailedException.class, ex -> assertThat(ex.errors())
				.extracting(ValidationFailedException.FieldError::messageKey)
				.containsExactly("incentives.component.line.notByLine"));
	}
}
