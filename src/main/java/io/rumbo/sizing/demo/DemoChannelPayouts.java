package io.rumbo.sizing.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.incentives.PayoutRuns;
import io.rumbo.incentives.PayoutViews.RunView;
import io.rumbo.incentives.RunState;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.sizing.ChannelTerms;
import io.rumbo.sizing.ChannelTermsView;

/**
 * The demo's channels in this month's draft payout run: the incentives demo calculates the run (order 139) before
 * the sizing demo writes the channels' terms and with them their plans (175), so finance recalculates the draft,
 * which takes in the plans approved since (decision 0042). Runs when a channel's plan is missing from that run.
 */
@Component
@Order(176)
class DemoChannelPayouts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoChannelPayouts.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final PayoutRuns runs;
	private final ChannelTerms channels;
	private final MetricsReports periods;
	private final Clock clock;

	DemoChannelPayouts(DemoMode demo, UserManagement users, PayoutRuns runs, ChannelTerms channels,
			MetricsReports periods, Clock clock) {
		this.demo = demo;
		this.users = users;
		this.runs = runs;
		this.channels = channels;
		this.periods = periods;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser finance = users.actAs("finance").orElse(null);
		CurrentUser director = users.actAs("director").orElse(null);
		if (!demo.enabled() || finance == null || director == null) {
			return;
		}
		List<String> planCodes = channels.list(director, new ChannelTerms.Filter(null, null, true),
				ListQuery.of(0, 100, null, ChannelTerms.SORTS, "name")).content()
			.stream()
			.map(ChannelTermsView::planCode)
			.filter(java.util.Objects::nonNull)
			.toList();
		if (planCodes.isEmpty()) {
			return;
		}
		LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
		String code = periods.code(new FiscalPeriod(month, month.plusMonths(1)));
		for (RunView run : runs.list(finance, new PayoutRuns.RunFilter(RunState.DRAFT, code),
				ListQuery.of(0, 20, null, PayoutRuns.RUN_SORTS, "period")).content()) {
			if (run.planCode() == null && !run.planCodes().containsAll(planCodes)) {
				RunView again = runs.recalculate(finance, run.id(), run.version());
				log.info("Demo payout run {} recalculated with the channels' plans: {} statements",
						again.periodCode(), again.people());
			}
		}
	}
}
