package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Visits and other activities over real HTTP: own records for salespeople, the team's for managers. */
@RumboIntegrationTest
class ActivityApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	@Test
	void aSalespersonLogsVisitsForTheirAccountsAndTheManagerSeesThem() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		Map<String, Object> visit = activity(customer, "VISIT", LocalDate.now().toString(), true);
		visit.put("ownerStaffId", staffByName(api, "Ane Goñi").get("id").asLong());
		JsonNode logged = api.post("/api/v1/activities", "rep", visit).json();
		assertThat(logged.get("ownerStaffId").asLong()).as("a salesperson's activities are their own").isEqualTo(lucia);
		assertThat(logged.get("doneOn").asString()).isEqualTo(LocalDate.now().toString());

		long id = logged.get("id").asLong();
		assertThat(api.get("/api/v1/activities/" + id, "manager").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/activities/" + id, "pablo.romero").status()).isEqualTo(404);
		JsonNode team = api.get("/api/v1/activities?staffId=" + lucia + "&done=true&type=VISIT&size=500", "manager").json();
		assertThat(team.get("content")).anySatisfy(a -> assertThat(a.get("id").asLong()).isEqualTo(id));

		Map<String, Object> edit = activity(customer, "VISIT", LocalDate.now().toString(), true);
		edit.put("version", logged.get("version").asLong());
		edit.put("outcome", "Pide presupuesto");
		assertThat(api.put("/api/v1/activities/" + id, "rep", edit).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/activities/" + id, "rep", edit).status()).as("stale").isEqualTo(409);
	}

	@Test
	void activitiesNeedACustomerTheAuthorMaySee() {
		long other = api.get("/api/v1/customers?size=1&q=Bilbao", "director").json().get("content").get(0).get("id").asLong();
		Api.Response refused = api.post("/api/v1/activities", "rep", activity(other, "CALL", LocalDate.now().toString(), false));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
		assertThat(api.post("/api/v1/activities", "viewer", activity(other, "CALL", LocalDate.now().toString(), false))
			.status()).isEqualTo(403);
	}

	@Test
	void theDemoTeamHasAQuarterOfActivities() {
		JsonNode all = api.get("/api/v1/activities?size=1", "director").json();
		assertThat(all.get("page").get("totalElements").asLong()).isGreaterThan(1000);
		JsonNode planned = api.get("/api/v1/activities?size=1&done=false&from=" + LocalDate.now(), "rep").json();
		assertThat(planned.get("page").get("totalElements").asLong()).as("the coming weeks are planned").isPositive();
		Api.Response csv = api.get("/api/v1/activities?done=false", "rep", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFexternal_id,customer,type,salesperson");
	}

	@Test
	void aDoneActivityKeepsTheDayItWasDone() {
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		String today = LocalDate.now().toString();
		JsonNode planned = api.post("/api/v1/activities", "rep", activity(customer, "CALL", today, false)).json();
		long id = planned.get("id").asLong();
		Map<String, Object> done = activity(customer, "CALL", today, true);
		done.put("version", planned.get("version").asLong());
		JsonNode marked = api.put("/api/v1/activities/" + id, "rep", done).json();
		assertThat(marked.get("doneOn").asString()).as("a planned activity marked done").isEqualTo(today);
		assertThat(updates(id)).isEqualTo(1);

		Map<String, Object> otherDay = activity(customer, "CALL", today, true);
		otherDay.put("doneOn", LocalDate.now().minusDays(1).toString());
		otherDay.put("version", marked.get("version").asLong());
		Api.Response again = api.put("/api/v1/activities/" + id, "rep", otherDay);
		assertThat(again.status()).as("marking a done activity done on another day").isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains(today);
		Map<String, Object> undone = activity(customer, "CALL", today, false);
		undone.put("version", marked.get("version").asLong());
		assertThat(api.put("/api/v1/activities/" + id, "rep", undone).status()).as("taking the done mark away")
			.isEqualTo(409);
		assertThat(updates(id)).as("no audit entry for a refused transition").isEqualTo(1);
		assertThat(api.get("/api/v1/activities/" + id, "rep").json().get("doneOn").asString()).isEqualTo(today);

		Map<String, Object> sameDay = activity(customer, "CALL", today, true);
		sameDay.put("version", marked.get("version").asLong());
		sameDay.put("notes", "Llamar de nuevo en enero");
		assertThat(api.put("/api/v1/activities/" + id, "rep", sameDay).status()).as("editing a done activity")
			.isEqualTo(200);
	}

	private long updates(long activity) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM identity_audit_event
				WHERE entity_type = 'ACTIVITY' AND action = 'UPDATE' AND entity_id = :id""")
			.param("id", Long.toString(activity))
			.query(Long.class)
			.single();
	}

	private static Map<String, Object> activity(long customer, String type, String date, boolean done) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("type", type);
		body.put("plannedOn", date);
		body.put("doneOn", done ? date : null);
		body.put("durationMinutes", 45);
		body.put("outcome", done ? "Interesado" : null);
		return body;
	}
}
