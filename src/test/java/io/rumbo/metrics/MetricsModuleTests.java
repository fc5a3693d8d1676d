package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.ProductView;
import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.customers.CaseCategory;
import io.rumbo.customers.CasePriority;
import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerId;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.customers.ServiceCaseView;
import io.rumbo.customers.ServiceManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.ActivityManagement;
import io.rumbo.sales.ActivityType;
import io.rumbo.sales.ActivityView;
import io.rumbo.sales.OpportunityManagement;
import io.rumbo.sales.OpportunityProducts;
import io.rumbo.sales.OpportunityView;
import io.rumbo.sales.OrderBooked;
import io.rumbo.sales.OrderFacts;
import io.rumbo.sales.OrderId;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.TaskManagement;
import io.rumbo.sales.TaskView;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The metrics module with its direct dependencies (sales and customers publish the events it listens to; imports, which
 * they depend on, is not booted) and no demo company: a small company of its own per test (a company unit with two teams of three people, eight accounts,
 * four product lines with a product each), made through the real facades.
 * <ul>
 * <li>On random records, the facts the events keep equal a rebuild, events delivered again count nothing twice, and
 * every measure equals a direct SQL recomputation from the raw tables, by person and by unit.</li>
 * <li>Edits that change what a record counts for (an opportunity's amount, owner or close date, a done activity's
 * type or owner, a done task's assignee or due date, a resolved case's date or account, a product's line) reach the
 * facts at once, through the modules' own facades and events: the old cells lose the record, the new ones gain it.</li>
 * <li>An event whose listener never ran before the application stopped is run at the next start, once.</li>
 * </ul>
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(CleanDatabase.class)
class MetricsModuleTests extends MetricsModuleDatabase {

	static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN));

	private static final FiscalPeriod QUARTER = new FiscalPeriod(LocalDate.of(MetricsTestData.YEAR, 4, 1),
			LocalDate.of(MetricsTestData.YEAR, 7, 1));

	private static final FiscalPeriod HALF = new FiscalPeriod(LocalDate.of(MetricsTestData.YEAR, 1, 1),
			LocalDate.of(MetricsTestData.YEAR, 7, 1));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	EventPublicationRepository publications;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	MetricsRebuild rebuild;

	@Autowired
	MetricsQuery query;

	@Autowired
	OrgDirectory org;

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	CustomerManagement customers;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	OrderManagement orders;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	OpportunityProducts opportunityProducts;

	@Autowired
	ActivityManagement activities;

	@Autowired
	TaskManagement tasks;

	@Autowired
	ServiceManagement service;

	@Autowired
	Clock clock;

	/** The company unit, parent of the two teams. */
	long company;

	/** Three people in team A, then three in team B. */
	List<MetricsTestData.Person> people;

	List<Long> accounts;

	/** One product of each of four product lines. */
	List<Long> products;

	List<Long> lines;

	MetricsTestData data;

	LocalDate today;

	@BeforeEach
	void company() {
		today = LocalDate.now(clock);
		MetricsCompany made = MetricsCompany.create(units, staff, customers, catalog);
		company = made.company();
		people = made.people();
		accounts = made.accounts();
		products = made.products();
		lines = made.lines();
		awaitListeners();
	}

	@AfterEach
	void removeTheRandomRecords() {
		if (data != null) {
			data.remove();
			rebuild.rebuildAll("test");
		}
	}

	// ---- incremental equals rebuild equals a direct recomputation

	@Test
	void eventsKeepTheFactsEqualToARebuildAndEveryMeasureEqualsADirectRecomputation() {
		rebuild.rebuildAll("test");
		data = new MetricsTestData(jdbc, tx, events, 20260101L, people, accounts, products);
		data.generate(60);
		awaitListeners();
		List<String> incremental = facts();
		assertThat(incremental).as("the events wrote facts").isNotEmpty();

		data.redeliverAll();
		awaitListeners();
		assertThat(facts()).as("events delivered again count nothing twice").isEqualTo(incremental);

		MetricsRebuild.Report report = rebuild.rebuildAll("test");
		assertThat(report.orderRows()).isPositive();
		assertThat(facts()).as("the rebuild finds what the events kept").isEqualTo(incremental);

		DirectMeasures direct = new DirectMeasures(jdbc);
		List<StaffId> staffIds = people.stream().map(p -> StaffId.of(p.staff())).toList();
		for (FiscalPeriod period : List.of(QUARTER, HALF)) {
			FiscalPeriod before = new FiscalPeriod(
					period.start().minusMonths(ChronoUnit.MONTHS.between(period.start(), period.end())), period.start());
			for (Metric metric : Metric.values()) {
				if (metric == Metric.PIPELINE_COVERAGE) {
					continue;
				}
				Map<StaffId, BigDecimal> figures = query.byPerson(metric, period, staffIds);
				Map<StaffId, Map<LocalDate, BigDecimal>> monthly = query.byPersonAndMonth(metric, period, staffIds);
				for (StaffId person : staffIds) {
					String who = "%1$s = " + person.value();
					BigDecimal expected = direct.all(who, who, period, before).get(metric);
					same(figures.get(person), expected, metric + " of " + person + " in " + period);
					if (metric.aggregation() == Aggregation.SUM) {
						// The period's sum is one GROUP BY person in the database, the months another read.
						BigDecimal months = monthly.get(person).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
						// Each month is rounded to the cent on its own: the months add up to the period within half a cent each.
						assertThat(months).as(metric + " by month adds up")
							.isCloseTo(figures.get(person), within(new BigDecimal("0.03")));
					}
				}
			}
		}
		// Of one product line (what incentive components on a line pay on), summed over the period in the database.
		List<Long> lines = jdbc.sql("SELECT DISTINCT line_id FROM catalog_product WHERE id IN "
				+ DirectMeasures.in(products)).query(Long.class).list();
		assertThat(lines).as("the test's products have lines").isNotEmpty();
		boolean sold = false;
		for (long line : lines) {
			for (Metric metric : List.of(Metric.REVENUE, Metric.UNITS, Metric.MARGIN)) {
				Map<StaffId, BigDecimal> figures = query.byPersonOfLine(metric, QUARTER, staffIds, line);
				for (StaffId person : staffIds) {
					String who = "%1$s = " + person.value();
					BigDecimal expected = direct.ofLine(who, QUARTER, line).get(metric);
					sold |= expected.signum() != 0;
					same(figures.get(person), expected, metric + " of line " + line + " of " + person);
				}
			}
		}
		assertThat(sold).as("a line sold in the quarter (the check compares something)").isTrue();
		Set<Long> unitIds = new TreeSet<>();
		people.forEach(p -> unitIds.add(p.unit()));
		unitIds.add(company);
		for (long unit : unitIds) {
			for (Metric metric : List.of(Metric.REVENUE, Metric.UNITS, Metric.ORDERS, Metric.MARGIN_PCT,
					Metric.ACTIVE_CUSTOMERS, Metric.VISITS, Metric.WIN_RATE, Metric.WEIGHTED_PIPELINE, Metric.CSAT,
					Metric.CASES_RESOLVED, Metric.RESOLUTION_DAYS, Metric.TASKS_ON_TIME, Metric.NEW_CUSTOMERS)) {
				Set<UnitId> subtree = org.subtreesOn(List.of(UnitId.of(unit)), QUARTER.start()).get(UnitId.of(unit));
				String inUnits = "%2$s IN " + DirectMeasures.in(subtree.stream().map(UnitId::value).toList());
				BigDecimal expected = direct.all(inUnits, inUnits, QUARTER, HALF).get(metric);
				same(query.byUnit(metric, QUARTER, List.of(UnitId.of(unit))).get(UnitId.of(unit)), expected,
						metric + " of unit " + unit);
			}
		}
	}

	// ---- edits reach the facts at once

	@Test
	void editingAnOpportunityMovesItsPipelineAndItsCountsAtOnce() {
		long ana = people.get(0).staff();
		long bea = people.get(3).staff();
		LocalDate close = today.plusMonths(2);
		OpportunityView created = opportunities.create(ADMIN, opportunity("Mobiliario", "10000", close, ana));
		awaitListeners();
		// Prospecting: 10 %.
		assertThat(figure(Metric.WEIGHTED_PIPELINE, month(close), ana)).isEqualByComparingTo("1000.00");
		assertThat(figure(Metric.OPPORTUNITIES_CREATED, month(today), ana)).isEqualByComparingTo("1");

		LocalDate later = today.plusMonths(3);
		OpportunityView edited = opportunities.update(ADMIN, created.id(), created.version(),
				opportunity("Mobiliario", "24000", later, bea));
		awaitListeners();
		assertThat(figure(Metric.WEIGHTED_PIPELINE, month(close), ana)).as("the old owner and month lose it")
			.isEqualByComparingTo("0");
		assertThat(figure(Metric.WEIGHTED_PIPELINE, month(later), bea)).as("the new owner and month gain it")
			.isEqualByComparingTo("2400.00");
		assertThat(figure(Metric.OPPORTUNITIES_CREATED, month(today), ana)).isEqualByComparingTo("0");
		assertThat(figure(Metric.OPPORTUNITIES_CREATED, month(today), bea)).isEqualByComparingTo("1");

		opportunityProducts.setProducts(ADMIN, edited.id(), edited.version(),
				List.of(new OpportunityProducts.ProductLine(products.get(0), new BigDecimal("3"), new BigDecimal("100"),
						null)));
		awaitListeners();
		assertThat(figure(Metric.WEIGHTED_PIPELINE, month(later), bea)).as("priced by its products")
			.isEqualByComparingTo("30.00");

		OpportunityView won = opportunities.moveTo(ADMIN, edited.id(), "WON");
		LocalDate closedBefore = today.minusMonths(1).withDayOfMonth(1);
		opportunities.update(ADMIN, won.id(), won.version(), opportunity("Mobiliario", "300", closedBefore, ana));
		awaitListeners();
		assertThat(figure(Metric.OPPORTUNITIES_WON, month(today), bea)).as("corrected: not won this month")
			.isEqualByComparingTo("0");
		assertThat(figure(Metric.OPPORTUNITIES_WON, month(closedBefore), ana)).as("won the month before, by its owner")
			.isEqualByComparingTo("1");
		assertThat(figure(Metric.WEIGHTED_PIPELINE, month(later), bea)).isEqualByComparingTo("0");
		assertFactsEqualARebuild();
	}

	@Test
	void editingADoneActivityMovesItToItsTypeAndOwnerAtOnce() {
		long ana = people.get(0).staff();
		long bea = people.get(3).staff();
		LocalDate day = today.minusDays(1);
		ActivityView visit = activities.create(ADMIN, new ActivityManagement.ActivityDetails(accounts.get(0), null,
				ActivityType.VISIT, ana, day, day, 30, "Interesada", null, null));
		awaitListeners();
		assertThat(figure(Metric.VISITS, month(day), ana)).isEqualByComparingTo("1");

		activities.update(ADMIN, visit.id(), visit.version(), new ActivityManagement.ActivityDetails(accounts.get(0),
				null, ActivityType.CALL, bea, day, day, 30, "Interesada", null, null));
		awaitListeners();
		assertThat(figure(Metric.VISITS, month(day), ana)).as("no longer a visit of the first owner")
			.isEqualByComparingTo("0");
		assertThat(figure(Metric.CALLS, month(day), bea)).as("a call of the new owner").isEqualByComparingTo("1");
		assertFactsEqualARebuild();
	}

	@Test
	void editingADoneTaskMovesItToItsAssigneeAndDueDateAtOnce() {
		long ana = people.get(0).staff();
		long bea = people.get(3).staff();
		TaskView task = tasks.create(ADMIN, new TaskManagement.TaskDetails("Enviar la oferta", null, ana, null, null,
				today.plusDays(3)));
		tasks.complete(ADMIN, task.id(), true);
		awaitListeners();
		assertThat(figure(Metric.TASKS_ON_TIME, month(today), ana)).isEqualByComparingTo("100");

		TaskView done = tasks.get(ADMIN, task.id());
		tasks.update(ADMIN, done.id(), done.version(), new TaskManagement.TaskDetails("Enviar la oferta", null, bea, null,
				null, today.minusDays(3)));
		awaitListeners();
		assertThat(figure(Metric.TASKS_ON_TIME, month(today), ana)).as("no task of the first assignee any more").isNull();
		assertThat(figure(Metric.TASKS_ON_TIME, month(today), bea)).as("late by its new due date")
			.isEqualByComparingTo("0");
		assertFactsEqualARebuild();
	}

	@Test
	void correctingAResolvedCaseMovesItsResolutionAtOnce() {
		long ana = people.get(0).staff();
		long bea = people.get(3).staff();
		LocalDate opened = today.minusMonths(3).withDayOfMonth(5);
		LocalDate resolved = opened.plusDays(5);
		ServiceCaseView serviceCase = service.open(ADMIN, serviceCase(accounts.get(0), opened, resolved));
		awaitListeners();
		assertThat(figure(Metric.CASES_RESOLVED, month(resolved), ana)).isEqualByComparingTo("1");

		// Resolved a month later than first recorded, and it was the account of someone else.
		LocalDate corrected = opened.plusMonths(1).plusDays(10);
		service.update(ADMIN, serviceCase.id(), serviceCase.version(), serviceCase(accounts.get(3), opened, corrected));
		awaitListeners();
		assertThat(figure(Metric.CASES_RESOLVED, month(resolved), ana)).as("no longer resolved in the first month")
			.isEqualByComparingTo("0");
		assertThat(figure(Metric.CASES_RESOLVED, month(corrected), bea)).isEqualByComparingTo("1");
		assertThat(figure(Metric.RESOLUTION_DAYS, month(corrected), bea))
			.isEqualByComparingTo(String.valueOf(ChronoUnit.DAYS.between(opened, corrected)));

		ServiceCaseView current = service.get(ADMIN, serviceCase.id());
		service.update(ADMIN, current.id(), current.version(), serviceCase(accounts.get(0), opened, null));
		awaitListeners();
		assertThat(figure(Metric.CASES_RESOLVED, month(corrected), bea)).as("reopened by an edit that also moved it back")
			.isEqualByComparingTo("0");
		assertFactsEqualARebuild();
	}

	@Test
	void movingAProductToAnotherLineMovesWhatItSoldAtOnce() {
		long ana = people.get(0).staff();
		LocalDate day = today.minusDays(2);
		orders.create(ADMIN, new OrderManagement.OrderDetails(accounts.get(0), day, null, null,
				List.of(new OrderManagement.NewLine(products.get(0), new BigDecimal("3"), new BigDecimal("20"), null),
						new OrderManagement.NewLine(products.get(1), new BigDecimal("1"), new BigDecimal("20"), null)),
				List.of(new OrderManagement.NewCredit(ana, new BigDecimal("100")))));
		awaitListeners();
		assertThat(revenueOfLine(ana, lines.get(0))).isEqualByComparingTo("60");
		assertThat(revenueOfLine(ana, lines.get(1))).isEqualByComparingTo("20");

		ProductView product = catalog.product(products.get(0));
		catalog.updateProduct(ADMIN, product.id(), product.version(), new CatalogManagement.ProductDetails(product.sku(),
				product.nameEs(), product.nameEn(), lines.get(1), product.unitOfMeasure(), product.listPrice(), true, null,
				null));
		awaitListeners();
		assertThat(revenueOfLine(ana, lines.get(0))).as("the old line loses what the product sold")
			.isEqualByComparingTo("0");
		assertThat(revenueOfLine(ana, lines.get(1))).as("the new line counts it").isEqualByComparingTo("80");
		assertFactsEqualARebuild();
	}

	// ---- events survive a restart

	/**
	 * An order booked just before the application stopped: the sales transaction committed with its event publication,
	 * the metrics listener never ran. At the next start the registry re-submits incomplete publications (what
	 * {@code republish-outstanding-events-on-restart} does); the facts then count the order, once, even when the
	 * publication is submitted again.
	 */
	@Test
	void anEventLeftIncompleteIsRunAtStartAndCountsOnce() {
		// The id Spring gives a listener method: its class, name and parameter type.
		String listener = "io.rumbo.metrics.domain.FactListener.on(io.rumbo.sales.OrderBooked)";
		LocalDate day = LocalDate.of(2002, 5, 14);
		MetricsTestData.Person person = people.get(1);
		OrderFacts facts = new OrderFacts(CustomerId.of(accounts.get(1)), day,
				List.of(new OrderFacts.Credit(StaffId.of(person.staff()), UnitId.of(person.unit()), new BigDecimal("100"))),
				new BigDecimal("1234.50"), new BigDecimal("3"), new BigDecimal("400.00"));
		try {
			restart(listener, person, day, facts);
		}
		finally {
			// Left incomplete by a failure, the publication would hold every later test's wait for the listeners.
			jdbc.sql("DELETE FROM event_publication WHERE listener_id = :l").param("l", listener).update();
		}
	}

	private void restart(String listener, MetricsTestData.Person person, LocalDate day, OrderFacts facts) {
		StaffId who = StaffId.of(person.staff());
		FiscalPeriod month = month(day);
		BigDecimal before = query.byPerson(Metric.REVENUE, month, List.of(who)).get(who);
		String number = "T-RESTART-" + person.staff();
		OrderBooked event = tx.execute(s -> {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO sales_order (order_number, customer_id, order_date, status, net_amount, cost_amount,"
					+ " margin_amount, units, version) VALUES (:n, :c, :d, 'BOOKED', 1234.50, 834.50, 400.00, 3, 0)")
				.param("n", number).param("c", accounts.get(1)).param("d", day).update(keys, "id");
			long id = keys.getKey().longValue();
			jdbc.sql("INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price,"
					+ " discount_percent, unit_cost, net_amount, cost_amount, margin_amount)"
					+ " VALUES (:o, 1, :p, 3, 411.50, 0, 278.1667, 1234.50, 834.50, 400.00)")
				.param("o", id).param("p", products.get(0)).update();
			jdbc.sql("INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent)"
					+ " VALUES (:o, :s, :u, 100)").param("o", id).param("s", person.staff()).param("u", person.unit())
				.update();
			OrderBooked booked = new OrderBooked(OrderId.of(id), number, facts);
			// The publication the registry writes with the change; the application stops before the listener runs.
			publications.create(TargetEventPublication.of(booked, PublicationTargetIdentifier.of(listener)));
			return booked;
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id = :l")
			.param("l", listener).query(Long.class).single()).as("the publication survives, incomplete").isEqualTo(1);
		assertThat(query.byPerson(Metric.REVENUE, month, List.of(who)).get(who))
			.as("not counted before the listener runs").isEqualByComparingTo(before);

		incomplete.resubmitIncompletePublications(p -> p.getEvent().equals(event));
		awaitListeners();
		BigDecimal after = query.byPerson(Metric.REVENUE, month, List.of(who)).get(who);
		assertThat(after).as("counted once the publication is re-run").isEqualByComparingTo(before.add(facts.net()));

		tx.executeWithoutResult(s -> publications
			.create(TargetEventPublication.of(event, PublicationTargetIdentifier.of(listener))));
		incomplete.resubmitIncompletePublications(p -> p.getEvent().equals(event));
		awaitListeners();
		assertThat(query.byPerson(Metric.REVENUE, month, List.of(who)).get(who))
			.as("a second delivery counts nothing twice").isEqualByComparingTo(after);
	}

	// ---- helpers

	/** A person's revenue of one product line, all months: straight from the facts, which keep it by line. */
	private BigDecimal revenueOfLine(long person, long line) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM metrics_fact WHERE staff_id = :s AND line_id = :l"
				+ " AND measure = 'REVENUE'").param("s", person).param("l", line).query(BigDecimal.class).single();
	}

	/** The figure of one person in one period; null when undefined (a ratio with nothing to divide by). */
	private BigDecimal figure(Metric metric, FiscalPeriod period, long person) {
		return query.byPerson(metric, period, List.of(StaffId.of(person))).get(StaffId.of(person));
	}

	private static FiscalPeriod month(LocalDate day) {
		LocalDate start = day.withDayOfMonth(1);
		return new FiscalPeriod(start, start.plusMonths(1));
	}

	private OpportunityManagement.OpportunityDetails opportunity(String title, String amount, LocalDate close,
			long owner) {
		return new OpportunityManagement.OpportunityDetails(accounts.get(0), title, new BigDecimal(amount), close, null,
				owner, "Web", null);
	}

	private static ServiceManagement.CaseDetails serviceCase(long customer, LocalDate opened, LocalDate resolved) {
		return new ServiceManagement.CaseDetails(null, customer, null, "Entrega rota", CaseCategory.DELIVERY,
				CasePriority.HIGH, opened, resolved, resolved == null ? null : "Repuesta");
	}

	/** The edits left nothing for a rebuild to find: the facts the events kept are the facts of the records. */
	private void assertFactsEqualARebuild() {
		List<String> incremental = facts();
		rebuild.rebuildAll("test");
		assertThat(facts()).as("the facts kept by the events equal a rebuild").isEqualTo(incremental);
	}

	/** Equal figures, or both undefined (a ratio with nothing to divide by). */
	private static void same(BigDecimal actual, BigDecimal expected, String what) {
		if (expected == null) {
			assertThat(actual).as(what + " is undefined").isNull();
		}
		else {
			assertThat(actual).as(what).isEqualByComparingTo(expected);
		}
	}

	private List<String> facts() {
		return MetricsState.facts(jdbc);
	}

	private void awaitListeners() {
		MetricsState.awaitListeners(jdbc);
	}
}
