package io.rumbo.sales.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.sales.OpportunityManagement;
import io.rumbo.sales.OpportunityProducts;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.sales.OpportunityView;
import io.rumbo.sales.PipelineStages;
import io.rumbo.sales.Stage;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.web.ListQuery;

/** About 150 opportunities in every stage of the pipeline, for the demo company's accounts. */
@Component
@Order(60)
class DemoOpportunities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOpportunities.class);
	private static final List<String> TOPICS = List.of("Renovación de mobiliario", "Suministro anual de papelería",
			"Equipos informáticos", "Contrato de limpieza", "Máquinas de café", "Ampliación de oficina",
			"Puestos de teletrabajo", "Material de higiene");

	/** Closed demo deals closed within this many days before the load. */
	private static final int HISTORY_DAYS = 365;

	private final DemoMode demo;
	private final UserManagement users;
	private final CustomerManagement customers;
	private final OpportunityManagement opportunities;
	private final OpportunityQueries queries;
	private final OpportunityProducts opportunityProducts;
	private final PipelineStages pipelineStages;
	private final Clock clock;
	private final io.rumbo.catalog.CatalogManagement catalog;

	DemoOpportunities(DemoMode demo, UserManagement users, CustomerManagement customers,
			OpportunityManagement opportunities, OpportunityQueries queries, OpportunityProducts opportunityProducts,
			PipelineStages pipelineStages, Clock clock, io.rumbo.catalog.CatalogManagement catalog) {
		this.queries = queries;
		this.opportunityProducts = opportunityProducts;
		this.pipelineStages = pipelineStages;
		this.demo = demo;
		this.users = users;
		this.customers = customers;
		this.opportunities = opportunities;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser admin = users.actAs("admin").orElse(null);
		if (!demo.enabled() || admin == null
				|| !queries.list(admin, new OpportunityQueries.Filter(null, null, null, false)).isEmpty()) {
			return;
		}
		List<CustomerView> accounts = customers.list(admin, new CustomerManagement.Filter(null, null, null, null, null,
				null, false), ListQuery.of(0, 1, List.of("legalName"), CustomerManagement.SORTS, "legalName").unpaged())
			.content()
			.stream()
			.filter(c -> c.ownerStaffId() != null && c.status() != CustomerStatus.LOST)
			.toList();
		List<Stage> stages = pipelineStages.list();
		List<io.rumbo.catalog.ProductView> products = catalog.products(new io.rumbo.catalog.ProductFilter(null, null, true),
				ListQuery.of(0, 1, List.of("sku"), io.rumbo.catalog.CatalogManagement.PRODUCT_SORTS, "sku").unpaged())
			.content();
		Random random = new Random(42L);
		// The days of each deal's history, drawn apart so that the rest of the demo stays as it was.
		Random history = new Random(43L);
		LocalDate today = LocalDate.now(clock);
		int created = 0;
		for (int i = 0; i < accounts.size(); i += 3) {
			CustomerView account = accounts.get(i);
			Stage target = stages.get(random.nextInt(stages.size()));
			// A closed deal closed on a day of the last year, an open one closes in the coming months; either entered
			// the pipeline some weeks before its last move, and each move is dated on its own day.
			LocalDate close = target.open() ? today.plusDays(10 + random.nextInt(120))
					: today.minusDays(random.nextInt(HISTORY_DAYS));
			LocalDate last = target.open() ? today.minusDays(history.nextInt(14)) : close;
			LocalDate entered = last.minusDays(7 + history.nextInt(80));
			OpportunityView opportunity = opportunities.createOn(admin, new OpportunityManagement.OpportunityDetails(
					account.id(), TOPICS.get(random.nextInt(TOPICS.size())) + " " + (2026 + random.nextInt(2)),
					BigDecimal.valueOf(2_000 + random.nextInt(60) * 500), close, null, account.ownerStaffId(),
					random.nextBoolean() ? "Visita comercial" : "Web", target.won() || target.open() ? null
							: "Precio de la competencia"), entered);
			// Two opportunities in three name their products; the others carry an estimated amount.
			if (random.nextInt(3) > 0 && !products.isEmpty()) {
				List<OpportunityProducts.ProductLine> lines = new java.util.ArrayList<>();
				int count = 1 + random.nextInt(3);
				for (int n = 0; n < count; n++) {
					io.rumbo.catalog.ProductView product = products.get(random.nextInt(products.size()));
					if (lines.stream().noneMatch(l -> l.productId() == product.id())) {
						lines.add(new OpportunityProducts.ProductLine(product.id(), BigDecimal.valueOf(5 + random.nextInt(40)),
								null, random.nextBoolean() ? BigDecimal.ZERO : BigDecimal.valueOf(5)));
					}
				}
				opportunity = opportunityProducts.setProducts(admin, opportunity.id(), opportunity.version(), lines);
			}
			List<Stage> path = stages.stream()
				.filter(stage -> stage.position() > 1 && stage.position() <= target.position())
				.filter(stage -> stage.open() || stage.code().equals(target.code()))
				.toList();
			// The moves spread evenly from the day it entered to the last one (the close day of a closed deal).
			long span = java.time.temporal.ChronoUnit.DAYS.between(entered, last);
			for (int step = 0; step < path.size(); step++) {
				LocalDate on = entered.plusDays(span * (step + 1) / path.size());
				opportunities.moveOn(admin, opportunity.id(), path.get(step).code(), null, on);
			}
			created++;
		}
		log.info("Loaded the demo pipeline: {} opportunities", created);
	}
}
