package io.rumbo.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * The company's fiscal calendar: the month its fiscal year starts in. It can change only while no plan exists,
 * because plans count their months from it.
 */
@Service
public class FiscalCalendar {

	/** A period as the API shows it: its code ({@code FY2026-Q1}), a short label, the first and last day. */
	public record PeriodView(String code, String label, LocalDate start, LocalDate end) {
	}

	/** The calendar as the API shows it: the current fiscal year with its quarters and months. */
	public record CalendarView(int startMonth, long version, int currentYear, String currentLabel, PeriodView year,
			List<PeriodView> quarters, List<PeriodView> months) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	FiscalCalendar(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The calendar, read once per transaction: a payout run asked for it a score of times (every period code and
	 * parse, in several modules), a round trip each (docs/benchmarks.md, "Payout runs"). {@link #change} forgets it.
	 */
	@Transactional(readOnly = true)
	public FiscalYears years() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return read();
		}
		if (TransactionSynchronizationManager.getResource(this) instanceof FiscalYears known) {
			return known;
		}
		FiscalYears years = read();
		TransactionSynchronizationManager.bindResource(this, years);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(FiscalCalendar.this);
			}
		});
		return years;
	}

	private FiscalYears read() {
		return new FiscalYears(jdbc.sql("SELECT fiscal_start_month FROM planning_settings WHERE id = 1")
			.query(Integer.class)
			.single());
	}

	@Transactional(readOnly = true)
	public int currentYear() {
		return years().yearOf(LocalDate.now(clock));
	}

	@Transactional(readOnly = true)
	public CalendarView view() {
		long version = jdbc.sql("SELECT version FROM planning_settings WHERE id = 1").query(Long.class).single();
		FiscalYears years = years();
		int year = years.yearOf(LocalDate.now(clock));
		List<PeriodView> quarters = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			quarters.add(view(years, "Q" + q, years.quarter(year, q)));
		}
		List<PeriodView> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			months.add(view(years, "M" + m, years.month(year, m)));
		}
		return new CalendarView(years.startMonth(), version, year, years.label(year),
				view(years, years.label(year), years.year(year)), quarters, months);
	}

	private static PeriodView view(FiscalYears years, String label, FiscalPeriod period) {
		return new PeriodView(years.code(period), label, period.start(), period.lastDay());
	}

	/**
	 * The period a code names within a plan's fiscal year: a full code ({@code FY2026-Q1}, see {@link FiscalYears})
	 * or a short one of that year ({@code Y}, {@code Q1}-{@code Q4}, {@code M1}-{@code M12}; blank is the year). It
	 * must be made of whole fiscal months of the year; anything else is a validation error naming the code.
	 */
	@Transactional(readOnly = true)
	public PlanPeriod planPeriod(@Nullable String code, int fiscalYear) {
		FiscalYears years = years();
		try {
			FiscalPeriod period = years.parse(code, fiscalYear);
			return new PlanPeriod(period, years.code(period), years.monthsOf(period, fiscalYear));
		}
		catch (IllegalArgumentException ex) {
			throw ValidationFailedException.of("period", "planning.period.invalid", String.valueOf(code));
		}
	}

	/** A period of a plan's year: its dates, its code and the fiscal months (1-12) it is made of. */
	public record PlanPeriod(FiscalPeriod period, String code, List<Integer> months) {
	}

	@Transactional
	public CalendarView change(CurrentUser actor, int startMonth, long version) {
		if (!actor.hasAny(Role.ADMIN, Role.DIRECTOR)) {
			throw new AccessRefusedException("fiscalCalendar");
		}
		if (startMonth < 1 || startMonth > 12) {
			throw ValidationFailedException.of("startMonth", "planning.calendar.startMonth.invalid");
		}
		CalendarView current = view();
		if (current.version() != version) {
			throw new StaleVersionException(version, current);
		}
		if (startMonth != current.startMonth()
				&& jdbc.sql("SELECT COUNT(*) FROM planning_plan").query(Long.class).single() > 0) {
			throw new ConflictException("planning.calendar.plansExist");
		}
		jdbc.sql("UPDATE planning_settings SET fiscal_start_month = :m, version = version + 1 WHERE id = 1")
			.param("m", startMonth)
			.update();
		TransactionSynchronizationManager.unbindResourceIfPossible(this);
		audit.record("FISCAL_CALENDAR", 1, "UPDATE", Map.of("startMonth", current.startMonth()),
				Map.of("startMonth", startMonth), null);
		return view();
	}
}
