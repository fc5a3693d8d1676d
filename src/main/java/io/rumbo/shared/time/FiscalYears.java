package io.rumbo.shared.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The fiscal calendar's arithmetic. A fiscal year starts on the first day of {@code startMonth} and is named by the
 * calendar year it starts in (with start month 4, fiscal year 2026 runs from 2026-04-01 to 2027-03-31 and is shown
 * as 2026/27). Fiscal months are numbered 1 to 12 from the start month; quarters are months 1-3, 4-6, 7-9, 10-12.
 * <p>
 * Periods have codes, parsed and printed here and nowhere else: {@code FY2026} (the fiscal year), {@code FY2026-Q1}
 * (a quarter), {@code FY2026-M03} (fiscal month 3, which is June when the year starts in April) and
 * {@code 2026-01-15..2026-02-28} (any range of days, both ends included). Within a known year the short codes
 * {@code Y}, {@code Q1}-{@code Q4} and {@code M1}-{@code M12} name the same periods.
 */
public record FiscalYears(int startMonth) {

	private static final String RANGE_SEPARATOR = "..";

	private static final Pattern FISCAL = Pattern.compile("FY(\\d{4})(?:-(?:Q(\\d{1,2})|M(\\d{1,2})))?");

	private static final Pattern SHORT = Pattern.compile("Y|YEAR|Q(\\d{1,2})|M(\\d{1,2})");

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

	/** What a period is under this calendar: a fiscal year, quarter or month, or another range of days. */
	public FiscalPeriod.Kind kind(FiscalPeriod period) {
		int year = yearOf(period.start());
		if (period.equals(year(year))) {
			return FiscalPeriod.Kind.YEAR;
		}
		if (period.equals(quarter(year, quarterOf(period.start())))) {
			return FiscalPeriod.Kind.QUARTER;
		}
		if (period.equals(month(year, monthOf(period.start())))) {
			return FiscalPeriod.Kind.MONTH;
		}
		return FiscalPeriod.Kind.RANGE;
	}

	/** The period's code: {@code FY2026}, {@code FY2026-Q1}, {@code FY2026-M03} or {@code 2026-01-15..2026-02-28}. */
	public String code(FiscalPeriod period) {
		int year = yearOf(period.start());
		return switch (kind(period)) {
			case YEAR -> "FY" + year;
			case QUARTER -> "FY" + year + "-Q" + quarterOf(period.start());
			case MONTH -> "FY" + year + "-M" + String.format(Locale.ROOT, "%02d", monthOf(period.start()));
			case RANGE -> period.start() + RANGE_SEPARATOR + period.lastDay();
		};
	}

	/**
	 * The period a full code names ({@code FY2026}, {@code FY2026-Q1}, {@code FY2026-M03},
	 * {@code 2026-01-15..2026-02-28}); case and surrounding blanks do not matter.
	 *
	 * @throws IllegalArgumentException naming the code when it is none of these
	 */
	public FiscalPeriod parse(String code) {
		return parse(code, null);
	}

	/**
	 * As {@link #parse(String)}, also accepting the short codes {@code Y} (or {@code YEAR}), {@code Q1}-{@code Q4}
	 * and {@code M1}-{@code M12} of {@code year}, which a blank code means too; without a year they are refused.
	 */
	public FiscalPeriod parse(@Nullable String code, @Nullable Integer year) {
		String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
		if (c.isEmpty() && year != null) {
			return year(year);
		}
		try {
			Matcher fiscal = FISCAL.matcher(c);
			if (fiscal.matches()) {
				return within(Integer.parseInt(fiscal.group(1)), fiscal.group(2), fiscal.group(3));
			}
			Matcher brief = SHORT.matcher(c);
			if (brief.matches() && year != null) {
				return within(year, brief.group(1), brief.group(2));
			}
			int separator = c.indexOf(RANGE_SEPARATOR);
			if (separator > 0) {
				return FiscalPeriod.days(LocalDate.parse(c.substring(0, separator)),
						LocalDate.parse(c.substring(separator + RANGE_SEPARATOR.length())));
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Not a period code: " + code, ex);
		}
		throw new IllegalArgumentException("Not a period code: " + code);
	}

	private FiscalPeriod within(int year, @Nullable String quarter, @Nullable String month) {
		if (quarter != null) {
			return quarter(year, Integer.parseInt(quarter));
		}
		if (month != null) {
			return month(year, Integer.parseInt(month));
		}
		return year(year);
	}

	/**
	 * The fiscal months (1-12) of {@code year} a period covers, when it is made of whole fiscal months of that year.
	 *
	 * @throws IllegalArgumentException when it reaches outside the year or cuts a month
	 */
	public List<Integer> monthsOf(FiscalPeriod period, int year) {
		if (!year(year).contains(period)) {
			throw new IllegalArgumentException(period + " is not inside fiscal year " + year);
		}
		List<Integer> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			FiscalPeriod month = month(year, m);
			if (period.contains(month)) {
				months.add(m);
			}
			else if (month.start().isBefore(period.end()) && period.start().isBefore(month.end())) {
				throw new IllegalArgumentException(period + " cuts fiscal month " + m);
			}
		}
		return months;
	}
}
