package io.rumbo.incentives.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.incentives.Cadence;
import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PlanViews.BonusLine;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.organization.JobRole;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;

/**
 * The demo's incentive plans for this fiscal year, both approved by the director (so their assignments are derived
 * from the org chart): the salespeople's (revenue each quarter at 5 % to quota, accelerating to 6 % to 125 % and 7 %
 * above, on attainment, nothing below 50 %, at most 30,000 a quarter; margin at the flat rate of its highest tier; a
 * SPIFF of 40 per unit of the first product line in this quarter; at most 60,000 from the plan) and the team leaders' (3,000 when their team reaches its
 * quarterly revenue quota, 1,500 more at 120 %). Also the finance user (finance, password demo), who reads every
 * plan and will approve the payouts. Runs after the quotas and the evaluation.
 */
@Component
@Order(138)
class DemoIncentives implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoIncentives.class);

	static final String PASSWORD = "demo";

	private final DemoMode demo;
	private final UserManagement users;
	private final IncentivePlans plans;
	private final MetricsReports periods;
	private final CatalogManagement catalog;
	private final Clock clock;

	DemoIncentives(DemoMode demo, UserManagement users, IncentivePlans plans, MetricsReports periods,
			CatalogManagement catalog, Clock clock) {
		this.demo = demo;
		this.users = users;
		this.plans = plans;
		this.periods = periods;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser director = users.actAs("director").orElse(null);
		if (!demo.enabled() || director == null) {
			return;
		}
		if (users.findByUsername("finance").isEmpty()) {
			users.provision(List.of(new UserManagement.NewUser("finance", "Inés Finanzas", "finanzas@alba.example",
					PASSWORD, Set.of(Role.FINANCE))), PASSWORD);
		}
		FiscalPeriod year = periods.period(null);
		int fiscalYear = Integer.parseInt(periods.code(year).substring(2));
		if (plans.list(director, new IncentivePlans.Filter(null, fiscalYear, null),
				ListQuery.of(0, 1, null, IncentivePlans.SORTS, "name")).page().totalElements() > 0) {
			return;
		}
		FiscalPeriod quarter = thisQuarter(year, LocalDate.now(clock));
		Long line = catalog.lines(false).stream().map(l -> l.id()).findFirst().orElse(null);
		PlanView reps = plans.create(director, reps(fiscalYear, quarter, line));
		plans.approve(director, reps.id(), reps.version());
		PlanView leaders = plans.create(director, leaders(fiscalYear));
		plans.approve(director, leaders.id(), leaders.version());
		log.info("Loaded the demo incentive plans: {} plans approved for {} people",
				plans.list(director, new IncentivePlans.Filter(null, fiscalYear, null),
						ListQuery.of(0, 20, null, IncentivePlans.SORTS, "name")).content().size(),
				plans.assignments(director, reps.id()).size() + plans.assignments(director, leaders.id()).size());
	}

	private static FiscalPeriod thisQuarter(FiscalPeriod year, LocalDate today) {
		for (LocalDate start = year.start(); start.isBefore(year.end()); start = start.plusMonths(3)) {
			FiscalPeriod quarter = new FiscalPeriod(start, start.plusMonths(3));
			if (quarter.contains(today)) {
				return quarter;
			}
		}
		return new FiscalPeriod(year.start(), year.start().plusMonths(3));
	}

	static PlanDetails reps(int fiscalYear, FiscalPeriod quarter, @Nullable Long line) {
		ComponentDetails revenue = new ComponentDetails("Ventas / Revenue", Metric.REVENUE, MeasuredOn.PERSON, null,
				Cadence.QUARTER, TableBasis.ATTAINMENT, TableKind.MARGINAL, TierBoundary.LOWER_INCLUSIVE,
				List.of(tier("0", "100", "5"), tier("100", "125", "6"), tier("125", null, "7")), d("50"), null, null,
				null, null, null, List.of(), d("30000"), null, null);
		ComponentDetails margin = new ComponentDetails("Margen / Margin", Metric.MARGIN, MeasuredOn.PERSON, null,
				Cadence.QUARTER, TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(tier("0", "10000", "1"), tier("10000", "50000", "2"), tier("50000", "100000", "3"),
						tier("100000", null, "4")),
				null, null, null, null, null, null, List.of(), null, null, null);
		List<ComponentDetails> components = new java.util.ArrayList<>(List.of(revenue, margin));
		if (line != null) {
			components.add(new ComponentDetails("SPIFF", Metric.UNITS, MeasuredOn.PERSON, line, Cadence.MONTH,
					TableBasis.VALUE, TableKind.PER_UNIT, TierBoundary.LOWER_INCLUSIVE, List.of(tier("0", null, "40")),
					null, null, null, null, null, null, List.of(), null, quarter.start(), quarter.lastDay()));
		}
		return new PlanDetails("Comerciales / Salespeople " + fiscalYear, fiscalYear, JobRole.SALESPERSON, null,
				List.of(), ProrationRule.DAYS, d("60000"), DrawKind.NONE, null, ClawbackPolicy.PRORATED, d("50"),
				components);
	}

	static PlanDetails leaders(int fiscalYear) {
		ComponentDetails team = new ComponentDetails("Objetivo del equipo / Team attainment", Metric.REVENUE,
				MeasuredOn.TEAM, null, Cadence.QUARTER, TableBasis.ATTAINMENT, TableKind.MARGINAL,
				TierBoundary.LOWER_INCLUSIVE, List.of(tier("0", null, "0")), null, null, null, null, null, null,
				List.of(new BonusLine(d("100"), d("3000")), new BonusLine(d("120"), d("1500"))), null, null, null);
		return new PlanDetails("Jefes de equipo / Team leaders " + fiscalYear, fiscalYear, JobRole.TEAM_LEADER, null,
				List.of(), ProrationRule.MONTHS, null, DrawKind.NONE, null, ClawbackPolicy.FULL, null, List.of(team));
	}

	private static TierLine tier(String from, @Nullable String to, String pays) {
		return new TierLine(d(from), to == null ? null : d(to), d(pays));
	}

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}
}
