package io.rumbo.shared.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A span of business dates: {@code start} inclusive, {@code end} exclusive. */
public record FiscalPeriod(LocalDate start, LocalDate end) {

	public FiscalPeriod {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("A period ends after it starts: " + start + " - " + end);
		}
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(start) && date.isBefore(end);
	}

	public long days() {
		return ChronoUnit.DAYS.between(start, end);
	}

	/** The last day inside the period. */
	public LocalDate lastDay() {
		return end.minusDays(1);
	}

	/** How many days of the period have passed by the end of {@code today} (0 before it starts, all after it ends). */
	public long daysElapsed(LocalDate today) {
		if (today.isBefore(start)) {
			return 0;
		}
		return Math.min(days(), ChronoUnit.DAYS.between(start, today) + 1);
	}
}
