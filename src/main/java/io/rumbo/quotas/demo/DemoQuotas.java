package io.rumbo.quotas.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.AllocationMethod;
import io.rumbo.quotas.QuotaManagement;
import io.rumbo.quotas.QuotaViews.QuotaVersionView;
import io.rumbo.quotas.domain.Allocator;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;

/**
 * This fiscal year's quotas for the demo company, from the active plan: revenue, margin and new customers as planned
 * plus visits; two salespeople hired in the last months (on the default ramp) and one who moved team mid-year, both
 * through the organization's API before the quotas are worked out; revenue over-assigned 3 % at the company level,
 * margin split by last year's share in Región Centro; published whole by the director and acknowledged by three reps
 * in four (not by the demo rep, who can try it); then Málaga's team is asked 5 % more, a second version with its
 * reason; last, a salesperson of Sevilla Provincia moves to Sevilla Capital this month, after publication, so the
 * quota plan shows her among the people to prorate. Runs after the plan.
 */
@Component
@Order(120)
class DemoQuotas implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoQuotas.class);

	/** Visits a salesperson is asked for in a year. */
	private static final BigDecimal VISITS_PER_PERSON = new BigDecimal("360");

	private final DemoMode demo;
	private final UserManagement users;
	private final StaffManagement staff;
	private final OrgDirectory org;
	private final FiscalCalendar calendar;
	private final QuotaManagement quotas;
	private final Allocator allocator;
	private final java.time.Clock clock;

	DemoQuotas(DemoMode demo, UserManagement users, StaffManagement staff, OrgDirectory org, FiscalCalendar calendar,
			QuotaManagement quotas, Allocator allocator, java.time.Clock clock) {
		this.demo = demo;
		this.users = users;
		this.staff = staff;
		this.org = org;
		this.calendar = calendar;
		this.quotas = quotas;
		this.allocator = allocator;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser director = users.actAs("director").orElse(null);
		CurrentUser admin = users.actAs("admin").orElse(null);
		Map<String, Long> units = org.unitIdsByCode();
		int year = calendar.currentYear();
		if (!demo.enabled() || director == null || admin == null || !units.containsKey("E-MAD-NOR")
				|| !quotas.isEmpty(year)) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		hire(admin, "E9001", "Irene", "Campos Vidal", units.get("E-MAD-NOR"), today.minusMonths(2).withDayOfMonth(3));
		hire(admin, "E9002", "Marcos", "Prieto Lozano", units.get("E-AGP"), today.minusMonths(1).withDayOfMonth(5));
		moveMidYear(admin, units, year, today);

		QuotaVersionView v = quotas.create(director, year, null);
		long people = allocator.org(year).people().size();
		v = quotas.addMeasure(director, v.id(), v.version(), Metric.VISITS,
				VISITS_PER_PERSON.multiply(BigDecimal.valueOf(people)), null);
		long company = allocator.roots().get(0);
		v = quotas.allocate(director, v.id(), v.version(), company, Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.PLAN, new BigDecimal("3"), Map.of()), null);
		Long centro = units.get("R-CENTRO");
		if (centro != null) {
			v = quotas.allocate(director, v.id(), v.version(), centro, Metric.MARGIN,
					new QuotaManagement.Allocation(AllocationMethod.LAST_YEAR, BigDecimal.ZERO, Map.of()), null);
		}
		v = quotas.publish(director, v.id(), v.version(), true);
		int acknowledged = 0;
		int seen = 0;
		for (StaffView person : staff.list(admin, new StaffManagement.StaffFilter(null, null, null, null, false, null),
				ListQuery.of(0, ListQuery.MAX_SIZE, null, StaffManagement.SORTS, "employeeNumber")).content()) {
			if (person.userId() == null || !Allocator.QUOTA_ROLES.contains(person.jobRole())) {
				continue;
			}
			String username = users.usernameOf(new UserId(person.userId())).orElse("rep");
			if (username.equals("rep") || seen++ % 4 == 3) {
				continue;
			}
			CurrentUser rep = users.actAs(username).orElseThrow();
			quotas.acknowledge(rep, year, acknowledged % 3 == 0 ? "Recibido, de acuerdo." : null);
			acknowledged++;
		}
		// A change after publication: Málaga's team is asked 5 % more, a new version with its reason; the people
		// elsewhere keep their acknowledgement.
		Long malaga = units.get("E-AGP");
		if (malaga != null) {
			v = quotas.allocate(director, v.id(), v.version(), malaga, Metric.REVENUE,
					new QuotaManagement.Allocation(AllocationMethod.PLAN, new BigDecimal("5"), Map.of()),
					"Refuerzo en la Costa del Sol");
		}
		// A transfer after publication: her quota stays as published, and the quota plan flags her for proration.
		moveAfterPublication(admin, units, today);
		log.info("Demo quotas: FY{} v{} published for {} people, {} acknowledged", year, v.number(), people,
				acknowledged);
	}

	private void hire(CurrentUser admin, String number, String first, String last, long unit, LocalDate hired) {
		staff.create(admin, new StaffManagement.StaffDetails(number, first, last, null, null, hired, unit,
				JobRole.SALESPERSON, StaffStatus.ACTIVE, 1, null, null));
	}

	/** Rosario Medina moves from Sevilla Provincia to Sevilla Capital on the first day of this month. */
	private void moveAfterPublication(CurrentUser admin, Map<String, Long> units, LocalDate today) {
		List<StaffView> found = staff.list(admin, new StaffManagement.StaffFilter("Rosario Medina", null, null, null,
				false, null), ListQuery.of(0, 1, null, StaffManagement.SORTS, "employeeNumber")).content();
		if (found.isEmpty() || !units.containsKey("E-SVQ-CAP")) {
			return;
		}
		StaffView s = found.get(0);
		staff.update(admin, s.id(), s.version(), new StaffManagement.StaffDetails(s.employeeNumber(), s.firstName(),
				s.lastName(), s.email(), s.phone(), s.hireDate(), units.get("E-SVQ-CAP"), s.jobRole(), s.status(),
				s.qualificationLevel(), s.userId(), today.withDayOfMonth(1)));
	}

	/** Javier Sáez moves from Málaga to Madrid Sur on the 20th of a month of this fiscal year (two months back). */
	private void moveMidYear(CurrentUser admin, Map<String, Long> units, int year, LocalDate today) {
		FiscalYears years = calendar.years();
		int month = years.monthOf(today);
		LocalDate effective = month >= 3 ? years.month(year, month - 2).start().plusDays(19) : today;
		List<StaffView> found = staff.list(admin, new StaffManagement.StaffFilter("Javier Sáez", null, null, null, false,
				null), ListQuery.of(0, 1, null, StaffManagement.SORTS, "employeeNumber")).content();
		if (found.isEmpty() || !units.containsKey("E-MAD-SUR")) {
			return;
		}
		StaffView s = found.get(0);
		staff.update(admin, s.id(), s.version(), new StaffManagement.StaffDetails(s.employeeNumber(), s.firstName(),
				s.lastName(), s.email(), s.phone(), s.hireDate(), units.get("E-MAD-SUR"), s.jobRole(), s.status(),
				s.qualificationLevel(), s.userId(), effective));
	}
}
