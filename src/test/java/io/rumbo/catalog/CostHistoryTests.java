package io.rumbo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CostHistoryTests {

	private final CostHistory history = new CostHistory(List.of(
			new CostHistory.Start(LocalDate.of(2025, 7, 1), new BigDecimal("12.0000")),
			new CostHistory.Start(LocalDate.of(2024, 1, 1), new BigDecimal("10.0000")),
			new CostHistory.Start(LocalDate.of(2026, 1, 1), new BigDecimal("13.5000"))));

	@Test
	void theCostInForceIsTheLatestStartOnOrBeforeTheDate() {
		assertThat(history.costOn(LocalDate.of(2024, 1, 1))).contains(new BigDecimal("10.0000"));
		assertThat(history.costOn(LocalDate.of(2025, 6, 30))).contains(new BigDecimal("10.0000"));
		assertThat(history.costOn(LocalDate.of(2025, 7, 1))).contains(new BigDecimal("12.0000"));
		assertThat(history.costOn(LocalDate.of(2030, 1, 1))).contains(new BigDecimal("13.5000"));
	}

	@Test
	void beforeTheFirstCostThereIsNone() {
		assertThat(history.costOn(LocalDate.of(2023, 12, 31))).isEmpty();
		assertThat(new CostHistory(List.of()).costOn(LocalDate.of(2025, 1, 1))).isEmpty();
	}

	@Test
	void periodsEndWhereTheNextBegins() {
		List<CostPeriod> periods = history.newestFirst();
		assertThat(periods).extracting(CostPeriod::validFrom)
			.containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 7, 1), LocalDate.of(2024, 1, 1));
		assertThat(periods.get(1).validTo()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(periods.get(0).validTo()).isNull();
		assertThat(history.periodOn(LocalDate.of(2025, 12, 31)).orElseThrow().standardCost()).isEqualByComparingTo("12");
	}
}
