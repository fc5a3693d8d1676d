package io.rumbo.shared.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A span of business dates: {@code start} inclusive, {@code end} exclusive. A period is its dates: what kind it is
 * (a fiscal year, quarter or month, or any other range) and its code ({@code FY2026-Q1}) depend on the fiscal
 * calendar, so {@link FiscalYears#kind(FiscalPeriod)} and {@link FiscalYears#code(FiscalPeriod)} answer them.
 */
public record FiscalPeriod(LocalDate start, LocalDate end) {

	/** What a period is under a fiscal calendar. */
	public enum Kind {
		YEAR, QUARTER, MONTH, RANGE
	}

	public FiscalPeriod {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("A period ends after it starts: " + start + " - " + end);
		}
	}

	/** The period from {@code first} to {@code last}, both days included. */
	public static FiscalPeriod days(LocalDate first, LocalDate last) {
		return new FiscalPeriod(first, last.plusDays(1));
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(start) && date.isBefore(end);
	}

	/** Whether the other period lies wholly inside this one. */
	public boolean contains(FiscalPeriod other) {
		return !other.start().isBefore(start) && !other.end().isAfter(end);
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
