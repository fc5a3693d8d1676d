package io.rumbo.incentives.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.incentives.PayoutRuns;
import io.rumbo.incentives.PayoutViews.RunView;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The demo's payout runs, after the demo plans (DemoIncentives, order 138): finance's run of last quarter for every
 * approved plan, approved and exported to payroll (when last quarter is in this fiscal year), and this month's
 * draft. Once: nothing is done when a run exists.
 */
@Component
@Order(139)
class DemoPayoutRuns implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPayoutRuns.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final PayoutRuns runs;
	private final MetricsReports periods;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoPayoutRuns(DemoMode demo, UserManagement users, PayoutRuns runs, MetricsReports periods, JdbcClient jdbc,
			Clock clock) {
		this.demo = demo;
		this.users = users;
		this.runs = runs;
		this.periods = periods;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser finance = users.actAs("finance").orElse(null);
		if (!demo.enabled() || finance == null
				|| jdbc.sql("SELECT COUNT(*) FROM incentives_payout_run").query(Long.class).single() > 0
				|| jdbc.sql("SELECT COUNT(*) FROM incentives_plan WHERE state = 'APPROVED'").query(Long.class)
					.single() == 0) {
			return;
		}
		FiscalPeriod year = periods.period(null);
		LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
		int monthsIn = (int) java.time.temporal.ChronoUnit.MONTHS.between(year.start(), month);
		LocalDate quarterStart = year.start().plusMonths(monthsIn / 3 * 3L);
		if (quarterStart.isAfter(year.start())) {
			FiscalPeriod last = new FiscalPeriod(quarterStart.minusMonths(3), quarterStart);
			RunView run = runs.create(finance, periods.code(last), null);
			run = runs.approve(finance, run.id(), run.version());
			runs.exported(finance, run.id());
			int[] rows = { 0 };
			runs.payroll(finance, run.id(), r -> rows[0]++);
			log.info("Demo payout run {} approved and exported: {} statements, {} payroll rows", run.periodCode(),
					run.people(), rows[0]);
		}
		if (year.contains(month)) {
			RunView draft = runs.create(finance, periods.code(new FiscalPeriod(month, month.plusMonths(1))), null);
			log.info("Demo payout run {} calculated as a draft: {} statements", draft.periodCode(), draft.people());
		}
	}
}
