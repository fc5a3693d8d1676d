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

/** Tasks over real HTTP: a manager gives them to people and teams of the subtree; assignees complete them. */
@RumboIntegrationTest
class TaskApiScenarioTests extends ApiTestSupport {

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
	void aManagerGivesATaskToASalespersonWhoCompletesIt() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		Api.Response given = api.post("/api/v1/tasks", "manager", task("Llamar a Academia Roble", lucia, null, 3));
		assertThat(given.status()).isEqualTo(201);
		JsonNode task = given.json();
		assertThat(task.get("assigneeName").asString()).isEqualTo("Lucía García Martín");
		assertThat(task.get("done").asBoolean()).isFalse();
		long id = task.get("id").asLong();
		assertThat(api.get("/api/v1/tasks?open=true&size=500", "rep").json().get("content").valueStream()
			.anyMatch(t -> t.get("id").asLong() == id)).isTrue();
		assertThat(api.get("/api/v1/tasks/" + id, "pablo.romero").status()).as("another salesperson").isEqualTo(404);
		JsonNode done = api.post("/api/v1/tasks/" + id + "/complete", "rep", Map.of()).json();
		assertThat(done.get("done").asBoolean()).isTrue();
		assertThat(done.get("completedBy").asString()).isEqualTo("rep");
		assertThat(api.post("/api/v1/tasks/" + id + "/reopen", "manager", Map.of()).json().get("done").asBoolean())
			.isFalse();

		Map<String, Object> edit = task("Llamar a Academia Roble hoy", lucia, null, 1);
		edit.put("version", api.get("/api/v1/tasks/" + id, "manager").json().get("version").asLong());
		assertThat(api.put("/api/v1/tasks/" + id, "manager", edit).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/tasks/" + id, "manager", edit).status()).as("stale").isEqualTo(409);
		assertThat(api.put("/api/v1/tasks/" + id, "rep", edit).status()).as("the assignee does not rewrite it")
			.isEqualTo(403);
	}

	@Test
	void teamTasksAreCompletedByAnyMemberAndScopeIsEnforced() {
		long madridNorte = jdbc.sql("SELECT id FROM org_unit WHERE code = 'E-MAD-NOR'").query(Long.class).single();
		JsonNode team = api.post("/api/v1/tasks", "manager", task("Revisar precios", null, madridNorte, 7)).json();
		assertThat(team.get("teamTask").asBoolean()).isTrue();
		assertThat(api.post("/api/v1/tasks/" + team.get("id").asLong() + "/complete", "pablo.romero", Map.of()).status())
			.as("a member of the team").isEqualTo(200);

		long bilbao = jdbc.sql("SELECT id FROM org_unit WHERE code = 'E-BIO-IND'").query(Long.class).single();
		Api.Response outside = api.post("/api/v1/tasks", "manager", task("Fuera", null, bilbao, 7));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("teamUnitId");
		long ane = staffByName(api, "Ane Goñi").get("id").asLong();
		assertThat(api.post("/api/v1/tasks", "rep", task("Para Ane", ane, null, 2)).status())
			.as("a salesperson gives tasks only to themselves").isEqualTo(400);
		assertThat(api.post("/api/v1/tasks", "rep", task("Mi recordatorio", null, null, 2)).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/tasks", "viewer", task("No", null, null, 2)).status()).isEqualTo(403);
		JsonNode overdue = api.get("/api/v1/tasks?overdue=true&size=5", "director").json();
		assertThat(overdue.get("page").get("totalElements").asLong()).as("the demo has overdue tasks").isPositive();
		assertThat(overdue.get("content").get(0).get("overdue").asBoolean()).isTrue();
		Api.Response xlsx = api.get("/api/v1/tasks?overdue=true", "director", Map.of("Accept",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats");
	}

	@Test
	void aDoneTaskIsNotCompletedTwiceNorAnOpenOneReopened() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long id = api.post("/api/v1/tasks", "manager", task("Enviar catálogo", lucia, null, 2)).json().get("id").asLong();
		Api.Response reopenOpen = api.post("/api/v1/tasks/" + id + "/reopen", "manager", Map.of());
		assertThat(reopenOpen.status()).as("reopening an open task").isEqualTo(409);
		assertThat(reopenOpen.json().get("detail").asString()).isEqualTo("This task is not done, so there is nothing to reopen.");
		assertThat(api.post("/api/v1/tasks/" + id + "/complete", "rep", Map.of()).status()).isEqualTo(200);
		Api.Response twice = api.post("/api/v1/tasks/" + id + "/complete", "manager", Map.of());
		assertThat(twice.status()).as("completing a completed task").isEqualTo(409);
		assertThat(twice.json().get("detail").asString()).isEqualTo("This task is already done.");
		assertThat(api.get("/api/v1/tasks/" + id, "manager").json().get("completedBy").asString())
			.as("the first completion stays").isEqualTo("rep");
		assertThat(audited(id, "COMPLETE")).isEqualTo(1);
		assertThat(audited(id, "REOPEN")).isZero();
	}

	private long audited(long task, String action) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM identity_audit_event
				WHERE entity_type = 'TASK' AND action = :action AND entity_id = :id""")
			.param("action", action)
			.param("id", Long.toString(task))
			.query(Long.class)
			.single();
	}

	private static Map<String, Object> task(String title, Long staff, Long unit, int days) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("assigneeStaffId", staff);
		body.put("teamUnitId", unit);
		body.put("dueOn", LocalDate.now().plusDays(days).toString());
		return body;
	}
}
