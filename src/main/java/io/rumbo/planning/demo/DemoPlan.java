package io.rumbo.planning.demo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.Measure;
import io.rumbo.planning.PlanManagement;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.SpreadMethod;
import io.rumbo.shared.DemoMode;

/**
 * This fiscal year's plan for the demo company, proposed from last year's actuals with growth (IT equipment faster,
 * stationery flat), approved and active; and a draft revision in which Región Centro raises its revenue target.
 * Runs after the demo orders, which the baseline reads.
 */
@Component
@Order(90)
class DemoPlan implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final PlanManagement plans;
	private final FiscalCalendar calendar;
	private final CatalogManagement catalog;
	private final JdbcClient jdbc;

	DemoPlan(DemoMode demo, UserManagement users, PlanManagement plans, FiscalCalendar calendar,
			CatalogManagement catalog, JdbcClient jdbc) {
		this.demo = demo;
		this.users = users;
		this.plans = plans;
		this.calendar = calendar;
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser director = users.actAs("director").orElse(null);
		if (!demo.enabled() || director == null
				|| jdbc.sql("SELECT COUNT(*) FROM planning_plan").query(Long.class).single() > 0) {
			return;
		}
		int year = calendar.currentYear();
		Map<Long, BigDecimal> growth = new HashMap<>();
		catalog.lines(false).forEach(line -> growth.put(line.id(), switch (line.code()) {
			case "INF" -> new BigDecimal("12");
			case "PAP" -> BigDecimal.ZERO;
			default -> new BigDecimal("6");
		}));
		PlanViews.PlanView plan = plans.create(director, year, "Plan comercial " + calendar.years().label(year),
				new BigDecimal("6"), growth);
		PlanViews.VersionView first = plan.versions().get(0);
		first = plans.submit(director, first.id(), first.version());
		first = plans.approve(director, first.id(), first.version());
		first = plans.activate(director, first.id(), first.version());
		PlanViews.VersionView revision = plans.revise(director, first.id(), "Región Centro sube su objetivo un 5 %");
		Long centro = jdbc.sql("SELECT id FROM org_unit WHERE code = 'R-CENTRO'").query(Long.class).optional()
			.orElse(null);
		if (centro != null) {
			BigDecimal current = plans.grid(director, revision.id(), Measure.REVENUE, null).rows().stream()
				.filter(r -> r.unitId() == centro)
				.findFirst()
				.map(PlanViews.GridRow::year)
				.orElse(BigDecimal.ZERO);
			plans.spread(director, revision.id(), centro, null, "Y", Measure.REVENUE,
					current.multiply(new BigDecimal("1.05")), SpreadMethod.EVEN, true);
		}
		log.info("Loaded the demo plan for {}: active version 1 and a draft version 2", calendar.years().label(year));
	}
}
