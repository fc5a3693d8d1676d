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
import io.rumbo.organization.OrgDirectory;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.Measure;
import io.rumbo.planning.ObjectiveKind;
import io.rumbo.planning.ObjectiveManagement;
import io.rumbo.planning.SegmentManagement;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanTargets;
import io.rumbo.planning.PlanWorkflow;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.SpreadMethod;
import io.rumbo.shared.DemoMode;

/**
 * This fiscal year's plan for the demo company, proposed from last year's actuals with growth (IT equipment faster,
 * stationery flat), approved and active; a draft revision in which Región Centro raises its revenue target; the
 * year's objectives, two target markets and three strategies with initiatives (the sales demo tags orders with them).
 * Runs after the demo orders and after the metrics facts are first built from them, which the baseline reads.
 */
@Component
@Order(90)
class DemoPlan implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final PlanWorkflow plans;
	private final PlanReading reading;
	private final PlanTargets targets;
	private final FiscalCalendar calendar;
	private final CatalogManagement catalog;
	private final JdbcClient jdbc;
	private final ObjectiveManagement objectives;
	private final SegmentManagement segments;
	private final StrategyManagement strategies;
	private final OrgDirectory org;

	DemoPlan(DemoMode demo, UserManagement users, PlanWorkflow plans, PlanReading reading, PlanTargets targets,
			FiscalCalendar calendar,
			CatalogManagement catalog, JdbcClient jdbc, ObjectiveManagement objectives, SegmentManagement segments,
			StrategyManagement strategies, OrgDirectory org) {
		this.org = org;
		this.objectives = objectives;
		this.segments = segments;
		this.strategies = strategies;
		this.demo = demo;
		this.users = users;
		this.plans = plans;
		this.reading = reading;
		this.targets = targets;
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
		Long centro = org.unitIdsByCode().get("R-CENTRO");
		if (centro != null) {
			BigDecimal current = reading.grid(director, revision.id(), Measure.REVENUE, null).rows().stream()
				.filter(r -> r.unitId() == centro)
				.findFirst()
				.map(r -> r.year().value())
				.orElse(BigDecimal.ZERO);
			targets.spread(director, revision.id(), null, centro, null, "Y", Measure.REVENUE,
					current.multiply(new BigDecimal("1.05")), SpreadMethod.EVEN, true);
		}
		PlanViews.Totals totals = first.totals();
		objectives.create(director, new ObjectiveManagement.ObjectiveDetails(year, ObjectiveKind.REVENUE,
				"Crecer un 8 % en ventas", totals.revenue().multiply(new BigDecimal("1.02")).setScale(0,
						java.math.RoundingMode.HALF_UP), null, null));
		objectives.create(director, new ObjectiveManagement.ObjectiveDetails(year, ObjectiveKind.MARGIN,
				"Mantener el margen bruto", totals.margin().setScale(0, java.math.RoundingMode.HALF_UP), null, null));
		objectives.create(director, new ObjectiveManagement.ObjectiveDetails(year, ObjectiveKind.UNITS,
				"Unidades vendidas", totals.units(), null, null));
		objectives.create(director, new ObjectiveManagement.ObjectiveDetails(year, ObjectiveKind.NEW_CUSTOMERS,
				"Clientes nuevos", BigDecimal.valueOf(Math.max(20, totals.newCustomers())), null, null));
		objectives.create(director, new ObjectiveManagement.ObjectiveDetails(year, ObjectiveKind.QUALITATIVE,
				"Ser el proveedor de referencia en informática para pymes", null, null, null));
		SegmentManagement.SegmentView keyAccounts = segments.create(director, new SegmentManagement.SegmentDetails(
				"Cuentas A", "Clientes de mayor potencial",
				new SegmentManagement.Criteria(null, null, null, io.rumbo.customers.PotentialClass.A, null)));
		SegmentManagement.SegmentView medium = segments.create(director, new SegmentManagement.SegmentDetails(
				"Medianas empresas", "Empresas medianas de cualquier sector",
				new SegmentManagement.Criteria(null, null, io.rumbo.customers.CompanySize.MEDIUM, null, null)));
		Long it = catalog.lines(false).stream().filter(l -> l.code().equals("INF")).map(l -> l.id()).findFirst()
			.orElse(null);
		java.time.LocalDate start = calendar.years().year(year).start();
		java.time.LocalDate end = calendar.years().year(year).lastDay();
		StrategyManagement.StrategyView renewal = strategies.create(director, new StrategyManagement.StrategyDetails(
				plan.id(), "Renovación de equipos informáticos", "Ofrecer la renovación de portátiles a las cuentas A",
				null, keyAccounts.id(), it, null, new BigDecimal("400000"), new BigDecimal("90000"), start, end));
		strategies.addInitiative(director, renewal.id(), "Campaña de renovación por correo", null, start.plusMonths(2));
		strategies.addInitiative(director, renewal.id(), "Demostraciones en las 20 mayores cuentas", null,
				start.plusMonths(6));
		StrategyManagement.StrategyView centre = strategies.create(director, new StrategyManagement.StrategyDetails(
				plan.id(), "Crecer en Región Centro", "Más visitas a medianas empresas de Madrid y Castilla", null,
				medium.id(), null, centro, new BigDecimal("250000"), null, start, end));
		strategies.addInitiative(director, centre.id(), "Plan de visitas trimestral", null, start.plusMonths(3));
		StrategyManagement.StrategyView coffee = strategies.create(director, new StrategyManagement.StrategyDetails(
				plan.id(), "Café y vending en oficinas", "Vender el servicio de vending junto con el mobiliario", null,
				null, catalog.lines(false).stream().filter(l -> l.code().equals("CAF")).map(l -> l.id()).findFirst()
					.orElse(null), null, new BigDecimal("120000"), null, start.plusMonths(3), end));
		strategies.addInitiative(director, coffee.id(), "Acuerdo con un proveedor de máquinas", null, start.plusMonths(4));
		log.info("Loaded the demo plan for {}: active version 1, a draft version 2, objectives, segments and strategies",
				calendar.years().label(year));
	}
}
