package io.rumbo.review.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.InitiativeStatus;
import io.rumbo.planning.ObjectiveKind;
import io.rumbo.planning.ObjectiveManagement;
import io.rumbo.planning.PlanActuals;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanTargets;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.PlanWorkflow;
import io.rumbo.planning.SegmentManagement;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.review.PlanReviews;
import io.rumbo.review.ReviewViews;
import io.rumbo.review.Verdict;
import io.rumbo.sales.OpportunityManagement;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.sales.OpportunityView;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrderStatus;
import io.rumbo.sales.OrderSummary;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;

/**
 * Last fiscal year's review for the demo company: last year's plan (approved, made from last year's actuals with
 * the ambitions a sales director would have set: IT equipment +12 % at higher prices, coffee +25 %, the rest +5 %),
 * its objectives, three strategies whose orders and opportunities are tagged (key-account renewal worked, Región
 * Centro partly, coffee and vending did not), and the company's review with an explanation per region and a verdict
 * per strategy, shared. Runs after the demo plan, orders and opportunities exist and the facts are built.
 */
@Component
@Order(165)
class DemoPlanReview implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPlanReview.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final PlanWorkflow workflow;
	private final PlanReading reading;
	private final PlanTargets targets;
	private final FiscalCalendar calendar;
	private final PlanActuals actuals;
	private final CatalogManagement catalog;
	private final OrgDirectory org;
	private final ObjectiveManagement objectives;
	private final SegmentManagement segments;
	private final StrategyManagement strategies;
	private final OrderManagement orders;
	private final OpportunityQueries opportunities;
	private final OpportunityManagement opportunityTags;
	private final PlanReviews reviews;

	DemoPlanReview(DemoMode demo, UserManagement users, PlanWorkflow workflow, PlanReading reading,
			PlanTargets targets, FiscalCalendar calendar, PlanActuals actuals, CatalogManagement catalog,
			OrgDirectory org, ObjectiveManagement objectives, SegmentManagement segments, StrategyManagement strategies,
			OrderManagement orders, OpportunityQueries opportunities, OpportunityManagement opportunityTags,
			PlanReviews reviews) {
		this.demo = demo;
		this.users = users;
		this.workflow = workflow;
		this.reading = reading;
		this.targets = targets;
		this.calendar = calendar;
		this.actuals = actuals;
		this.catalog = catalog;
		this.org = org;
		this.objectives = objectives;
		this.segments = segments;
		this.strategies = strategies;
		this.orders = orders;
		this.opportunities = opportunities;
		this.opportunityTags = opportunityTags;
		this.reviews = reviews;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser director = users.actAs("director").orElse(null);
		if (!demo.enabled() || director == null) {
			return;
		}
		int year = calendar.currentYear() - 1;
		if (reading.plans(director).stream().anyMatch(p -> p.fiscalYear() == year)
				|| reviews.list(director, new PlanReviews.Filter(null, null, null, null), ListQuery.of(0, 1, null,
						PlanReviews.SORTS, PlanReviews.DEFAULT_SORT)).page().totalElements() > 0) {
			return;
		}
		FiscalPeriod span = calendar.years().year(year);
		Map<Long, String> lineCodes = new HashMap<>();
		catalog.lines(false).forEach(l -> lineCodes.put(l.id(), l.code()));
		long plan = plan(director, year, span, lineCodes);
		PlanViews.Totals totals = reading.plan(director, plan).current().totals();
		objectives.create(director, new ObjectiveManagement.ObjectiveDetails(year, ObjectiveKind.REVENUE,
				"Crecer un 8 % en ventas", totals.revenue().setScale(0, RoundingMode.HALF_UP), null, null));
		objectives.create(director, new ObjectiveManagement.ObjectiveDetails(year, ObjectiveKind.MARGIN,
				"Mantener el margen bruto", totals.margin().setScale(0, RoundingMode.HALF_UP), null, null));
		objectives.create(director, new ObjectiveManagement.ObjectiveDetails(year, ObjectiveKind.NEW_CUSTOMERS,
				"Ganar 30 clientes nuevos", new BigDecimal("30"), null, null));
		List<Long> strategyIds = strategies(director, plan, span, lineCodes);
		ReviewViews.ReviewView review = reviews.create(director, new PlanReviews.NewReview(plan, "Y", null,
				"Revisión del plan " + calendar.years().label(year)));
		List<ReviewViews.Explanation> explanations = new ArrayList<>();
		for (ReviewViews.UnitRow u : review.figures().units()) {
			if (u.depth() == 0) {
				explanations.add(new ReviewViews.Explanation(u.unitId(), "El año cerró por debajo del plan: el plan "
						+ "pedía subir precios en informática y el mercado no los aceptó; el volumen sí creció."));
			}
			else if (u.depth() == 1) {
				explanations.add(new ReviewViews.Explanation(u.unitId(), u.gap().signum() < 0
						? "Por debajo del plan: menos pedidos de café y vending de los previstos y descuentos en portátiles."
						: "Por encima del plan gracias a la renovación de equipos en las cuentas A."));
			}
		}
		List<PlanReviews.VerdictDetails> verdicts = List.of(
				new PlanReviews.VerdictDetails(strategyIds.get(0), Verdict.WORKED,
						"Las demostraciones en las cuentas A convirtieron bien: repetir este año con las cuentas B."),
				new PlanReviews.VerdictDetails(strategyIds.get(1), Verdict.PARTLY,
						"Más visitas a medianas empresas, pero pocas compraron: faltó una oferta de entrada."),
				new PlanReviews.VerdictDetails(strategyIds.get(2), Verdict.DID_NOT_WORK,
						"El vending no se vende con el mobiliario: ciclos de compra distintos. Abandonar la estrategia."));
		review = reviews.write(director, review.id(), review.version(), new PlanReviews.ReviewText(null,
				"El año se cerró por debajo del plan por precio, no por volumen. La renovación de equipos en cuentas A "
						+ "funcionó; el café y vending no.", explanations, verdicts));
		reviews.share(director, review.id(), review.version());
		log.info("Loaded the demo review of {}: plan, strategies with tagged records, verdicts, shared",
				calendar.years().label(year));
	}

	/** Last year's plan: last year's actuals with a director's ambitions, approved. */
	private long plan(CurrentUser director, int year, FiscalPeriod span, Map<Long, String> lineCodes) {
		PlanViews.PlanView plan = workflow.create(director, year, "Plan comercial " + calendar.years().label(year),
				BigDecimal.ZERO, Map.of());
		PlanViews.VersionView version = plan.versions().get(0);
		Map<String, PlanViews.TargetCell> cells = new HashMap<>();
		for (PlanActuals.Actual a : actuals.actuals(span, null)) {
			String line = lineCodes.getOrDefault(a.lineId().value(), "");
			// Revenue growth and unit growth: IT planned at higher prices, coffee at +25 %, the rest +5 %.
			BigDecimal[] growth = switch (line) {
				case "INF" -> new BigDecimal[] { new BigDecimal("1.12"), new BigDecimal("1.03") };
				case "CAF" -> new BigDecimal[] { new BigDecimal("1.25"), new BigDecimal("1.25") };
				default -> new BigDecimal[] { new BigDecimal("1.05"), new BigDecimal("1.05") };
			};
			int month = calendar.years().monthOf(a.month().start());
			String key = a.unitId().value() + "/" + a.lineId().value() + "/" + month;
			PlanViews.TargetCell cell = new PlanViews.TargetCell(a.unitId().value(), a.lineId().value(), month,
					positive(a.revenue().multiply(growth[0])), positive(a.units().multiply(growth[1])),
					positive(a.margin().multiply(growth[0])));
			cells.merge(key, cell, (x, y) -> new PlanViews.TargetCell(x.unitId(), x.lineId(), x.month(),
					x.revenue().add(y.revenue()), x.units().add(y.units()), x.margin().add(y.margin())));
		}
		if (!lineCodes.isEmpty() && !cells.isEmpty()) {
			targets.writeTargets(director, version.id(), null, new ArrayList<>(cells.values()));
		}
		version = reading.version(director, version.id());
		version = workflow.submit(director, version.id(), version.version());
		workflow.approve(director, version.id(), version.version());
		return plan.id();
	}

	private static BigDecimal positive(BigDecimal value) {
		return value.signum() < 0 ? BigDecimal.ZERO : value.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Three strategies with their tagged records: every other order of twenty key accounts (renewal), every tenth of
	 * Región Centro, and a few coffee deals; the expected revenue of each is set against what it will bring so that
	 * one worked, one partly and one did not.
	 */
	private List<Long> strategies(CurrentUser director, long plan, FiscalPeriod span, Map<Long, String> lineCodes) {
		Long it = lineId(lineCodes, "INF");
		Long coffee = lineId(lineCodes, "CAF");
		Long centro = org.unitIdsByCode().get("R-CENTRO");
		SegmentManagement.SegmentView keyAccounts = segments.list().stream().filter(s -> s.name().equals("Cuentas A"))
			.findFirst().orElse(null);
		SegmentManagement.SegmentView medium = segments.list().stream()
			.filter(s -> s.name().equals("Medianas empresas")).findFirst().orElse(null);
		LocalDate start = span.start();
		LocalDate end = span.lastDay();

		List<OrderSummary> renewal = new ArrayList<>();
		if (keyAccounts != null) {
			List<Long> accounts = segments.targets(director, keyAccounts.id()).stream()
				.map(SegmentManagement.TargetAccount::customerId).limit(20).toList();
			for (Long customer : accounts) {
				List<OrderSummary> theirs = booked(director, null, customer, span);
				for (int i = 0; i < theirs.size(); i += 2) {
					renewal.add(theirs.get(i));
				}
			}
		}
		List<OrderSummary> region = new ArrayList<>();
		if (centro != null) {
			List<OrderSummary> theirs = booked(director, centro, null, span);
			for (int i = 5; i < theirs.size(); i += 10) {
				if (!renewal.contains(theirs.get(i))) {
					region.add(theirs.get(i));
				}
			}
		}
		List<OrderSummary> vending = new ArrayList<>();
		List<OrderSummary> all = booked(director, null, null, span);
		for (int i = 7; i < all.size() && vending.size() < 6; i += 97) {
			if (!renewal.contains(all.get(i)) && !region.contains(all.get(i))) {
				vending.add(all.get(i));
			}
		}
		StrategyManagement.StrategyView a = strategies.create(director, new StrategyManagement.StrategyDetails(plan,
				"Renovación de portátiles en cuentas A", "Demostraciones y renovación de equipos en las cuentas A", null,
				keyAccounts == null ? null : keyAccounts.id(), it, null, expected(renewal, "0.90"),
				margin(renewal, "0.90"), start, end));
		StrategyManagement.StrategyView b = strategies.create(director, new StrategyManagement.StrategyDetails(plan,
				"Crecer en Región Centro", "Más visitas a medianas empresas de Madrid y Castilla", null,
				medium == null ? null : medium.id(), null, centro, expected(region, "1.40"), null, start, end));
		StrategyManagement.StrategyView c = strategies.create(director, new StrategyManagement.StrategyDetails(plan,
				"Café y vending con el mobiliario", "Vender el servicio de vending junto con el mobiliario de oficina",
				null, null, coffee, null, new BigDecimal("120000"), new BigDecimal("30000"), start.plusMonths(2), end));
		initiative(director, a.id(), "Campaña de renovación por correo", start.plusMonths(1), true);
		initiative(director, a.id(), "Demostraciones en las 20 mayores cuentas", start.plusMonths(5), true);
		initiative(director, b.id(), "Plan de visitas trimestral", start.plusMonths(2), true);
		initiative(director, b.id(), "Oferta de entrada para medianas empresas", start.plusMonths(6), false);
		initiative(director, c.id(), "Acuerdo con un proveedor de máquinas", start.plusMonths(4), false);
		renewal.forEach(o -> orders.tagStrategy(director, o.id(), a.id()));
		region.forEach(o -> orders.tagStrategy(director, o.id(), b.id()));
		vending.forEach(o -> orders.tagStrategy(director, o.id(), c.id()));
		// Opportunities closed last year: won ones for the renewal, mostly lost ones for coffee and vending.
		List<OpportunityView> closed = opportunities.list(director, new OpportunityQueries.Filter(null, null, null, false))
			.stream()
			.filter(o -> !o.expectedClose().isBefore(start) && !o.expectedClose().isAfter(end))
			.filter(o -> o.stageCode().equals("WON") || o.stageCode().equals("LOST"))
			.toList();
		int won = 0;
		int lost = 0;
		for (OpportunityView o : closed) {
			if (o.stageCode().equals("WON") && won < 6) {
				opportunityTags.tagStrategy(director, o.id(), won % 3 == 2 ? c.id() : a.id());
				won++;
			}
			else if (o.stageCode().equals("LOST") && lost < 6) {
				opportunityTags.tagStrategy(director, o.id(), lost < 4 ? c.id() : b.id());
				lost++;
			}
		}
		return List.of(a.id(), b.id(), c.id());
	}

	private void initiative(CurrentUser director, long strategy, String title, LocalDate due, boolean done) {
		StrategyManagement.StrategyView s = strategies.addInitiative(director, strategy, title, null, due);
		if (done) {
			StrategyManagement.InitiativeView i = s.initiatives().stream().filter(x -> x.title().equals(title))
				.findFirst().orElseThrow();
			strategies.moveInitiative(director, strategy, i.id(), i.version(), InitiativeStatus.DONE);
		}
	}

	private List<OrderSummary> booked(CurrentUser director, Long unit, Long customer, FiscalPeriod span) {
		return orders.list(director, new OrderManagement.Filter(null, unit, customer, span.start(), span.lastDay(),
				OrderStatus.BOOKED), ListQuery.of(0, ListQuery.MAX_SIZE, List.of("orderDate"), OrderManagement.SORTS,
						"orderDate")).content();
	}

	private static BigDecimal expected(List<OrderSummary> tagged, String factor) {
		BigDecimal sum = tagged.stream().map(OrderSummary::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.multiply(new BigDecimal(factor)).setScale(-3, RoundingMode.HALF_UP).max(new BigDecimal("10000"));
	}

	private static BigDecimal margin(List<OrderSummary> tagged, String factor) {
		BigDecimal sum = tagged.stream().map(OrderSummary::marginAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.multiply(new BigDecimal(factor)).setScale(-3, RoundingMode.HALF_UP).max(new BigDecimal("1000"));
	}

	private static Long lineId(Map<Long, String> lineCodes, String code) {
		return lineCodes.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).findFirst()
			.orElse(null);
	}
}
