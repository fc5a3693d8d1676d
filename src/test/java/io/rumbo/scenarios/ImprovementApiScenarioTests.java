package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.improvement.domain.GoalPacing;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.StaffId;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Improvement plans over real HTTP with each role's token: the demo manager (Región Centro) opens a plan for the demo
 * rep, who reads it; her teammate and the leader of another team get 404; her own team's leader sees it; the rep and a
 * viewer change nothing. A measured goal shows the metrics engine's figure for her.
 */
@RumboIntegrationTest
class ImprovementApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MetricsQuery metrics;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	@Test
	void theManagerRunsAPlanTheRepSeesItAndPeersDoNot() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		LocalDate today = LocalDate.now();
		Api.Response opened = api.post("/api/v1/improvement-plans", "manager", plan(lucia, today));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		JsonNode plan = opened.json();
		long id = plan.get("id").asLong();
		String url = "/api/v1/improvement-plans/" + id;
		assertThat(plan.get("status").asString()).isEqualTo("DRAFT");
		assertThat(plan.get("personName").asString()).isEqualTo("Lucía García Martín");
		JsonNode visits = plan.get("goals").get(0);
		// The figure is the engine's, for her, over the whole months the goal reads.
		BigDecimal engine = metrics.byPerson(Metric.VISITS, GoalPacing.measured(today, today.plusWeeks(8)),
				List.of(StaffId.of(lucia))).get(StaffId.of(lucia));
		assertThat(visits.get("pace").get("actual").decimalValue()).isEqualByComparingTo(engine);
		assertThat(visits.get("metric").asString()).isEqualTo("visits");
		assertThat(plan.get("goals").get(1).get("manual").asBoolean()).isTrue();

		assertThat(api.get(url, "rep").status()).as("her own plan").isEqualTo(200);
		assertThat(api.get(url, "pablo.romero").status()).as("a teammate").isEqualTo(404);
		assertThat(api.get(url, "marina.torres").status()).as("the leader of another team").isEqualTo(404);
		assertThat(api.get(url, "raul.gomez").status()).as("her team's leader").isEqualTo(200);
		assertThat(ids(api.get("/api/v1/improvement-plans?size=500", "pablo.romero"))).doesNotContain(id);
		assertThat(ids(api.get("/api/v1/improvement-plans?size=500", "rep"))).contains(id)
			.as("only her own").hasSize((int) count("staff_id = " + lucia));

		Map<String, Object> version = Map.of("version", plan.get("version").asLong());
		assertThat(api.post(url + "/activate", "rep", version).status()).as("the person does not run it").isEqualTo(403);
		assertThat(api.post(url + "/activate", "viewer", version).status()).as("out of a viewer's hands")
			.isEqualTo(403);
		JsonNode active = api.post(url + "/activate", "manager", version).json();
		assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(api.post(url + "/activate", "manager", version).status()).as("stale").isEqualTo(409);

		long manual = active.get("goals").get(1).get("id").asLong();
		Map<String, Object> checkIn = new LinkedHashMap<>();
		checkIn.put("version", active.get("version").asLong());
		checkIn.put("notes", "Primera revisión");
		checkIn.put("progress", Map.of(String.valueOf(manual), 40));
		Api.Response recorded = api.post(url + "/check-ins", "manager", checkIn);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
		JsonNode seen = api.get(url, "rep").json();
		assertThat(seen.get("checkIns").get(0).get("notes").asString()).isEqualTo("Primera revisión");
		assertThat(seen.get("checkIns").get(0).get("readings")).hasSize(2);
		assertThat(seen.get("goals").get(1).get("pace").get("progress").decimalValue()).isEqualByComparingTo("40");
		assertThat(seen.get("goals").get(1).get("pace").get("status").asString()).as("40 % on the first day")
			.isEqualTo("ON_TRACK");
		assertThat(seen.get("nextCheckInOn").asString()).isEqualTo(today.plusDays(14).toString());

		Map<String, Object> noReason = new LinkedHashMap<>(Map.of("version", seen.get("version").asLong(), "outcome",
				"MET"));
		Api.Response refused = api.post(url + "/outcome", "manager", noReason);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("reason");
		noReason.put("reason", "Objetivos cumplidos");
		JsonNode closed = api.post(url + "/outcome", "manager", noReason).json();
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("outcome").asString()).isEqualTo("MET");
		assertThat(jdbc.sql("""
				SELECT action FROM identity_audit_event WHERE entity_type = 'IMPROVEMENT_PLAN' AND entity_id = :id
				ORDER BY id""").param("id", Long.toString(id)).query(String.class).list())
			.containsExactly("CREATE", "ACTIVATE", "CHECK_IN", "MET");
	}

	@Test
	void onlyTheirManagersOpenPlansAndBadGoalsAreRefusedFieldByField() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		LocalDate today = LocalDate.now();
		Api.Response outside = api.post("/api/v1/improvement-plans", "marina.torres", plan(lucia, today));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("staffId");
		assertThat(api.post("/api/v1/improvement-plans", "rep", plan(lucia, today)).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/improvement-plans", "viewer", plan(lucia, today)).status()).isEqualTo(403);

		Map<String, Object> bad = plan(lucia, today);
		Map<String, Object> margin = new LinkedHashMap<>(Map.of("name", "Margen", "measure", "margin_pct", "comparison",
				"AT_LEAST", "target", 22, "grain", "WEEK", "dueOn", today.plusWeeks(4).toString()));
		Map<String, Object> unknown = new LinkedHashMap<>(Map.of("name", "Otra", "measure", "smiles", "dueOn",
				today.plusWeeks(20).toString()));
		bad.put("goals", List.of(margin, unknown));
		Api.Response refused = api.send("POST", "/api/v1/improvement-plans", api.token("manager"), bad,
				Map.of("Accept-Language", "en"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("goals[0].grain", "goals[1].dueOn", "goals[1].measure");
		assertThat(refused.json().get("errors").get(0).get("label").asString()).isEqualTo("Goal 1 › Per");
	}

	@Test
	void theDemoPlansShowWhoIsBehindToTheirManagersOnly() {
		JsonNode all = api.get("/api/v1/improvement-plans?status=ACTIVE&size=500", "director").json();
		long diego = planOf(all, "Diego Ruiz Molina");
		long pablo = planOf(all, "Pablo Romero Castillo");
		JsonNode onTrack = api.get("/api/v1/improvement-plans/" + pablo, "manager").json();
		assertThat(onTrack.get("checkInOverdue").asBoolean()).isFalse();
		assertThat(onTrack.get("goals").valueStream().map(g -> g.get("pace").get("status").asString()).toList())
			.doesNotContain("BEHIND", "MISSED");
		assertThat(onTrack.get("checkIns")).hasSize(2);
		JsonNode behind = api.get("/api/v1/improvement-plans/" + diego, "manager").json();
		assertThat(behind.get("checkInOverdue").asBoolean()).isTrue();
		assertThat(behind.get("goals").get(0).get("pace").get("status").asString()).isEqualTo("BEHIND");

		List<String> managerAlerts = alerts("manager", diego);
		assertThat(managerAlerts).contains("GOAL_BEHIND", "CHECK_IN_OVERDUE");
		assertThat(alerts("manager", pablo)).isEmpty();
		assertThat(alerts("pablo.romero", diego)).as("a colleague's plan raises nothing for others").isEmpty();
		assertThat(api.get("/api/v1/improvement-plans/" + diego, "marina.torres").status()).as("his team's leader")
			.isEqualTo(200);
		assertThat(api.get("/api/v1/improvement-plans/" + pablo, "marina.torres").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/improvement-plans/" + diego, "rep").status()).isEqualTo(404);

		Api.Response csv = api.get("/api/v1/improvement-plans?status=ACTIVE", "director", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("Diego Ruiz Molina").contains("Pablo Romero Castillo");
	}

	private List<String> alerts(String user, long plan) {
		return api.get("/api/v1/improvement-plans/alerts", user).json().get("content").valueStream()
			.filter(a -> a.get("planId").asLong() == plan)
			.map(a -> a.get("kind").asString())
			.toList();
	}

	private static long planOf(JsonNode list, String person) {
		return list.get("content").valueStream().filter(p -> p.get("personName").asString().equals(person))
			.findFirst().orElseThrow(() -> new AssertionError("No active plan of " + person)).get("id").asLong();
	}

	private long count(String where) {
		return jdbc.sql("SELECT COUNT(*) FROM improvement_plan WHERE " + where).query(Long.class).single();
	}

	private static List<Long> ids(Api.Response list) {
		assertThat(list.status()).isEqualTo(200);
		return list.json().get("content").valueStream().map(p -> p.get("id").asLong()).toList();
	}

	static Map<String, Object> plan(long staffId, LocalDate today) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("staffId", staffId);
		body.put("title", "Plan de prueba " + unique("P"));
		body.put("reason", "Pocas visitas");
		body.put("startsOn", today.toString());
		body.put("endsOn", today.plusWeeks(8).toString());
		body.put("checkInEveryDays", 14);
		Map<String, Object> visits = new LinkedHashMap<>();
		visits.put("name", "Visitas");
		visits.put("measure", "visits");
		visits.put("comparison", "AT_LEAST");
		visits.put("target", 2);
		visits.put("grain", "WEEK");
		visits.put("dueOn", today.plusWeeks(8).toString());
		Map<String, Object> manual = new LinkedHashMap<>();
		manual.put("name", "Preparar las visitas");
		manual.put("dueOn", today.plusWeeks(8).toString());
		body.put("goals", List.of(visits, manual));
		body.put("supports", List.of(Map.of("kind", "COACHING", "description", "Cada dos semanas")));
		return body;
	}
}
