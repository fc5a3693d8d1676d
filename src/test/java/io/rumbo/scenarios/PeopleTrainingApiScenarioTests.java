package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Keeping the training offer and the catalogue over real HTTP, per role (PEOPLE edits; the manager and the rep may
 * not), and an improvement plan's training action: the manager opens a plan whose training names a session and the
 * person is enrolled; a full session is refused at the action's field with nothing written; cancelling the plan
 * withdraws the seat. Everything it asserts on it creates, dated far ahead.
 */
@RumboIntegrationTest
class PeopleTrainingApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	@Test
	void peopleEditsAndArchivesTheCatalogueAndWithdrawsAHoldingWithAReason() {
		String code = code("E");
		long qualification = qualification(code);
		Map<String, Object> rename = qualificationBody(code, "Renombrada " + code);
		rename.put("version", 0);
		assertThat(api.put("/api/v1/people/qualifications/" + qualification, "manager", rename).status()).isEqualTo(403);
		assertThat(api.put("/api/v1/people/qualifications/" + qualification, "rep", rename).status()).isEqualTo(403);
		Api.Response renamed = api.put("/api/v1/people/qualifications/" + qualification, "people", rename);
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("Renombrada " + code);
		Api.Response stale = api.put("/api/v1/people/qualifications/" + qualification, "people", rename);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().toString()).contains("\"version\":1");

		// A programme granting it: archiving is refused until the programme is archived.
		long programme = programme(code, qualification);
		Api.Response inUse = api.post("/api/v1/people/qualifications/" + qualification + "/archive?lang=en", "people",
				Map.of("version", 1));
		assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
		assertThat(inUse.json().get("detail").asString()).contains("cannot be archived");

		// A holding recorded, then withdrawn with a reason (the manager may not), kept in the person's history.
		long pablo = staffId("Pablo Romero");
		Api.Response held = api.post("/api/v1/people/staff-qualifications", "people", Map.of("staffId", pablo,
				"qualificationId", qualification, "level", 1, "obtainedOn", LocalDate.of(2020, 1, 15).toString()));
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		long holding = held.json().get("id").asLong();
		String withdrawal = "/api/v1/people/staff-qualifications/" + holding + "/withdrawal";
		assertThat(api.post(withdrawal, "manager", Map.of("version", 0, "reason", "x")).status()).isEqualTo(403);
		assertThat(api.post(withdrawal, "rep", Map.of("version", 0, "reason", "x")).status()).isEqualTo(403);
		Api.Response noReason = api.post(withdrawal + "?lang=en", "people", Map.of("version", 0));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason");
		Api.Response withdrawn = api.post(withdrawal, "people", Map.of("version", 0, "reason", "Registrada por error"));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(api.get("/api/v1/people/staff-qualifications/" + holding, "people").status()).isEqualTo(404);
		JsonNode history = api.get("/api/v1/people/staff/" + pablo + "/withdrawals", "manager").json();
		assertThat(history.valueStream().filter(w -> w.get("qualificationId").asLong() == qualification)
			.map(w -> w.get("reason").asString()).toList()).containsExactly("Registrada por error");
		assertThat(api.get("/api/v1/people/staff/" + pablo + "/withdrawals", "rep").json().valueStream()
			.filter(w -> w.get("qualificationId").asLong() == qualification).toList()).isEmpty();

		// With the programme archived it may be archived, and is then not offered for new holdings.
		long programmeVersion = api.get("/api/v1/people/programmes/" + programme, "people").json().get("version").asLong();
		assertThat(api.post("/api/v1/people/programmes/" + programme + "/archive", "people",
				Map.of("version", programmeVersion)).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/people/qualifications/" + qualification + "/archive", "manager",
				Map.of("version", 1)).status()).isEqualTo(403);
		Api.Response archived = api.post("/api/v1/people/qualifications/" + qualification + "/archive", "people",
				Map.of("version", 1));
		assertThat(archived.status()).as(archived.body()).isEqualTo(200);
		Api.Response refused = api.post("/api/v1/people/staff-qualifications?lang=en", "people", Map.of("staffId",
				pablo, "qualificationId", qualification, "level", 1, "obtainedOn", "2020-01-15"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("qualificationId").contains("archived");
	}

	@Test
	void fewerLevelsAreRefusedWhileAHoldingOrARequirementIsAboveThem() {
		String code = code("L");
		Map<String, Object> body = qualificationBody(code, "Niveles " + code);
		body.put("maxLevel", 3);
		Api.Response created = api.post("/api/v1/people/qualifications", "people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long qualification = created.json().get("id").asLong();
		Api.Response held = api.post("/api/v1/people/staff-qualifications", "people", Map.of("staffId",
				staffId("Pablo Romero"), "qualificationId", qualification, "level", 3, "obtainedOn", "2020-01-15"));
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		Api.Response required = api.post("/api/v1/people/requirements", "people", Map.of("jobRole", "AGENT",
				"unitId", unitOf("Pablo Romero"), "qualificationId", qualification, "minLevel", 2,
				"importance", "DESIRABLE"));
		assertThat(required.status()).as(required.body()).isEqualTo(201);

		body.put("version", 0);
		body.put("maxLevel", 1);
		Api.Response refused = api.put("/api/v1/people/qualifications/" + qualification + "?lang=en", "people", body);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("maxLevel").contains("1 holdings").contains("1 requirements");
		assertThat(api.get("/api/v1/people/qualifications/" + qualification, "people").json().get("maxLevel")
			.asInt()).isEqualTo(3);

		// Down to the level the requirement asks, the holding above still refuses; raising is always allowed.
		body.put("maxLevel", 2);
		Api.Response stillHeld = api.put("/api/v1/people/qualifications/" + qualification + "?lang=en", "people",
				body);
		assertThat(stillHeld.status()).isEqualTo(400);
		assertThat(stillHeld.body()).contains("1 holdings").contains("0 requirements");
		body.put("maxLevel", 5);
		Api.Response raised = api.put("/api/v1/people/qualifications/" + qualification, "people", body);
		assertThat(raised.status()).as(raised.body()).isEqualTo(200);
		assertThat(api.delete("/api/v1/people/requirements/" + required.json().get("id").asLong() + "?version="
				+ required.json().get("version").asLong(), "people").status()).isEqualTo(204);
	}

	@Test
	void aSessionIsEditedNotUnderItsSeatsAndCancellingItCancelsItsEnrolments() {
		String code = code("S");
		long programme = programme(code, null);
		long session = session(programme, code, 2);
		long pablo = staffId("Pablo Romero");
		long lucia = staffId("Lucía García");
		api.post("/api/v1/people/enrolments", "people", Map.of("sessionId", session, "staffId", pablo));
		api.post("/api/v1/people/enrolments", "people", Map.of("sessionId", session, "staffId", lucia));
		Map<String, Object> smaller = new HashMap<>(sessionBody(code, 1));
		smaller.put("version", 0);
		Api.Response under = api.put("/api/v1/people/sessions/" + session + "?lang=en", "people", smaller);
		assertThat(under.status()).isEqualTo(400);
		assertThat(under.body()).contains("capacity");
		Map<String, Object> moved = new HashMap<>(sessionBody(code, 5));
		moved.put("version", 0);
		moved.put("trainer", "Otra formadora");
		assertThat(api.put("/api/v1/people/sessions/" + session, "manager", moved).status()).isEqualTo(403);
		Api.Response edited = api.put("/api/v1/people/sessions/" + session, "people", moved);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("trainer").asString()).isEqualTo("Otra formadora");

		assertThat(api.post("/api/v1/people/sessions/" + session + "/cancel", "manager", Map.of("version", 1)).status())
			.isEqualTo(403);
		assertThat(api.post("/api/v1/people/sessions/" + session + "/cancel", "people", Map.of("version", 0)).status())
			.isEqualTo(409);
		Api.Response cancelled = api.post("/api/v1/people/sessions/" + session + "/cancel", "people",
				Map.of("version", 1));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("cancelled").asBoolean()).isTrue();
		JsonNode rows = api.get("/api/v1/people/enrolments?sessionId=" + session, "people").json().get("content");
		assertThat(rows.valueStream().map(e -> e.get("status").asString()).toList())
			.containsExactly("CANCELLED", "CANCELLED");
		// The rep sees her own enrolment cancelled.
		assertThat(api.get("/api/v1/people/enrolments?sessionId=" + session, "rep").json().get("content")
			.valueStream().map(e -> e.get("status").asString()).toList()).containsExactly("CANCELLED");
	}

	@Test
	void aPlansTrainingEnrolsThePersonAndAFullSessionIsRefusedAtTheField() {
		String code = code("I");
		long programme = programme(code, null);
		long open = session(programme, code, 3);
		long other = programme(code + "B", null);
		long full = session(other, code + "B", 1);
		long pablo = staffId("Pablo Romero");
		long lucia = staffId("Lucía García");
		api.post("/api/v1/people/enrolments", "people", Map.of("sessionId", full, "staffId", lucia));

		// A draft keeps the session and holds no seat; starting it enrols, and a full session is refused at the field.
		Api.Response draft = api.post("/api/v1/improvement-plans?lang=en", "manager", plan(pablo, "Lleno " + code,
				full));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		assertThat(draft.json().get("supports").get(0).get("sessionId").asLong()).isEqualTo(full);
		assertThat(draft.json().get("supports").get(0).get("enrolment").isNull()).isTrue();
		String draftUrl = "/api/v1/improvement-plans/" + draft.json().get("id").asLong();
		Api.Response refused = api.post(draftUrl + "/activate?lang=en", "manager",
				Map.of("version", draft.json().get("version").asLong()));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("supports[0].sessionId").contains("is full");
		assertThat(api.get(draftUrl, "manager").json().get("status").asString()).isEqualTo("DRAFT");

		Api.Response drafted = api.post("/api/v1/improvement-plans", "manager", plan(pablo, "Formación " + code, open));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		assertThat(drafted.json().get("supports").get(0).get("enrolment").isNull()).isTrue();
		Api.Response opened = api.post("/api/v1/improvement-plans/" + drafted.json().get("id").asLong() + "/activate",
				"manager", Map.of("version", drafted.json().get("version").asLong()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		JsonNode enrolment = opened.json().get("supports").get(0).get("enrolment");
		assertThat(enrolment.get("status").asString()).isEqualTo("ENROLLED");
		long seat = enrolment.get("id").asLong();
		assertThat(api.get("/api/v1/people/enrolments/" + seat, "people").json().get("source").asString())
			.isEqualTo("IMPROVEMENT");
		Api.Response cancelled = api.post("/api/v1/improvement-plans/" + opened.json().get("id").asLong() + "/cancel",
				"manager", Map.of("version", opened.json().get("version").asLong(), "reason", "Ya no aplica"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(api.get("/api/v1/people/enrolments/" + seat, "people").json().get("status").asString())
			.isEqualTo("CANCELLED");
	}

	private Map<String, Object> plan(long staffId, String title, long session) {
		Map<String, Object> body = new HashMap<>();
		body.put("staffId", staffId);
		body.put("title", title);
		body.put("startsOn", "2099-01-05");
		body.put("endsOn", "2099-04-05");
		body.put("checkInEveryDays", 14);
		body.put("goals", List.of(Map.of("name", "Curso", "dueOn", "2099-04-01")));
		body.put("supports", List.of(Map.of("kind", "TRAINING", "description", "Curso", "sessionId", session)));
		return body;
	}

	private static String code(String prefix) {
		String code = unique(prefix).toUpperCase().replaceAll("[^A-Z0-9]", "");
		return code.substring(0, Math.min(code.length(), 20));
	}

	private static Map<String, Object> qualificationBody(String code, String name) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("name", name);
		body.put("kind", "SKILL");
		body.put("maxLevel", 2);
		return body;
	}

	private long qualification(String code) {
		Api.Response created = api.post("/api/v1/people/qualifications", "people",
				qualificationBody(code, "Cualificación " + code));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long programme(String code, Long qualification) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code + "P");
		body.put("name", "Programa " + code);
		body.put("kind", "SALES_METHOD");
		if (qualification != null) {
			body.put("qualificationId", qualification);
			body.put("grantLevel", 1);
		}
		Api.Response p = api.post("/api/v1/people/programmes", "people", body);
		assertThat(p.status()).as(p.body()).isEqualTo(201);
		return p.json().get("id").asLong();
	}

	private static Map<String, Object> sessionBody(String code, int capacity) {
		return Map.of("title", "Sesión " + code, "startsOn", "2099-03-02", "endsOn", "2099-03-03", "trainer",
				"Formadora", "capacity", capacity);
	}

	private long session(long programme, String code, int capacity) {
		Api.Response s = api.post("/api/v1/people/programmes/" + programme + "/sessions", "people",
				sessionBody(code, capacity));
		assertThat(s.status()).as(s.body()).isEqualTo(201);
		return s.json().get("id").asLong();
	}

	private long unitOf(String name) {
		JsonNode found = api.get("/api/v1/staff?q=" + java.net.URLEncoder.encode(name,
				java.nio.charset.StandardCharsets.UTF_8), "admin").json();
		return found.get("content").get(0).get("unitId").asLong();
	}

	private long staffId(String name) {
		JsonNode found = api.get("/api/v1/staff?q=" + java.net.URLEncoder.encode(name,
				java.nio.charset.StandardCharsets.UTF_8), "admin").json();
		return found.get("content").get(0).get("id").asLong();
	}
}
