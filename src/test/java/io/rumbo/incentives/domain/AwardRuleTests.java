package io.rumbo.incentives.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AwardRuleTests {

	@Test
	void theBestValueWins() {
		assertThat(AwardRule.winners(values("ana", "500", "bea", "499.99", "carl", "10"), true, null))
			.containsExactly("ana");
	}

	@Test
	void equalValuesShareTheAwardWhateverTheirScale() {
		assertThat(AwardRule.winners(values("ana", "500", "bea", "500.00", "carl", "10"), true, null))
			.containsExactly("ana", "bea");
	}

	@Test
	void theMinimumIsReachedAtExactlyItsValue() {
		assertThat(AwardRule.winners(values("ana", "100.00", "bea", "99.99"), true, new BigDecimal("100")))
			.containsExactly("ana");
	}

	@Test
	void nobodyWinsWhenNobodyReachesTheMinimum() {
		assertThat(AwardRule.winners(values("ana", "99.99", "bea", "50"), true, new BigDecimal("100"))).isEmpty();
		assertThat(AwardRule.winners(Map.<String, BigDecimal>of(), true, null)).isEmpty();
	}

	@Test
	void whereLowerIsBetterTheLowestWinsAndTheMinimumIsACeiling() {
		assertThat(AwardRule.winners(values("ana", "2.5", "bea", "1.5", "carl", "1.50"), false, null))
			.containsExactly("bea", "carl");
		assertThat(AwardRule.winners(values("ana", "2.5", "bea", "3"), false, new BigDecimal("2")))
			.isEmpty();
	}

	private static Map<String, BigDecimal> values(String... pairs) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(pairs[i], new BigDecimal(pairs[i + 1]));
		}
		return values;
	}
}
