package io.rumbo.quotas.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

import io.rumbo.shared.time.FiscalPeriod;

/**
 * The company's working days: Monday to Friday, less its holidays (the setting {@code rumbo.attainment.holidays}).
 * Pacing counts these days, so a month with a bank holiday expects a little more from each of its other days and a
 * weekend never makes anyone fall behind.
 */
public record WorkingDays(Set<LocalDate> holidays) {

	public static final WorkingDays MONDAY_TO_FRIDAY = new WorkingDays(Set.of());

	public WorkingDays {
		holidays = Set.copyOf(holidays);
	}

	public static WorkingDays except(Collection<LocalDate> holidays) {
		return new WorkingDays(Set.copyOf(holidays));
	}

	public boolean isWorkingDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
	}

	/** Working days from {@code from} (included) to {@code to} (excluded); none when {@code to} is not after it. */
	public int between(LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		// Whole weeks by arithmetic, the rest day by day: a year costs a handful of steps, not 365.
		long days = java.time.temporal.ChronoUnit.DAYS.between(from, to);
		long weeks = days / 7;
		int count = (int) (weeks * 5);
		for (LocalDate d = from.plusDays(weeks * 7); d.isBefore(to); d = d.plusDays(1)) {
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				count++;
			}
		}
		for (LocalDate holiday : holidays) {
			if (!holiday.isBefore(from) && holiday.isBefore(to) && holiday.getDayOfWeek() != DayOfWeek.SATURDAY
					&& holiday.getDayOfWeek() != DayOfWeek.SUNDAY) {
				count--;
			}
		}
		return count;
	}

	/** Every working day of the period. */
	public int in(FiscalPeriod period) {
		return between(period.start(), period.end());
	}

	/** The working days of the period that have passed by the end of {@code asOf} (its own day included). */
	public int elapsed(FiscalPeriod period, LocalDate asOf) {
		LocalDate end = asOf.plusDays(1).isBefore(period.end()) ? asOf.plusDays(1) : period.end();
		return between(period.start(), end);
	}

	/** The working days of the period still to come after {@code asOf}. */
	public int remaining(FiscalPeriod period, LocalDate asOf) {
		return in(period) - elapsed(period, asOf);
	}
}
