package io.rumbo.quotas.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RampTests {

	@Test
	void theDefaultProfileRampsOverFourMonthsOfTenure() {
		Ramp ramp = Ramp.DEFAULT;
		assertThat(ramp.factor(1)).isEqualByComparingTo("0.25");
		assertThat(ramp.factor(2)).isEqualByComparingTo("0.50");
		assertThat(ramp.factor(3)).isEqualByComparingTo("0.75");
		assertThat(ramp.factor(4)).isEqualByComparingTo("1");
		assertThat(ramp.factor(30)).as("after the profile, the whole quota").isEqualByComparingTo("1");
		assertThat(ramp.factor(0)).as("before the hire, nothing").isEqualByComparingTo("0");
	}

	@Test
	void tenureCountsFromTheHireDateToTheMiddleOfTheMonth() {
		LocalDate hired = LocalDate.of(2026, 3, 10);
		assertThat(Ramp.tenureMonth(hired, LocalDate.of(2026, 3, 15))).as("hired before the 15th: month 1").isEqualTo(1);
		assertThat(Ramp.tenureMonth(hired, LocalDate.of(2026, 4, 15))).isEqualTo(2);
		assertThat(Ramp.tenureMonth(hired, LocalDate.of(2026, 2, 15))).isZero();
		LocalDate late = LocalDate.of(2026, 3, 20);
		assertThat(Ramp.tenureMonth(late, LocalDate.of(2026, 4, 15))).as("hired after the 15th: next month is month 1")
			.isEqualTo(1);
	}

	@Test
	void aProfileIsParsedAndChecked() {
		assertThat(Ramp.parse(" 10, 40 ,70,100").percents()).containsExactly(10, 40, 70, 100);
		assertThat(Ramp.parse("10,40").text()).isEqualTo("10,40");
		assertThatThrownBy(() -> Ramp.parse("10,140")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Ramp.parse("ten")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Ramp(List.of())).isInstanceOf(IllegalArgumentException.class);
	}
}
