package io.rumbo.shared.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fiscal calendar's arithmetic. A fiscal year starts on the first day of {@code startMonth} and is named by the
 * calendar year it starts in (with start month 4, fiscal year 2026 runs from 2026-04-01 to 2027-03-31 and is shown
 * as 2026/27). Fiscal months are numbered 1 to 12 from the start month; quarters are months 1-3, 4-6, 7-9, 10-12.
 */
public record FiscalYears(int startMonth) {

	public FiscalYears {
		if (startMonth < 1 || startMonth > 12) {
			throw new IllegalArgumentException("The fiscal year starts in a month from 1 to 12, not " + startMonth);
		}
	}

	public int yearOf(LocalDate date) {
		return date.getMonthValue() >= startMonth ? date.getYear() : date.getYear() - 1;
	}

	/** The fiscal month (1 to 12) a date falls in. */
	public int monthOf(LocalDate date) {
		return Math.floorMod(date.getMonthValue() - startMonth, 12) + 1;
	}

	public int quarterOf(LocalDate date) {
		return (monthOf(date) - 1) / 3 + 1;
	}

	public FiscalPeriod year(int year) {
		LocalDate start = LocalDate.of(year, startMonth, 1);
		return new FiscalPeriod(start, start.plusYears(1));
	}

	public FiscalPeriod quarter(int year, int quarter) {
		if (quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("Quarter 1 to 4, not " + quarter);
		}
		LocalDate start = year(year).start().plusMonths(3L * (quarter - 1));
		return new FiscalPeriod(start, start.plusMonths(3));
	}

	public FiscalPeriod month(int year, int month) {
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("Fiscal month 1 to 12, not " + month);
		}
		LocalDate start = year(year).start().plusMonths(month - 1L);
		return new FiscalPeriod(start, start.plusMonths(1));
	}

	/** The fiscal months of a year in order, as periods. */
	public List<FiscalPeriod> months(int year) {
		List<FiscalPeriod> months = new ArrayList<>(12);
		for (int m = 1; m <= 12; m++) {
			months.add(month(year, m));
		}
		return months;
	}

	/** 2026 when the year starts in January, 2026/27 otherwise. */
	public String label(int year) {
		return startMonth == 1 ? String.valueOf(year) : year + "/" + String.format("%02d", (year + 1) % 100);
	}
}
