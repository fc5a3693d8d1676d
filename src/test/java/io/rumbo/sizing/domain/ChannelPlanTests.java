package io.rumbo.sizing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.domain.Calculation;
import io.rumbo.incentives.domain.PlanRules;
import io.rumbo.metrics.Metric;
import io.rumbo.shared.money.Amounts;
import io.rumbo.sizing.ChannelBasis;

/**
 * A channel's plan pays its share of the covered product lines through incentives' own calculation (decision 0042,
 * docs/sizing.md "Channels").
 */
class ChannelPlanTests {

	private static final long COVERED = 11;
	private static final long UNCOVERED = 12;

	/** What the seller is credited with per product line in the month. */
	private static final Map<Long, BigDecimal> REVENUE = Map.of(COVERED, new BigDecimal("10000"), UNCOVERED,
			new BigDecimal("2000"));

	private static final Map<Long, BigDecimal> MARGIN = Map.of(COVERED, new BigDecimal("3500"), UNCOVERED,
			new BigDecimal("900"));

	private static BigDecimal paid(PlanDetails plan, Map<Long, BigDecimal> credited) {
		PlanRules.validate(plan);
		BigDecimal total = Amounts.money(BigDecimal.ZERO);
		for (ComponentDetails c : plan.components()) {
			BigDecimal value = c.productLineId() == null
					? credited.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
					: credited.getOrDefault(c.productLineId(), BigDecimal.ZERO);
			total = total.add(Calculation.component(PlanRules.rules(c),
					new Calculation.Figures(value, null, null, BigDecimal.ZERO, null, BigDecimal.ONE)).amount());
		}
		return total;
	}

	private static Map<Long, String> covered() {
		Map<Long, String> lines = new LinkedHashMap<>();
		lines.put(COVERED, "Bombas");
		return lines;
	}

	@Test
	void eightPercentOfTheRevenueOfTheCoveredLineOnly() {
		PlanDetails plan = ChannelPlan.details("Agente Levante", 2026, ChannelBasis.REVENUE, new BigDecimal("8"), 42,
				covered());
		assertThat(plan.namedPeople()).containsExactly(42L);
		assertThat(plan.components()).singleElement().satisfies(c -> {
			assertThat(c.metric()).isEqualTo(Metric.REVENUE);
			assertThat(c.productLineId()).isEqualTo(COVERED);
		});
		// 8 % of 10,000 (covered); the 2,000 of the uncovered line pays nothing.
		assertThat(paid(plan, REVENUE)).isEqualByComparingTo("800.00");
	}

	@Test
	void thePlanIsNamedByTheChannelAndItsComponentsByTheirLinesInNoFixedLanguage() {
		PlanDetails plan = ChannelPlan.details("Agente Levante", 2026, ChannelBasis.MARGIN, new BigDecimal("8"), 42,
				covered());
		assertThat(plan.name()).isEqualTo("Agente Levante");
		assertThat(plan.components()).extracting(c -> c.name()).containsExactly("Bombas");
		PlanDetails every = ChannelPlan.details("Agente Levante", 2026, ChannelBasis.REVENUE, new BigDecimal("8"), 42,
				Map.of());
		assertThat(every.components()).extracting(c -> c.name()).containsExactly("Agente Levante");
	}

	@Test
	void twelvePercentOfTheMarginOfTheCoveredLineOnly() {
		PlanDetails plan = ChannelPlan.details("Distribuidor Canarias", 2026, ChannelBasis.MARGIN,
				new BigDecimal("12"), 43, covered());
		assertThat(plan.components().get(0).metric()).isEqualTo(Metric.MARGIN);
		// 12 % of the margin 3,500 of the covered line: 420.00; the 900 of the other line pays nothing.
		assertThat(paid(plan, MARGIN)).isEqualByComparingTo("420.00");
	}

	@Test
	void termsThatNameNoLineCoverEveryLine() {
		PlanDetails plan = ChannelPlan.details("Agente", 2026, ChannelBasis.REVENUE, new BigDecimal("8"), 42, Map.of());
		assertThat(plan.components()).singleElement().satisfies(c -> assertThat(c.productLineId()).isNull());
		assertThat(paid(plan, REVENUE)).isEqualByComparingTo("960.00");
	}

	@Test
	void aShareOfNothingPaysNothing() {
		PlanDetails plan = ChannelPlan.details("Agente", 2026, ChannelBasis.REVENUE, BigDecimal.ZERO, 42, covered());
		assertThat(paid(plan, REVENUE)).isEqualByComparingTo("0.00");
		assertThat(List.of(plan.drawKind().name())).containsExactly("NONE");
	}
}
