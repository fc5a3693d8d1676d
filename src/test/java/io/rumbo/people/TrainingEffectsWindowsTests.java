package io.rumbo.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The windows of the before/after comparison, and the group average, as worked examples. */
class TrainingEffectsWindowsTests {

	@Test
	void threeMonthsBeforeTheCompletionMonthAndUpToThreeAfterItEndingBeforeTheCurrentMonth() {
		TrainingEffects.Windows w = TrainingEffects.Windows.around(LocalDate.of(2026, 4, 22), 3, LocalDate.of(2026, 11, 30));
		assertThat(w.beforeStart()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(w.beforeEnd()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(w.afterStart()).isEqualTo(LocalDate.of(2026, 5, 1));
		assertThat(w.afterEnd()).isEqualTo(LocalDate.of(2026, 8, 1));
		// Completed last month: no whole month after it yet.
		TrainingEffects.Windows recent = TrainingEffects.Windows.around(LocalDate.of(2026, 10, 5), 3,
				LocalDate.of(2026, 11, 30));
		assertThat(recent.afterEnd()).isNull();
		// Two months ago: one month after it so far.
		TrainingEffects.Windows partial = TrainingEffects.Windows.around(LocalDate.of(2026, 9, 5), 3,
				LocalDate.of(2026, 11, 30));
		assertThat(partial.afterEnd()).isEqualTo(LocalDate.of(2026, 11, 1));
	}

	@Test
	void theGroupAverageIsThePlainMeanPerPerson() {
		assertThat(TrainingEffects.average(Map.of(1L, new BigDecimal("100"), 2L, new BigDecimal("50"), 3L,
				BigDecimal.ZERO))).isEqualByComparingTo("50.00");
		assertThat(TrainingEffects.average(Map.of())).isNull();
	}
}
