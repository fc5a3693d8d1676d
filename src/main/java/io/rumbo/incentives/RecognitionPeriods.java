package io.rumbo.incentives;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.rumbo.metrics.MetricsReports;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Fiscal periods as recognition names them ({@code FY2026-Q2}): read from the metrics module's calendar (the only
 * fiscal calendar this module may ask), so award periods, badge periods and the metrics page's links agree.
 */
@Component
class RecognitionPeriods {

	private final MetricsReports reports;
	private final Clock clock;

	RecognitionPeriods(MetricsReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	/** The calendar: its first month is the first month of the current fiscal year. */
	FiscalYears years() {
		return new FiscalYears(reports.period(null).start().getMonthValue());
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The period a code names, which must be a whole fiscal month, quarter or year. */
	FiscalPeriod parse(String code) {
		FiscalYears years = years();
		try {
			FiscalPeriod period = years.parse(code);
			if (years.kind(period) == FiscalPeriod.Kind.RANGE) {
				throw new IllegalArgumentException(code);
			}
			return period;
		}
		catch (IllegalArgumentException ex) {
			throw ValidationFailedException.of("period", "incentives.recognition.period.invalid", code);
		}
	}

	static AwardPeriodKind kindOf(FiscalYears years, FiscalPeriod period) {
		return switch (years.kind(period)) {
			case MONTH -> AwardPeriodKind.MONTH;
			case QUARTER -> AwardPeriodKind.QUARTER;
			default -> AwardPeriodKind.YEAR;
		};
	}

	/** The latest period of that kind that has ended by today. */
	FiscalPeriod lastClosed(AwardPeriodKind kind) {
		FiscalYears years = years();
		LocalDate today = today();
		FiscalPeriod current = current(years, kind, today);
		return current(years, kind, current.start().minusDays(1));
	}

	static FiscalPeriod current(FiscalYears years, AwardPeriodKind kind, LocalDate day) {
		int year = years.yearOf(day);
		return switch (kind) {
			case MONTH -> years.month(year, years.monthOf(day));
			case QUARTER -> years.quarter(year, years.quarterOf(day));
			case YEAR -> years.year(year);
		};
	}

	/** The months and quarters of this fiscal year and the last one that have begun by today, oldest first. */
	List<FiscalPeriod> badgePeriodsSince(int yearsBack) {
		FiscalYears years = years();
		LocalDate today = today();
		int now = years.yearOf(today);
		List<FiscalPeriod> periods = new ArrayList<>();
		for (int year = now - yearsBack; year <= now; year++) {
			for (int q = 1; q <= 4; q++) {
				FiscalPeriod quarter = years.quarter(year, q);
				if (!quarter.start().isAfter(today)) {
					periods.add(quarter);
				}
			}
			for (int m = 1; m <= 12; m++) {
				FiscalPeriod month = years.month(year, m);
				if (!month.start().isAfter(today)) {
					periods.add(month);
				}
			}
		}
		return periods;
	}

	/** This month and quarter, and the month and quarter before (late orders still move them). */
	List<FiscalPeriod> recentBadgePeriods() {
		FiscalYears years = years();
		LocalDate today = today();
		List<FiscalPeriod> periods = new ArrayList<>();
		for (AwardPeriodKind kind : List.of(AwardPeriodKind.MONTH, AwardPeriodKind.QUARTER)) {
			FiscalPeriod current = current(years, kind, today);
			periods.add(current(years, kind, current.start().minusDays(1)));
			periods.add(current);
		}
		return periods;
	}
}
