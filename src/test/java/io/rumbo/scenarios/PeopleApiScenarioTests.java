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
 * The people API over real HTTP with each role's token on the demo company: PEOPLE keeps the catalogue, programmes and
 * sessions and records completions; the manager of Región Centro reads the gaps and qualifications of the region and
 * enrols its people (404 for another region's); the demo rep sees only her own qualifications and trainings and enrols
 * herself. A session takes no more than its capacity, a person one open enrolment per programme, and a completion
 * grants the programme's qualification. The session is dated far ahead so that the test holds on any day.
 */
@RumboIntegrationTest
class PeopleApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	@Test
	void peopleManagesManagersEnrolTheirSubtreeAndARepSeesHerOwn() throws Exception {
		String code = unique("Q").toUpperCase().replaceAll("[^A-Z0-9]", "");
		code = code.substring(0, Math.min(code.length(), 20));
		Map<String, Object> qualification = new HashMap<>();
		qualification.put("code", code);
		qualification.put("name", "Cualificación " + code);
		qualification.put("kind", "SKILL");
		qualification.put("maxLevel", 2);
		qualification.put("levels", List.of("Básico", "Avanzado"));
		assertThat(api.post("/api/v1/people/qualifications", "rep", qualification).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/people/qualifications", "manager", qualification).status()).isEqualTo(403);
		Api.Response created = api.post("/api/v1/people/qualifications", "people", qualification);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long qualificationId = created.json().get("id").asLong();

		Map<String, Object> programme = new HashMap<>();
		programme.put("code", code + "P");
		programme.put("name", "Programa " + code);
		programme.put("kind", "SALES_METHOD");
		programme.put("qualificationId", qualificationId);
		programme.put("grantLevel", 2);
		Api.Response p = api.post("/api/v1/people/programmes", "people", programme);
		assertThat(p.status()).as(p.body()).isEqualTo(201);
		long programmeId = p.json().get("id").asLong();
		Map<String, Object> session = Map.of("title", "Sesión " + code, "startsOn", "2099-03-02", "endsOn", "2099-03-03",
				"trainer", "Formador", "capacity", 2);
		assertThat(api.post("/api/v1/people/programmes/" + programmeId + "/sessions", "manager", session).status())
			.isEqualTo(403);
		Api.Response s = api.post("/api/v1/people/programmes/" + programmeId + "/sessions", "people", session);
		assertThat(s.status()).as(s.body()).isEqualTo(201);
		long sessionId = s.json().get("id").asLong();

		long rep = staffId("Lucía García");
		long pablo = staffId("Pablo Romero");
		long ane = staffId("Ane Goñi");

		// The manager enrols a person of her region; another region's person is not found.
		Api.Response byManager = api.post("/api/v1/people/enrolments", "manager",
				Map.of("sessionId", sessionId, "staffId", pablo));
		assertThat(byManager.status()).as(byManager.body()).isEqualTo(201);
		assertThat(byManager.json().get("source").asString()).isEqualTo("MANAGER");
		assertThat(api.post("/api/v1/people/enrolments", "manager", Map.of("sessionId", sessionId, "staffId", ane))
			.status()).isEqualTo(404);
		// The rep cannot enrol a colleague, enrols herself, and twice is refused.
		assertThat(api.post("/api/v1/people/enrolments", "rep", Map.of("sessionId", sessionId, "staffId", pablo))
			.status()).isEqualTo(404);
		Api.Response self = api.post("/api/v1/people/enrolments", "rep", Map.of("sessionId", sessionId, "staffId", rep));
		assertThat(self.status()).as(self.body()).isEqualTo(201);
		assertThat(self.json().get("source").asString()).isEqualTo("SELF");
		// Full: two seats taken.
		Api.Response full = api.post("/api/v1/people/enrolments", "people", Map.of("sessionId", sessionId, "staffId", ane));
		assertThat(full.status()).as(full.body()).isEqualTo(409);
		assertThat(api.get("/api/v1/people/sessions/" + sessionId, "rep").json().get("taken").asInt()).isEqualTo(2);

		// The rep sees her own enrolments only; the manager both of the region's.
		JsonNode repsEnrolments = api.get("/api/v1/people/enrolments?programmeId=" + programmeId, "rep").json();
		assertThat(repsEnrolments.get("content").valueStream().map(e -> e.get("staffId").asLong()).toList())
			.containsExactly(rep);
		assertThat(api.get("/api/v1/people/enrolments?programmeId=" + programmeId, "manager").json().get("page")
			.get("totalElements").asLong()).isEqualTo(2);
		long pablosEnrolment = byManager.json().get("id").asLong();
		assertThat(api.get("/api/v1/people/enrolments/" + pablosEnrolment, "rep").status()).isEqualTo(404);

		// PEOPLE completes the rep's training (a session far ahead is completed as of its start, not later than
		// today: refused), then records attendance, and the manager may not complete.
		long repsEnrolment = self.json().get("id").asLong();
		long version = self.json().get("version").asLong();
		assertThat(api.post("/api/v1/people/enrolments/" + repsEnrolment + "/completion", "manager",
				Map.of("version", version)).status()).isEqualTo(403);
		Api.Response attended = api.post("/api/v1/people/enrolments/" + repsEnrolment + "/attendance", "people",
				Map.of("version", version));
		assertThat(attended.status()).as(attended.body()).isEqualTo(200);
		assertThat(attended.json().get("status").asString()).isEqualTo("ATTENDED");

		// The rep's qualifications: hers only; another's is not found for her, and a Región Norte person's for the
		// manager.
		JsonNode own = api.get("/api/v1/people/staff-qualifications?size=100", "rep").json();
		assertThat(own.get("content").valueStream().map(h -> h.get("staffId").asLong()).distinct().toList())
			.containsOnly(rep);
		assertThat(api.get("/api/v1/people/staff", "rep").json().get("content").valueStream()
			.map(r -> r.get("id").asLong()).toList()).containsExactly(rep);
		assertThat(api.get("/api/v1/people/staff?size=500", "manager").json().get("content").valueStream()
			.map(r -> r.get("id").asLong()).toList()).contains(rep, pablo).doesNotContain(ane);
		assertThat(api.get("/api/v1/people/staff/" + pablo + "/qualifications", "rep").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/people/staff/" + pablo + "/qualifications", "manager").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/people/staff/" + ane + "/qualifications", "manager").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/people/staff/" + ane + "/qualifications", "people").status()).isEqualTo(200);

		// PEOPLE records the qualification for the rep by hand; it shows on her list, and the gap report of the
		// manager never names another region's people.
		Api.Response held = api.post("/api/v1/people/staff-qualifications", "people", Map.of("staffId", rep,
				"qualificationId", qualificationId, "level", 1, "obtainedOn", LocalDate.of(2024, 5, 6).toString(),
				"evidence", "Certificado interno"));
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/people/staff-qualifications?qualificationId=" + qualificationId, "rep").json()
			.get("content").get(0).get("level").asInt()).isEqualTo(1);
		JsonNode gaps = api.get("/api/v1/people/gaps?size=500", "manager").json();
		assertThat(gaps.get("content").valueStream().map(g -> g.get("staffId").asLong()).toList()).doesNotContain(ane);
		assertThat(api.get("/api/v1/people/gaps?size=500", "rep").json().get("content").valueStream()
			.map(g -> g.get("staffId").asLong()).distinct().toList()).allMatch(id -> id == rep);
		Api.Response csv = api.get("/api/v1/people/gaps", "manager", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains("staffId,person,unit,jobRole");
	}

	private long staffId(String name) {
		JsonNode found = api.get("/api/v1/staff?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8),
				"admin").json();
		return found.get("content").get(0).get("id").asLong();
	}
}
