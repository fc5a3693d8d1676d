package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.InitiativeStatus;
import io.rumbo.planning.PlanTargets;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.PlanWorkflow;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.sales.OpportunityManagement;
import io.rumbo.sales.OpportunityView;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrderView;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plan reviews over HTTP with real tokens: a plan of a fiscal year no other test uses (this year + 31) with targets
 * on one line of the rep's team, a strategy with its own tagged orders and opportunities (and untagged ones), then
 * the review's figures against those records; sharing freezes them and makes the review read-only; who sees which
 * review; exports and the PDF.
 */
@RumboIntegrationTest
class ReviewApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserManagement users;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	PlanWorkflow workflow;

	@Autowired
	PlanTargets targets;

	@Autowired
	StrategyManagement strategies;

	@Autowired
	Clock clock;

	@Autowired
	OrderManagement orders;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	CustomerManagement customers;

	Api api;

	/** The fixture, built once for the class: the year's plan, its strategy and the tagged records. */
	static Fixture fixture;

	record Fixture(int year, long planId, long strategyId, long teamId, long otherTeamId, long customer, long product,
			List<OrderView> tagged, OrderView untagged, OrderView elsewhere) {
	}

	@BeforeEach
	void setUp() {
		api = new Api(port);
		if (fixture == null) {
			fixture = build();
		}
	}

	private Fixture build() {
		CurrentUser director = users.actAs("director").orElseThrow();
		int year = calendar.currentYear() + 31;
		long team = api.get("/api/v1/staff/me", "rep").json().get("unitId").asLong();
		long region = jdbc.sql("SELECT parent_id FROM org_unit WHERE id = :id").param("id", team).query(Long.class)
			.single();
		long otherTeam = jdbc.sql("""
				SELECT u.id FROM org_unit u JOIN org_unit p ON p.id = u.parent_id
				WHERE u.parent_id <> :region AND p.parent_id IS NOT NULL AND EXISTS (SELECT 1 FROM org_staff s
				  WHERE s.unit_id = u.id AND s.job_role = 'SALESPERSON' AND s.status = 'ACTIVE' AND s.archived = FALSE)
				ORDER BY u.id FETCH FIRST 1 ROWS ONLY""")
			.param("region", region).query(Long.class).single();
		long customer = customer(director, team);
		long otherCustomer = customer(director, otherTeam);
		long product = jdbc.sql("SELECT id FROM catalog_product WHERE active = TRUE ORDER BY id FETCH FIRST 1 ROWS ONLY")
			.query(Long.class).single();
		long line = jdbc.sql("SELECT line_id FROM catalog_product WHERE id = :id").param("id", product)
			.query(Long.class).single();
		PlanViews.PlanView plan = workflow.create(director, year, unique("Plan revisión"), BigDecimal.ZERO, Map.of());
		PlanViews.VersionView version = plan.versions().get(0);
		targets.writeTargets(director, version.id(), null, List.of(new PlanViews.TargetCell(team, line, 1,
				new BigDecimal("5000.00"), new BigDecimal("40"), new BigDecimal("1500.00"))));
		long current = jdbc.sql("SELECT version FROM planning_plan_version WHERE id = :id").param("id", version.id())
			.query(Long.class).single();
		version = workflow.submit(director, version.id(), current);
		workflow.approve(director, version.id(), version.version());
		LocalDate start = calendar.years().year(year).start();
		StrategyManagement.StrategyView strategy = strategies.create(director, new StrategyManagement.StrategyDetails(
				plan.id(), unique("Estrategia revisión"), null, null, null, line, null, new BigDecimal("10000"),
				new BigDecimal("3000"), start, calendar.years().year(year).lastDay()));
		// Initiatives: one done after its due day, one done before it, one overdue and one not yet due.
		LocalDate today = LocalDate.now(clock);
		initiative(director, strategy.id(), "Tarde", today.minusDays(10), InitiativeStatus.DONE);
		initiative(director, strategy.id(), "A tiempo", today.plusDays(10), InitiativeStatus.DONE);
		initiative(director, strategy.id(), "Atrasada", today.minusDays(5), InitiativeStatus.IN_PROGRESS);
		initiative(director, strategy.id(), "Pendiente", today.plusDays(5), InitiativeStatus.PLANNED);
		List<OrderView> tagged = new ArrayList<>();
		for (String quantity : List.of("3", "5")) {
			OrderView order = order(director, customer, product, start.plusDays(10), quantity);
			orders.tagStrategy(director, order.id(), strategy.id());
			tagged.add(order);
		}
		OrderView untagged = order(director, customer, product, start.plusDays(12), "2");
		// A tagged order and a won deal of another region's team: the company's review counts them, the team's not.
		OrderView elsewhere = order(director, otherCustomer, product, start.plusDays(14), "4");
		orders.tagStrategy(director, elsewhere.id(), strategy.id());
		OpportunityManagement.OpportunityDetails away = new OpportunityManagement.OpportunityDetails(otherCustomer,
				unique("Oportunidad revisión"), new BigDecimal("700"), start.plusDays(20), null, null, null, null);
		OpportunityView won = opportunities.create(director, away);
		won = opportunities.moveTo(director, won.id(), "WON", null);
		won = opportunities.update(director, won.id(), won.version(), away);
		opportunities.tagStrategy(director, won.id(), strategy.id());
		// Tagged: two won, one lost; untagged: one won, one lost (the only opportunities closing in this year).
		List<String> stages = List.of("WON", "WON", "LOST", "WON", "LOST");
		for (int i = 0; i < stages.size(); i++) {
			String stage = stages.get(i);
			// Deals close today; their close day then moves into the year under review.
			OpportunityManagement.OpportunityDetails details = new OpportunityManagement.OpportunityDetails(customer,
					unique("Oportunidad revisión"), new BigDecimal("900"), start.plusDays(20), null, null, null,
					stage.equals("LOST") ? "Precio" : null);
			OpportunityView o = opportunities.create(director, details);
			o = opportunities.moveTo(director, o.id(), stage, details.lossReason());
			opportunities.update(director, o.id(), o.version(), details);
			if (i < 3) {
				opportunities.tagStrategy(director, o.id(), strategy.id());
			}
		}
		return new Fixture(year, plan.id(), strategy.id(), team, otherTeam, customer, product, tagged, untagged,
				elsewhere);
	}

	private void initiative(CurrentUser director, long strategyId, String title, LocalDate dueOn,
			InitiativeStatus status) {
		StrategyManagement.InitiativeView added = strategies.addInitiative(director, strategyId, title, null, dueOn)
			.initiatives().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
		if (status != added.status()) {
			strategies.moveInitiative(director, strategyId, added.id(), added.version(), status);
		}
	}

	/** An account of the fixture's own in the unit, owned by an active salesperson of the unit. */
	private long customer(CurrentUser director, long unit) {
		long owner = jdbc.sql("""
				SELECT id FROM org_staff WHERE unit_id = :unit AND job_role = 'SALESPERSON' AND status = 'ACTIVE'
				  AND archived = FALSE ORDER BY id FETCH FIRST 1 ROWS ONLY""")
			.param("unit", unit).query(Long.class).single();
		return customers.create(director, new CustomerManagement.CustomerDetails(null, unique("Cliente revisión"), null,
				Segment.SMALL_BUSINESS, null, CompanySize.SMALL, null, null, null, "Madrid", PotentialClass.B,
				BigDecimal.ZERO, CustomerStatus.ACTIVE, owner, unit, null)).id();
	}

	private OrderView order(CurrentUser actor, long customer, long product, LocalDate day, String quantity) {
		return orders.create(actor, new OrderManagement.OrderDetails(customer, day, null, null,
				List.of(new OrderManagement.NewLine(product, new BigDecimal(quantity), null, null)), List.of()));
	}

	private long create(String user, Long unitId) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("planId", fixture.planId());
		body.put("period", "Y");
		body.put("unitId", unitId);
		Api.Response created = api.post("/api/v1/plan-reviews", user, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private JsonNode share(String user, long id) {
		long version = api.get("/api/v1/plan-reviews/" + id, user).json().get("version").asLong();
		Api.Response shared = api.post("/api/v1/plan-reviews/" + id + "/share", user, Map.of("version", version));
		assertThat(shared.status()).as(shared.body()).isEqualTo(200);
		return shared.json();
	}

	@Test
	void aStrategysContributionIsWhatItsTaggedRecordsDid() {
		long id = create("director", null);
		JsonNode answer = api.get("/api/v1/plan-reviews/" + id + "/strategies", "director").json();
		JsonNode s = strategyRow(answer);
		List<OrderView> all = new ArrayList<>(fixture.tagged());
		all.add(fixture.elsewhere());
		assertThat(s.get("orders").asLong()).isEqualTo(3);
		assertThat(s.get("revenue").decimalValue()).isEqualByComparingTo(money(all, OrderView::netAmount));
		assertThat(s.get("margin").decimalValue()).isEqualByComparingTo(money(all, OrderView::marginAmount));
		assertThat(s.get("opportunities").asLong()).isEqualTo(4);
		assertThat(s.get("won").asLong()).isEqualTo(3);
		assertThat(s.get("lost").asLong()).isEqualTo(1);
		assertThat(s.get("winRate").decimalValue()).isEqualByComparingTo("75.0");
		assertThat(answer.get("untaggedWon").asLong()).isEqualTo(1);
		assertThat(answer.get("untaggedLost").asLong()).isEqualTo(1);
		assertThat(answer.get("untaggedWinRate").decimalValue()).isEqualByComparingTo("50.0");
		assertThat(s.get("initiatives").asInt()).isEqualTo(4);
		assertThat(s.get("initiativesDone").asInt()).isEqualTo(2);
		assertThat(s.get("initiativesDoneLate").asInt()).as("done ten days after its due day").isEqualTo(1);
		assertThat(s.get("initiativesOverdue").asInt()).isEqualTo(1);
		JsonNode late = api.get("/api/v1/strategies/" + fixture.strategyId(), "director").json().get("initiatives")
			.valueStream().filter(i -> i.get("title").asString().equals("Tarde")).findFirst().orElseThrow();
		assertThat(late.get("completedOn").asString()).isEqualTo(LocalDate.now(clock).toString());
	}

	@Test
	void aUnitsReviewCountsOnlyTheUnitsRecords() {
		JsonNode team = api.get("/api/v1/plan-reviews/" + create("director", fixture.teamId()) + "/strategies",
				"director").json();
		JsonNode s = strategyRow(team);
		assertThat(s.get("orders").asLong()).as("the other team's order is not the team's").isEqualTo(2);
		assertThat(s.get("revenue").decimalValue()).isEqualByComparingTo(money(fixture.tagged(), OrderView::netAmount));
		assertThat(s.get("margin").decimalValue())
			.isEqualByComparingTo(money(fixture.tagged(), OrderView::marginAmount));
		assertThat(s.get("opportunities").asLong()).isEqualTo(3);
		assertThat(s.get("won").asLong()).isEqualTo(2);
		assertThat(s.get("lost").asLong()).isEqualTo(1);
		assertThat(team.get("untaggedWon").asLong()).isEqualTo(1);
		assertThat(team.get("untaggedLost").asLong()).isEqualTo(1);
		JsonNode other = api.get("/api/v1/plan-reviews/" + create("director", fixture.otherTeamId()) + "/strategies",
				"director").json();
		s = strategyRow(other);
		assertThat(s.get("orders").asLong()).isEqualTo(1);
		assertThat(s.get("revenue").decimalValue())
			.isEqualByComparingTo(money(List.of(fixture.elsewhere()), OrderView::netAmount));
		assertThat(s.get("opportunities").asLong()).isEqualTo(1);
		assertThat(s.get("won").asLong()).isEqualTo(1);
		assertThat(other.get("untaggedWon").asLong()).isZero();
		assertThat(other.get("untaggedLost").asLong()).isZero();
	}

	private JsonNode strategyRow(JsonNode answer) {
		for (JsonNode row : answer.get("strategies")) {
			if (row.get("strategyId").asLong() == fixture.strategyId()) {
				return row;
			}
		}
		throw new AssertionError("no row of the plan's strategy: " + answer);
	}

	private static BigDecimal money(List<OrderView> orders, java.util.function.Function<OrderView, BigDecimal> amount) {
		return orders.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2,
				java.math.RoundingMode.HALF_UP);
	}

	@Test
	void theVarianceAddsUpToTheGapAndTheActualIsWhatWasBooked() {
		long id = create("director", fixture.teamId());
		BigDecimal booked = fixture.tagged().stream().map(OrderView::netAmount).reduce(fixture.untagged().netAmount(),
				BigDecimal::add).setScale(2, java.math.RoundingMode.HALF_UP);
		// The facts are written after each order's transaction: wait until they hold the three orders.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/api/v1/plan-reviews/" + id
				+ "/variance", "director").json().get("total").get("actual").decimalValue()).isEqualByComparingTo(booked));
		for (String basis : List.of("PLAN", "LAST_YEAR")) {
			JsonNode table = api.get("/api/v1/plan-reviews/" + id + "/variance?basis=" + basis, "director").json();
			List<JsonNode> rows = new ArrayList<>();
			table.get("lines").forEach(l -> rows.add(l.get("effects")));
			table.get("units").forEach(u -> rows.add(u.get("effects")));
			rows.add(table.get("total"));
			for (JsonNode e : rows) {
				assertThat(e.get("volume").decimalValue().add(e.get("mix").decimalValue()).add(e.get("price").decimalValue()))
					.as(basis + " " + e).isEqualByComparingTo(e.get("gap").decimalValue());
				assertThat(e.get("actual").decimalValue().subtract(e.get("base").decimalValue()))
					.isEqualByComparingTo(e.get("gap").decimalValue());
			}
			JsonNode margin = table.get("margin");
			assertThat(margin.get("revenueEffect").decimalValue().add(margin.get("costEffect").decimalValue()))
				.isEqualByComparingTo(margin.get("gap").decimalValue());
		}
		JsonNode plan = api.get("/api/v1/plan-reviews/" + id + "/variance", "director").json();
		assertThat(plan.get("total").get("base").decimalValue()).isEqualByComparingTo("5000.00");
		JsonNode review = api.get("/api/v1/plan-reviews/" + id, "director").json();
		JsonNode teamRow = review.get("figures").get("units").get(0);
		assertThat(teamRow.get("unitId").asLong()).isEqualTo(fixture.teamId());
		assertThat(teamRow.get("target").decimalValue()).isEqualByComparingTo("5000.00");
		assertThat(teamRow.get("gap").decimalValue()).isEqualByComparingTo(booked.subtract(new BigDecimal("5000.00")));
		Api.Response csv = api.get("/api/v1/plan-reviews/" + id + "/variance?by=unit", "director",
				Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("volume").contains("mix").contains("price");
	}

	@Test
	void sharingFreezesTheFiguresAndMakesTheReviewReadOnly() {
		long id = create("director", null);
		long version = api.get("/api/v1/plan-reviews/" + id, "director").json().get("version").asLong();
		Api.Response written = api.put("/api/v1/plan-reviews/" + id, "director", Map.of("version", version, "summary",
				"Resumen de prueba", "explanations", List.of(Map.of("unitId", fixture.teamId(), "text", "Faltó precio")),
				"verdicts", List.of(Map.of("strategyId", fixture.strategyId(), "verdict", "DID_NOT_WORK", "conclusion",
						"No funcionó"))));
		assertThat(written.status()).as(written.body()).isEqualTo(200);
		assertThat(written.json().get("verdicts").get(0).get("verdict").asString()).isEqualTo("DID_NOT_WORK");
		Api.Response foreign = api.put("/api/v1/plan-reviews/" + id, "director", Map.of("version",
				written.json().get("version").asLong(), "verdicts", List.of(Map.of("strategyId", -1, "verdict", "WORKED"))));
		assertThat(foreign.status()).as("a verdict on a strategy of another plan").isEqualTo(400);
		assertThat(foreign.body()).contains("\"field\":\"verdicts\"");
		Api.Response stale = api.post("/api/v1/plan-reviews/" + id + "/share", "director", Map.of("version", version));
		assertThat(stale.status()).isEqualTo(409);
		JsonNode shared = share("director", id);
		assertThat(shared.get("state").asString()).isEqualTo("SHARED");
		assertThat(shared.get("editable").asBoolean()).isFalse();
		long ordersBefore = strategyOrders(id);

		// A third tagged order after sharing: a draft counts it, the shared review does not.
		CurrentUser director = users.actAs("director").orElseThrow();
		// Cancelled whatever happens, so the other tests see the fixture's orders only.
		OrderView later = order(director, fixture.customer(), fixture.product(),
				calendar.years().year(fixture.year()).start().plusDays(40), "1");
		try {
			orders.tagStrategy(director, later.id(), fixture.strategyId());
			long draft = create("director", null);
			assertThat(strategyOrders(draft)).isEqualTo(ordersBefore + 1);
			assertThat(strategyOrders(id)).as("frozen").isEqualTo(ordersBefore);
		}
		finally {
			orders.cancel(director, later.id());
		}
		assertThat(strategyOrders(create("director", null))).as("a cancelled order counts no more")
			.isEqualTo(ordersBefore);

		long sharedVersion = shared.get("version").asLong();
		assertThat(api.put("/api/v1/plan-reviews/" + id, "director", Map.of("version", sharedVersion, "summary", "x"))
			.status()).isEqualTo(409);
		assertThat(api.post("/api/v1/plan-reviews/" + id + "/share", "director", Map.of("version", sharedVersion))
			.status()).isEqualTo(409);
		JsonNode again = api.get("/api/v1/plan-reviews/" + id, "director").json();
		assertThat(again.get("summary").asString()).isEqualTo("Resumen de prueba");
		assertThat(AuditEntries.count(jdbc, "PLAN_REVIEW", id, "SHARE")).isEqualTo(1);
	}

	private long strategyOrders(long reviewId) {
		for (JsonNode row : api.get("/api/v1/plan-reviews/" + reviewId + "/strategies", "director").json()
			.get("strategies")) {
			if (row.get("strategyId").asLong() == fixture.strategyId()) {
				return row.get("orders").asLong();
			}
		}
		throw new AssertionError("no strategy row");
	}

	@Test
	void whoSeesWhichReview() {
		long team = create("director", fixture.teamId());
		long other = create("director", fixture.otherTeamId());
		// Drafts: only who may write them.
		assertThat(api.get("/api/v1/plan-reviews/" + team, "rep").status()).isEqualTo(404);
		share("director", team);
		share("director", other);
		assertThat(api.get("/api/v1/plan-reviews/" + team, "rep").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/plan-reviews/" + other, "rep").status()).as("another region's team").isEqualTo(404);
		assertThat(api.get("/api/v1/plan-reviews/" + other + "/variance", "rep").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/plan-reviews/" + other, "finance").status()).as("company-wide reader")
			.isEqualTo(200);
		List<Long> repSees = new ArrayList<>();
		api.get("/api/v1/plan-reviews?fiscalYear=" + fixture.year() + "&size=200", "rep").json().get("content")
			.forEach(r -> repSees.add(r.get("id").asLong()));
		assertThat(repSees).contains(team).doesNotContain(other);
		List<Long> financeSees = new ArrayList<>();
		api.get("/api/v1/plan-reviews?fiscalYear=" + fixture.year() + "&state=DRAFT&size=200", "finance").json()
			.get("content").forEach(r -> financeSees.add(r.get("id").asLong()));
		assertThat(financeSees).as("no drafts for readers").isEmpty();
	}

	@Test
	void whoMayWriteAReview() {
		Map<String, Object> body = Map.of("planId", fixture.planId(), "period", "Y");
		assertThat(api.post("/api/v1/plan-reviews", "rep", body).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/plan-reviews", "finance", body).status()).isEqualTo(403);
		// A manager reviews a unit they manage, not the company.
		assertThat(api.post("/api/v1/plan-reviews", "manager", body).status()).isEqualTo(403);
		long centro = unitId(api, "R-CENTRO");
		Api.Response mine = api.post("/api/v1/plan-reviews", "manager", Map.of("planId", fixture.planId(), "period",
				"Q1", "unitId", centro));
		assertThat(mine.status()).as(mine.body()).isEqualTo(201);
		assertThat(mine.json().get("period").asString()).endsWith("Q1");
		Api.Response bad = api.post("/api/v1/plan-reviews", "director", Map.of("planId", fixture.planId(), "period",
				"Q7"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"period\"");
	}

	@Test
	void aReviewAsPdfAndTheListAsCsv() {
		long id = create("director", null);
		Api.Response pdf = api.get("/api/v1/plan-reviews/" + id, "director", Map.of("Accept", "application/pdf"));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
		Api.Response csv = api.get("/api/v1/plan-reviews?fiscalYear=" + fixture.year(), "director",
				Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains(String.valueOf(id));
	}
}
