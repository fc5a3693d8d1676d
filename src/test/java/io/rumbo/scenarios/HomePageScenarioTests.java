package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.reporting.HomeKind;
import io.rumbo.sales.OpportunityAttention;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The home page of each role over HTTP with real sessions: signing in lands on it, the frame holds the panels of the
 * reader's role, each panel answers its own request (200, in English and Spanish), a panel of another role's page is
 * not found, and the panels keep to the reader's scope (a salesperson sees their own tasks and deals, not a
 * colleague's; a manager their team's, not another region's).
 */
@RumboIntegrationTest
class HomePageScenarioTests extends ApiTestSupport {

	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OpportunityAttention attention;

	@ParameterizedTest
	@CsvSource({ "rep, SALESPERSON", "manager, MANAGER", "director, DIRECTOR", "admin, DIRECTOR", "viewer, COMPANY",
			"finance, COMPANY" })
	void signingInLandsOnTheHomePageOfTheRoleWhosePanelsEachAnswer(String user, HomeKind kind) {
		ensureExtraRoleUsers(new Api(port));
		WebSession browser = new WebSession();
		HttpResponse<String> signedIn = browser.signIn(port, user, "viewer".equals(user) ? "demo-password" : "demo");
		assertThat(signedIn.headers().firstValue("Location").orElse("")).as("sign-in lands on the home page")
			.matches("(https?://[^/]+)?/(\\?continue)?");
		for (String lang : List.of("es", "en")) {
			HttpResponse<String> page = browser.get(port, "/?lang=" + lang);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("data-kind=\"" + kind + "\"").doesNotContain("??");
			for (String panel : kind.panels()) {
				assertThat(page.body()).contains("id=\"panel-" + panel + "\"")
					.contains("hx-get=\"/home/panels/" + panel + "\"");
				HttpResponse<String> fragment = browser.get(port, "/home/panels/" + panel, HTMX);
				assertThat(fragment.statusCode()).as(user + " " + lang + " " + panel).isEqualTo(200);
				assertThat(fragment.body()).as(user + " " + panel).contains("id=\"panel-" + panel + "-body\"")
					.doesNotContain("??").doesNotContain("Unexpected error").doesNotContain("Error inesperado")
					.doesNotContain("<html");
			}
			for (HomeKind other : HomeKind.values()) {
				other.panels().stream().filter(p -> !kind.shows(p)).forEach(p -> {
					assertThat(page.body()).doesNotContain("id=\"panel-" + p + "\"");
					assertThat(browser.get(port, "/home/panels/" + p, HTMX).statusCode()).as(user + " asks " + p)
						.isEqualTo(404);
				});
			}
		}
		assertThat(browser.get(port, "/home?lang=en").body()).contains("data-kind=\"" + kind + "\"");
	}

	@Test
	void theSalespersonsPanelsAreFilledFromTheDemo() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		rep.get(port, "/?lang=en");
		assertThat(rep.get(port, "/home/panels/targets", HTMX).body()).contains("id=\"home-targets\"")
			.contains("Net revenue").containsPattern("\\d+(\\.\\d+)?\\s?%");
		// The demo's quotas count visits too: a count is whole ("3 of 30"), never "3.00 of 30.00".
		String targets = rep.get(port, "/home/panels/targets", HTMX).body();
		String visits = java.util.Arrays.stream(targets.split("<li")).filter(li -> li.contains(">Visits done<")).findFirst()
			.orElseThrow();
		assertThat(visits).containsPattern(">[\\d,]+ of [\\d,]+<").doesNotContainPattern("\\d\\.\\d\\d of ");
		assertThat(rep.get(port, "/home/panels/feed", HTMX).body()).contains("id=\"home-feed\"").contains("<li");
		assertThat(rep.get(port, "/home/panels/cases", HTMX).body()).contains("/service-cases/");
	}

	/**
	 * Deterministic whatever the demo's calls: a team of its own in the manager's region adds more salespeople than
	 * the panel lists, so the panel names the first few and links to the rest ("and N more"); then everyone due
	 * calls (rows removed afterwards), so the panel says all calls are in.
	 */
	@Test
	void theManagersForecastPanelNamesWhoHasNotCalledThisMonthAndARepHasNoSuchPanel() {
		Api api = new Api(port);
		Api.Response team = api.post("/api/v1/org-units", "admin", unitBody(unique("FD"), unitId(api, "S-MAD")));
		assertThat(team.status()).as(team.body()).isEqualTo(201);
		long teamId = team.json().get("id").asLong();
		List<Long> added = new java.util.ArrayList<>();
		for (int i = 0; i < io.rumbo.reporting.HomePanels.SHOWN + 2; i++) {
			Api.Response person = api.post("/api/v1/staff", "admin", staffBody(unique("FD"), teamId));
			assertThat(person.status()).as(person.body()).isEqualTo(201);
			added.add(person.json().get("id").asLong());
		}
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		manager.get(port, "/?lang=en");
		// The same list as the team forecast's "due", in the same scope (the manager's region).
		List<tools.jackson.databind.JsonNode> due = api.get("/api/v1/forecast/due", "manager").json().valueStream()
			.toList();
		assertThat(due.stream().map(d -> d.get("staffId").asLong()).toList()).containsAll(added);
		int count = due.size();
		String body = manager.get(port, "/home/panels/forecast", HTMX).body();
		assertThat(body).contains("id=\"home-forecast-due\"").contains("href=\"/forecast/team?period=FY")
			.contains(count + " people have not called yet").doesNotContain("id=\"home-forecast-done\"");
		String list = body.substring(body.indexOf("id=\"home-forecast-due\""));
		assertThat(list.split("<li ", -1)).as("the first %s by name, then the link to the rest",
				io.rumbo.reporting.HomePanels.SHOWN).hasSize(io.rumbo.reporting.HomePanels.SHOWN + 2);
		assertThat(body).contains("id=\"home-forecast-more\"")
			.contains("and " + (count - io.rumbo.reporting.HomePanels.SHOWN) + " more");

		String marker = unique("home-calls");
		try {
			for (tools.jackson.databind.JsonNode d : due) {
				jdbc.sql("""
						INSERT INTO sales_forecast_call (level, staff_id, unit_id, period_code, period_start, period_end,
						  commit_amount, most_likely_amount, best_case_amount, closed_amount, pipeline_amount,
						  weighted_amount, submitted_by, submitted_at)
						SELECT 'PERSON', :staff, :unit, :period, :start, :end, 0, 0, 0, 0, 0, 0, :by, CURRENT_TIMESTAMP
						FROM org_unit WHERE id = :unit""")
					.param("staff", d.get("staffId").asLong())
					.param("unit", d.get("unitId").asLong())
					.param("period", d.get("periodCode").asString())
					.param("start", forecastStart(api, d.get("periodCode").asString()))
					.param("end", LocalDate.parse(d.get("periodEnd").asString()))
					.param("by", marker)
					.update();
			}
			assertThat(api.get("/api/v1/forecast/due", "manager").json().size()).isZero();
			assertThat(manager.get(port, "/home/panels/forecast", HTMX).body()).contains("id=\"home-forecast-done\"")
				.contains("Everyone in your team has called their forecast.").doesNotContain("id=\"home-forecast-due\"");
		}
		finally {
			jdbc.sql("DELETE FROM sales_forecast_call WHERE submitted_by = :by").param("by", marker).update();
		}

		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		assertThat(rep.get(port, "/home/panels/forecast", HTMX).statusCode()).isEqualTo(404);
	}

	private static LocalDate forecastStart(Api api, String code) {
		return api.get("/api/v1/forecast/periods", "manager").json().valueStream()
			.filter(p -> p.get("code").asString().equals(code))
			.map(p -> LocalDate.parse(p.get("start").asString()))
			.findFirst()
			.orElseThrow();
	}

	/** Each objective on the director's page says what its number counts: money of revenue, units, customers. */
	@Test
	void theDirectorsObjectivesCarryTheirUnit() {
		Api api = new Api(port);
		int year = Integer.parseInt(api.get("/api/v1/forecast/periods", "director").json().get(1).get("code")
			.asString().substring(2, 6));
		String units = unique("Unidades");
		String revenue = unique("Ventas");
		List<Long> created = new java.util.ArrayList<>();
		try {
			for (Map<String, Object> body : List.of(
					Map.<String, Object>of("fiscalYear", year, "kind", "UNITS", "title", units, "targetValue", 1500),
					Map.<String, Object>of("fiscalYear", year, "kind", "REVENUE", "title", revenue, "targetValue",
							2500000))) {
				Api.Response answer = api.post("/api/v1/objectives", "director", body);
				assertThat(answer.status()).as(answer.body()).isEqualTo(201);
				created.add(answer.json().get("id").asLong());
			}
			WebSession director = new WebSession();
			director.signIn(port, "director", "demo");
			director.get(port, "/?lang=en");
			String panel = director.get(port, "/home/panels/objectives", HTMX).body();
			String[] items = panel.split("<li");
			String unitsItem = java.util.Arrays.stream(items).filter(i -> i.contains(units)).findFirst().orElseThrow();
			String revenueItem = java.util.Arrays.stream(items).filter(i -> i.contains(revenue)).findFirst().orElseThrow();
			assertThat(unitsItem).contains("Target: 1,500 units");
			assertThat(revenueItem).contains("Target: ").contains("2,500,000.00").contains(" of revenue");
			director.get(port, "/?lang=es");
			assertThat(director.get(port, "/home/panels/objectives", HTMX).body()).contains("Objetivo: 1.500 unidades");
		}
		finally {
			created.forEach(id -> api.send("DELETE", "/api/v1/objectives/" + id, api.token("director"), null,
					Map.of()));
		}
	}

	@Test
	void eachPanelKeepsToTheReadersScope() {
		long lucia = jdbc.sql("SELECT id FROM org_staff WHERE last_name = 'García Martín'").query(Long.class).single();
		long unit = jdbc.sql("SELECT unit_id FROM org_staff WHERE id = :id").param("id", lucia).query(Long.class).single();
		long colleague = jdbc.sql("""
				SELECT MIN(id) FROM org_staff WHERE unit_id = :unit AND id <> :me AND archived = FALSE""")
			.param("unit", unit).param("me", lucia).query(Long.class).single();
		Map<String, Object> far = jdbc.sql("""
				WITH RECURSIVE centro(id) AS (
				  SELECT id FROM org_unit WHERE code = 'R-CENTRO'
				  UNION ALL SELECT u.id FROM org_unit u JOIN centro c ON u.parent_id = c.id)
				SELECT s.id, s.unit_id FROM org_staff s
				WHERE s.archived = FALSE AND s.unit_id NOT IN (SELECT id FROM centro)
				ORDER BY s.id LIMIT 1""").query().singleRow();
		String mine = unique("HOME-mine");
		String colleagues = unique("HOME-colleague");
		String farAway = unique("HOME-far");
		// Due long ago, so they come first among the overdue tasks the panels list.
		LocalDate longAgo = LocalDate.of(1990, 1, 2);
		task(mine, lucia, unit, longAgo);
		task(colleagues, colleague, unit, longAgo);
		task(farAway, ((Number) far.get("id")).longValue(), ((Number) far.get("unit_id")).longValue(), longAgo);
		try {
			WebSession rep = new WebSession();
			rep.signIn(port, "rep", "demo");
			rep.get(port, "/?lang=en");
			String repTasks = rep.get(port, "/home/panels/tasks", HTMX).body();
			assertThat(repTasks).contains(mine).doesNotContain(colleagues).doesNotContain(farAway);

			WebSession manager = new WebSession();
			manager.signIn(port, "manager", "demo");
			manager.get(port, "/?lang=en");
			String late = manager.get(port, "/home/panels/overdue", HTMX).body();
			assertThat(late).contains(mine).contains(colleagues).doesNotContain(farAway);
			String team = manager.get(port, "/home/panels/team", HTMX).body();
			assertThat(team).contains("García Martín").contains("id=\"team-chart-data\"");
			String farName = jdbc.sql("SELECT last_name FROM org_staff WHERE id = :id").param("id", far.get("id"))
				.query(String.class).single();
			assertThat(team).as("someone outside the manager's region").doesNotContain(farName);
		}
		finally {
			jdbc.sql("UPDATE sales_task SET completed_on = :today, completed_by = 'test' WHERE title IN (:titles)")
				.param("today", LocalDate.now()).param("titles", List.of(mine, colleagues, farAway)).update();
		}
	}

	@Test
	void closingAndColdDealsAreTheSalespersonsOwn() {
		Api api = new Api(port);
		long customer = api.post("/api/v1/customers", "rep", customer(unique("Home Cold"))).json().get("id").asLong();
		String closingTitle = unique("HOME-closing");
		String coldTitle = unique("HOME-cold");
		String freshTitle = unique("HOME-fresh");
		long closing = api.post("/api/v1/opportunities", "rep", opportunity(customer, closingTitle, LocalDate.now()))
			.json().get("id").asLong();
		long cold = api.post("/api/v1/opportunities", "rep", opportunity(customer, coldTitle,
				LocalDate.now().plusMonths(3))).json().get("id").asLong();
		api.post("/api/v1/opportunities", "rep", opportunity(customer, freshTitle, LocalDate.now().plusMonths(3)));
		// Nothing happened on these two for two months: their stage moves (the creation's too) are that old.
		jdbc.sql("UPDATE sales_opportunity_stage_change SET changed_on = :old WHERE opportunity_id IN (:ids)")
			.param("old", LocalDate.now().minusDays(60)).param("ids", List.of(closing, cold)).update();

		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		rep.get(port, "/?lang=en");
		assertThat(rep.get(port, "/home/panels/closing", HTMX).body()).contains(closingTitle).doesNotContain(coldTitle);
		assertThat(rep.get(port, "/home/panels/stale", HTMX).body()).contains("id=\"home-stale\"");
		long lucia = jdbc.sql("SELECT id FROM org_staff WHERE last_name = 'García Martín'").query(Long.class).single();
		long user = jdbc.sql("SELECT id FROM identity_user WHERE username = 'rep'").query(Long.class).single();
		CurrentUser lucy = new CurrentUser(new UserId(user), "rep", "Lucía", Set.of(Role.REP));
		assertThat(attention.stale(lucy, lucia, OpportunityAttention.STALE_DAYS, 10_000).stream()
			.map(s -> s.opportunity().title())).as("untouched for 60 days; the fresh one moved today")
			.contains(closingTitle, coldTitle).doesNotContain(freshTitle);
		assertThat(attention.weightedByOwner(lucy)).as("a salesperson's own pipeline only").containsOnlyKeys(lucia)
			.hasEntrySatisfying(lucia, w -> assertThat(w).isGreaterThanOrEqualTo(new java.math.BigDecimal("100.00")));
		assertThat(attention.stale(lucy, lucia, 90, 10_000).stream().map(s -> s.opportunity().title()))
			.doesNotContain(closingTitle, coldTitle);

		// The reads behind the panels, for everyone and for the owner: the manager sees the rep's, another rep does not.
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		manager.get(port, "/?lang=en");
		assertThat(manager.get(port, "/opportunities/list?open=true&q=HOME-&size=100&lang=en").body())
			.contains(closingTitle);
		String otherRep = jdbc.sql("""
				SELECT u.username FROM identity_user u JOIN org_staff s ON s.user_id = u.id
				JOIN identity_user_role r ON r.user_id = u.id
				WHERE r.role = 'REP' AND u.username <> 'rep' AND s.unit_id <> (SELECT unit_id FROM org_staff
				  WHERE last_name = 'García Martín') ORDER BY u.id LIMIT 1""").query(String.class).single();
		WebSession stranger = new WebSession();
		stranger.signIn(port, otherRep, "demo");
		stranger.get(port, "/?lang=en");
		assertThat(stranger.get(port, "/home/panels/closing", HTMX).body()).doesNotContain(closingTitle);
	}

	private void task(String title, long staff, long unit, LocalDate due) {
		jdbc.sql("""
				INSERT INTO sales_task (title, assignee_staff_id, assignee_unit_id, team_task, due_on, assigned_by,
				  assigned_on, version)
				VALUES (:title, :staff, :unit, FALSE, :due, 'director', :due, 0)""")
			.param("title", title).param("staff", staff).param("unit", unit).param("due", due).update();
	}

	private static Map<String, Object> opportunity(long customer, String title, LocalDate close) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", title);
		body.put("amount", "1000");
		body.put("expectedClose", close.toString());
		return body;
	}

	private static Map<String, Object> customer(String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("legalName", name);
		body.put("segment", "SMALL_BUSINESS");
		body.put("companySize", "SMALL");
		body.put("potentialClass", "B");
		body.put("annualPotential", "25000");
		body.put("city", "Madrid");
		body.put("region", "Centro");
		body.put("status", "PROSPECT");
		body.put("effectiveDate", LocalDate.now().toString());
		return body;
	}
}
