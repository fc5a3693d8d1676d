package io.rumbo.incentives.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.incentives.Cadence;
import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PayoutRuns;
import io.rumbo.incentives.PayoutViews.RunView;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrderView;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;

/**
 * The rest of the demo paragraph, after the demo runs (DemoPayoutRuns, order 139):
 * <ul>
 * <li>a <b>recoverable draw for a new hire</b>: the most recently hired salesperson gets a ramp plan (150 per new
 * customer, a recoverable draw of 1,500 a month), paid by monthly runs from the quarter before this one (approved) and
 * this month's draft, so the statements show the advances paid and what is owed;</li>
 * <li>a <b>clawback from a return</b>: a customer returns the largest line of the largest order of a salesperson paid
 * by last quarter's approved run (the return dated last quarter's last day); once the metrics engine has taken it in,
 * this month's draft is recalculated and shows the clawback of the commission already paid (50 %, the reps' plan).</li>
 * </ul>
 * Once: nothing is done when the ramp plan exists. Not in a transaction of its own: each facade call commits, so the
 * metrics engine sees the return before the draft is recalculated.
 */
@Component
@Order(140)
class DemoEstimatesAndDraws implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoEstimatesAndDraws.class);

	static final String RAMP = "Incorporación / New hire ramp ";

	/** How long the demo waits for the metrics engine to take the return in (its listener runs after commit). */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final DemoMode demo;
	private final UserManagement users;
	private final IncentivePlans plans;
	private final PayoutRuns runs;
	private final OrderManagement orders;
	private final OrgDirectory org;
	private final MetricsReports periods;
	private final MetricsQuery metrics;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoEstimatesAndDraws(DemoMode demo, UserManagement users, IncentivePlans plans, PayoutRuns runs,
			OrderManagement orders, OrgDirectory org, MetricsReports periods, MetricsQuery metrics, JdbcClient jdbc,
			Clock clock) {
		this.demo = demo;
		this.users = users;
		this.plans = plans;
		this.runs = runs;
		this.orders = orders;
		this.org = org;
		this.periods = periods;
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		CurrentUser director = users.actAs("director").orElse(null);
		CurrentUser finance = users.actAs("finance").orElse(null);
		CurrentUser admin = users.actAs("admin").orElse(null);
		if (!demo.enabled() || director == null || finance == null || admin == null) {
			return;
		}
		FiscalPeriod year = periods.period(null);
		int fiscalYear = Integer.parseInt(periods.code(year).substring(2));
		if (plans.list(director, new IncentivePlans.Filter(RAMP.strip(), fiscalYear, null),
				ListQuery.of(0, 1, null, IncentivePlans.SORTS, "name")).page().totalElements() > 0) {
			return;
		}
		LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
		if (!year.contains(month)) {
			return;
		}
		draw(director, finance, year, fiscalYear, month);
		clawback(admin, finance, year, month);
	}

	/** The ramp plan of the most recently hired salesperson, its monthly runs since last quarter and this month's. */
	private void draw(CurrentUser director, CurrentUser finance, FiscalPeriod year, int fiscalYear, LocalDate month) {
		Optional<OrgDirectory.Stay> newest = org.staysBetween(year.start(), year.end(),
				EnumSet.of(JobRole.SALESPERSON))
			.stream()
			.max(Comparator.comparing(OrgDirectory.Stay::hireDate).thenComparing(s -> s.staff().value()));
		if (newest.isEmpty()) {
			return;
		}
		ComponentDetails hunter = new ComponentDetails("Clientes nuevos / New customers", Metric.NEW_CUSTOMERS,
				MeasuredOn.PERSON, null, Cadence.MONTH, TableBasis.VALUE, TableKind.PER_UNIT,
				TierBoundary.LOWER_INCLUSIVE, List.of(new TierLine(BigDecimal.ZERO, null, new BigDecimal("150"))), null,
				null, null, null, null, null, List.of(), null, null, null);
		PlanView draft = plans.create(director, new PlanDetails(RAMP + fiscalYear, fiscalYear, null, null,
				List.of(newest.get().staff().value()), ProrationRule.DAYS, null, DrawKind.RECOVERABLE,
				new BigDecimal("1500"), ClawbackPolicy.FULL, null, List.of(hunter)));
		PlanView plan = plans.approve(director, draft.id(), draft.version());
		LocalDate from = month.minusMonths(3).isBefore(year.start()) ? year.start() : month.minusMonths(3);
		int approved = 0;
		for (LocalDate m = from; m.isBefore(month); m = m.plusMonths(1)) {
			RunView run = runs.create(finance, periods.code(new FiscalPeriod(m, m.plusMonths(1))), plan.id());
			runs.approve(finance, run.id(), run.version());
			approved++;
		}
		runs.create(finance, periods.code(new FiscalPeriod(month, month.plusMonths(1))), plan.id());
		log.info("Demo recoverable draw: {} on {}, {} monthly runs approved and this month's draft",
				newest.get().fullName(), plan.code(), approved);
	}

	/**
	 * A return of the largest line of the largest order of the salesperson best paid on revenue by an approved run,
	 * then this month's draft recalculated: the correction of last quarter is a clawback.
	 */
	private void clawback(CurrentUser admin, CurrentUser finance, FiscalPeriod year, LocalDate month) {
		record Paid(long staff, LocalDate from, LocalDate to) {
		}
		Optional<Paid> paid = jdbc.sql("""
				SELECT l.staff_id, l.span_from, l.span_to FROM incentives_payout_line l
				JOIN incentives_payout_run r ON r.id = l.run_id
				WHERE r.state = 'APPROVED' AND l.kind = 'EARNING' AND l.metric = 'REVENUE' AND l.amount > 0
				  AND l.capped = 0
				ORDER BY l.amount DESC, l.staff_id""")
			.query((rs, n) -> new Paid(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
			.list()
			.stream()
			.findFirst();
		Optional<Long> draft = jdbc.sql("""
				SELECT r.id FROM incentives_payout_run r WHERE r.state = 'DRAFT' AND r.plan_code IS NULL
				  AND r.period_start = :month""").param("month", month).query(Long.class).optional();
		if (paid.isEmpty() || draft.isEmpty()) {
			return;
		}
		long staff = paid.get().staff();
		LocalDate from = paid.get().from();
		LocalDate to = paid.get().to();
		FiscalPeriod quarter = new FiscalPeriod(from, to.plusDays(1));
		var largest = orders.list(admin, new OrderManagement.Filter(staff, null, null, from, to, null),
				ListQuery.of(0, 1, List.of("netAmount,desc"), OrderManagement.SORTS, "netAmount,desc")).content();
		if (largest.isEmpty()) {
			return;
		}
		OrderView order = orders.get(admin, largest.get(0).id());
		OrderView.Line line = order.lines().stream().max(Comparator.comparing(OrderView.Line::netAmount)).orElse(null);
		if (line == null || line.quantity().signum() <= 0) {
			return;
		}
		BigDecimal before = revenue(staff, quarter);
		OrderView returned = orders.create(admin, new OrderManagement.OrderDetails(order.customerId(), to, null,
				"Devolución / Return of " + order.orderNumber(),
				List.of(new OrderManagement.NewLine(line.productId(), line.quantity().negate(), line.unitPrice(),
						line.discountPercent())),
				order.credits().stream().map(c -> new OrderManagement.NewCredit(c.staffId(), c.sharePercent())).toList()));
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (revenue(staff, quarter).compareTo(before) >= 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		RunView run = runs.get(finance, draft.get());
		run = runs.recalculate(finance, run.id(), run.version());
		log.info("Demo clawback: return {} of {} ({}), draft {} recalculated", returned.orderNumber(),
				order.orderNumber(), line.netAmount(), run.periodCode());
	}

	private BigDecimal revenue(long staff, FiscalPeriod quarter) {
		return metrics.byPerson(Metric.REVENUE, quarter, List.of(StaffId.of(staff)))
			.getOrDefault(StaffId.of(staff), BigDecimal.ZERO);
	}
}
