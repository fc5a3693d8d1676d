package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Recruitment over real HTTP with each role's token on the demo company (decision 0036). Each test opens its own team
 * under Región Centro with two planned salesperson places and requirements of its own: the region's manager raises a
 * requisition (the requirements are copied), submits it; the director approves it (refused while a draft: 409 in
 * clear words); candidates are added by the manager and PEOPLE; their personal data is read by PEOPLE and the
 * region's manager only (404 for the director, a rep and another region's manager); PEOPLE moves, rejects (reason
 * required) and hires: exactly one staff record in the team, the requisition filled, also when the hire is asked
 * twice. The requester is told of the approval.
 */
@RumboIntegrationTest
class RecruitmentApiScenarioTests extends ApiTestSupport {

	static final String REQUISITIONS = "/api/v1/people/requisitions";

	static final String CANDIDATES = "/api/v1/people/candidates";

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

	/** A fresh team under Región Centro with {@code planned} salesperson places and nobody in them. */
	private long team(String code, int planned) {
		Api.Response unit = api.post("/api/v1/org-units", "admin", unitBody(code, unitId(api, "R-CENTRO")));
		assertThat(unit.status()).as(unit.body()).isEqualTo(201);
		long id = unit.json().get("id").asLong();
		Api.Response position = api.put("/api/v1/org-units/" + id + "/positions", "admin",
				Map.of("jobRole", "SALESPERSON", "plannedHeadcount", planned));
		assertThat(position.status()).as(position.body()).isEqualTo(200);
		return id;
	}

	private long positionOf(long unitId) {
		return api.get("/api/v1/org-units/" + unitId + "/positions", "admin").json().valueStream()
			.filter(p -> p.get("jobRole").asString().equals("SALESPERSON")).findFirst().orElseThrow()
			.get("id").asLong();
	}

	private long qualification(String code) {
		jdbc.sql("INSERT INTO people_qualification (code, name, kind, max_level, archived, version) VALUES (:c, :n, "
				+ "'SKILL', 5, FALSE, 0)").param("c", code).param("n", "Skill " + code).update();
		return jdbc.sql("SELECT id FROM people_qualification WHERE code = :c").param("c", code).query(Long.class)
			.single();
	}

	private void requirement(long qualification, long unitId, int level, String importance) {
		jdbc.sql("INSERT INTO people_role_requirement (job_role, unit_id, qualification_id, min_level, importance, "
				+ "version) VALUES ('SALESPERSON', :u, :q, :l, :i, 0)").param("u", unitId).param("q", qualification)
			.param("l", level).param("i", importance).update();
	}

	private static Map<String, Object> requisition(long positionId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("positionId", positionId);
		body.put("reason", "GROWTH");
		body.put("budgetedCost", "42000.50");
		body.put("notes", "Nuevo territorio en Toledo");
		return body;
	}

	private static Map<String, Object> candidate(String first, String last, String source) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("firstName", first);
		body.put("lastName", last);
		body.put("email", first.toLowerCase() + "@example.com");
		body.put("phone", "+34 600 000 000");
		body.put("source", source);
		return body;
	}

	private Api.Response inEnglish(String method, String path, String user, Object body) {
		return api.send(method, path, api.token(user), body, Map.of("Accept-Language", "en"));
	}

	private static long version(Api.Response response) {
		return response.json().get("version").asLong();
	}

	@Test
	void aManagerRaisesTheDirectorApprovesAndPeopleHiresExactlyOnce() throws Exception {
		String code = unique("RQ").replace("-", "");
		long team = team(code, 2);
		long position = positionOf(team);
		long required = qualification(code + "A");
		long desirable = qualification(code + "B");
		long otherUnits = qualification(code + "C");
		requirement(required, team, 2, "DESIRABLE");
		requirement(required, team, 3, "REQUIRED");
		requirement(desirable, team, 2, "DESIRABLE");
		requirement(otherUnits, unitId(api, "R-CENTRO"), 4, "REQUIRED");

		assertThat(api.get(REQUISITIONS + "/vacancies", "manager").json().valueStream().map(p -> p.get("id").asLong())
			.toList()).contains(position);
		Api.Response raised = api.post(REQUISITIONS, "manager", requisition(position));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		long id = raised.json().get("id").asLong();
		String url = REQUISITIONS + "/" + id;
		assertThat(raised.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(raised.json().get("unitId").asLong()).isEqualTo(team);
		assertThat(raised.json().get("budgetedCost").decimalValue()).isEqualByComparingTo("42000.50");
		// The role's requirements of this unit, one row per qualification at the highest level, required if any is.
		assertThat(raised.json().get("requirements").valueStream()
			.filter(r -> r.get("qualificationName").asString().contains(code))
			.map(r -> r.get("qualificationName").asString() + ":" + r.get("minLevel").asInt() + ":"
					+ r.get("mandatory").asBoolean())
			.toList()).containsExactly("Skill " + code + "A:3:true", "Skill " + code + "B:2:false");

		assertThat(api.get(url, "director").status()).isEqualTo(200);
		assertThat(api.get(url, "people").status()).isEqualTo(200);
		assertThat(api.get(url, "antonio.vega").status()).as("a rep of another region").isEqualTo(404);
		assertThat(api.get(url, "rep").status()).isEqualTo(404);
		assertThat(api.get(REQUISITIONS, "rep").status()).isEqualTo(403);
		assertThat(api.post(REQUISITIONS, "rep", requisition(position)).status()).isEqualTo(403);
		assertThat(api.get(url, "rocio.jimenez").status()).as("Región Sur's manager").isEqualTo(404);
		assertThat(api.post(REQUISITIONS, "rocio.jimenez", requisition(position)).status())
			.as("a position outside their subtree").isEqualTo(400);

		Api.Response early = inEnglish("POST", url + "/approve", "director", Map.of("version", version(raised)));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("detail").asString())
			.isEqualTo("Only a submitted requisition can be approved; this one is DRAFT.");
		Api.Response submitted = api.post(url + "/submit", "manager", Map.of("version", version(raised)));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(api.post(url + "/approve", "manager", Map.of("version", version(submitted))).status())
			.as("a manager does not approve").isEqualTo(403);
		Api.Response noReason = inEnglish("POST", url + "/reject", "director", Map.of("version", version(submitted)));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("rejectionReason");
		Api.Response approved = api.post(url + "/approve", "director", Map.of("version", version(submitted)));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().get("decidedBy").asString()).isEqualTo("director");
		assertThat(api.post(url + "/approve", "director", Map.of("version", version(submitted))).status())
			.as("stale").isEqualTo(409);

		Api.Response ana = api.post(url + "/candidates", "manager", candidate("Anabel" + code, "Referida", "REFERRAL"));
		assertThat(ana.status()).as(ana.body()).isEqualTo(201);
		assertThat(ana.json().get("stage").asString()).isEqualTo("APPLIED");
		Api.Response bruno = api.post(url + "/candidates", "people", candidate("Bruno" + code, "Portal", "JOB_BOARD"));
		assertThat(bruno.status()).as(bruno.body()).isEqualTo(201);
		assertThat(api.post(url + "/candidates", "director", candidate("X", "Y", "OTHER")).status()).isEqualTo(403);
		String anaUrl = CANDIDATES + "/" + ana.json().get("id").asLong();
		String brunoUrl = CANDIDATES + "/" + bruno.json().get("id").asLong();

		// Personal data: PEOPLE and the managers of the unit's subtree only.
		assertThat(api.get(anaUrl, "people").status()).isEqualTo(200);
		assertThat(api.get(anaUrl, "manager").status()).isEqualTo(200);
		for (String other : List.of("director", "rep", "rocio.jimenez", "viewer")) {
			assertThat(api.get(anaUrl, other).status()).as(other).isEqualTo(404);
		}
		assertThat(api.get(CANDIDATES, "director").status()).isEqualTo(403);
		assertThat(api.get(CANDIDATES, "rep").status()).isEqualTo(403);
		assertThat(api.get(CANDIDATES + "?q=" + code, "rocio.jimenez").json().get("content")).isEmpty();
		assertThat(api.get(CANDIDATES + "?q=" + code + "&sort=lastName", "manager").json().get("content").valueStream()
			.map(c -> c.get("lastName").asString()).toList()).containsExactly("Portal", "Referida");
		assertThat(api.get(url, "director").json().get("candidates").asLong()).as("the count, not the names")
			.isEqualTo(2);
		assertThat(api.get(url, "director").body()).doesNotContain("Anabel" + code);

		// Stages, an interview scored against the copied requirements, a rejection with its reason.
		Api.Response screened = api.post(anaUrl + "/stage", "people", Map.of("version", version(ana), "stage",
				"SCREENED"));
		assertThat(screened.status()).as(screened.body()).isEqualTo(200);
		assertThat(api.post(anaUrl + "/stage", "manager", Map.of("version", version(screened), "stage",
				"INTERVIEWED")).status()).as("managers do not move candidates").isEqualTo(403);
		Api.Response toHired = api.post(anaUrl + "/stage", "people", Map.of("version", version(screened), "stage",
				"HIRED"));
		assertThat(toHired.status()).isEqualTo(400);
		assertThat(toHired.json().get("errors").get(0).get("field").asString()).isEqualTo("stage");
		long requirementId = approved.json().get("requirements").valueStream()
			.filter(r -> r.get("qualificationName").asString().equals("Skill " + code + "A")).findFirst().orElseThrow()
			.get("id").asLong();
		Map<String, Object> interview = new LinkedHashMap<>();
		interview.put("heldOn", screened.json().get("appliedOn").asString());
		interview.put("recommendation", "HIRE");
		interview.put("scores", Map.of(String.valueOf(requirementId), 7));
		Api.Response outOfRange = api.post(anaUrl + "/interviews", "manager", interview);
		assertThat(outOfRange.status()).isEqualTo(400);
		assertThat(outOfRange.json().get("errors").get(0).get("field").asString()).isEqualTo("scores");
		interview.put("scores", Map.of(String.valueOf(requirementId), 4));
		Api.Response interviewed = api.post(anaUrl + "/interviews", "manager", interview);
		assertThat(interviewed.status()).as(interviewed.body()).isEqualTo(200);
		assertThat(interviewed.json().get("interviews").get(0).get("scores").get(0).get("score").asInt()).isEqualTo(4);
		assertThat(interviewed.json().get("candidate").get("averageScore").decimalValue()).isEqualByComparingTo("4");
		Api.Response document = api.post(anaUrl + "/documents", "people", Map.of("kind", "CV", "title", "CV 2024",
				"url", "ftp://example.com/cv.pdf"));
		assertThat(document.status()).isEqualTo(400);
		assertThat(api.post(anaUrl + "/documents", "people", Map.of("kind", "CV", "title", "CV 2024", "url",
				"https://docs.example.com/cv/" + code)).json().get("documents").get(0).get("url").asString())
			.endsWith(code);

		Api.Response rejectedWithout = inEnglish("POST", brunoUrl + "/reject", "people",
				Map.of("version", version(bruno)));
		assertThat(rejectedWithout.status()).isEqualTo(400);
		assertThat(rejectedWithout.json().get("errors").get(0).get("field").asString()).isEqualTo("rejectionReason");
		Api.Response rejected = api.post(brunoUrl + "/reject", "people", Map.of("version", version(bruno),
				"rejectionReason", "Sin experiencia en el sector"));
		assertThat(rejected.json().get("stage").asString()).isEqualTo("REJECTED");
		Api.Response again = inEnglish("POST", brunoUrl + "/reject", "people", Map.of("version", version(rejected),
				"rejectionReason", "otra vez"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).isEqualTo("A candidate who is REJECTED can no longer be rejected.");

		// The hire: exactly one staff record in the team, the requisition filled; a retry answers the same hire.
		long anaVersion = api.get(anaUrl, "people").json().get("candidate").get("version").asLong();
		Map<String, Object> hire = Map.of("version", anaVersion, "hireDate", "2024-05-06");
		assertThat(api.post(anaUrl + "/hire", "manager", hire).status()).isEqualTo(403);
		Api.Response hired = api.post(anaUrl + "/hire", "people", hire);
		assertThat(hired.status()).as(hired.body()).isEqualTo(200);
		assertThat(hired.json().get("stage").asString()).isEqualTo("HIRED");
		long staffId = hired.json().get("staffId").asLong();
		Api.Response retry = api.post(anaUrl + "/hire", "people", hire);
		assertThat(retry.status()).as(retry.body()).isEqualTo(200);
		assertThat(retry.json().get("staffId").asLong()).isEqualTo(staffId);
		assertThat(api.post(anaUrl + "/hire", "manager", hire).status())
			.as("the role is checked before the idempotent answer").isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_staff WHERE unit_id = :u").param("u", team).query(Long.class)
			.single()).isEqualTo(1);
		JsonNode person = api.get("/api/v1/staff/" + staffId, "manager").json();
		assertThat(person.get("unitId").asLong()).isEqualTo(team);
		assertThat(person.get("jobRole").asString()).isEqualTo("SALESPERSON");
		assertThat(person.get("firstName").asString()).isEqualTo("Anabel" + code);
		assertThat(person.get("hireDate").asString()).isEqualTo("2024-05-06");
		assertThat(person.get("qualificationLevel").asInt()).as("the mean interview score").isEqualTo(4);
		JsonNode filled = api.get(url, "manager").json();
		assertThat(filled.get("status").asString()).isEqualTo("FILLED");
		assertThat(filled.get("hiredCandidateId").asLong()).isEqualTo(ana.json().get("id").asLong());
		assertThat(api.post(url + "/candidates", "people", candidate("Tarde", "Tarde", "OTHER")).status())
			.as("a filled requisition takes no candidates").isEqualTo(409);
		assertThat(jdbc.sql("SELECT action FROM identity_audit_event WHERE entity_type = 'REQUISITION' AND entity_id = "
				+ ":id ORDER BY id").param("id", Long.toString(id)).query(String.class).list())
			.containsExactly("CREATE", "SUBMIT", "APPROVE", "FILL");

		// The requester (the region's manager) is told of the approval once.
		String link = "/people/requisitions/" + id;
		eventually(() -> notified("manager", link) > 0 ? Boolean.TRUE : null);
		assertThat(notified("manager", link)).isEqualTo(1);
		assertThat(notified("director", link)).as("who approved it").isZero();
	}

	@Test
	void aRequisitionNotApprovedHiresNobodyAndFiguresCountTheOpenOnes() {
		String code = unique("RQ").replace("-", "");
		long team = team(code, 1);
		long position = positionOf(team);
		Api.Response raised = api.post(REQUISITIONS, "people", requisition(position));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String url = REQUISITIONS + "/" + raised.json().get("id").asLong();
		Api.Response second = api.post(REQUISITIONS, "people", requisition(position));
		assertThat(second.status()).as("one vacancy, one open requisition").isEqualTo(400);
		assertThat(second.json().get("errors").get(0).get("field").asString()).isEqualTo("positionId");
		assertThat(api.get(REQUISITIONS + "/vacancies", "people").json().valueStream()
			.map(p -> p.get("id").asLong()).toList()).doesNotContain(position);

		Api.Response ana = api.post(url + "/candidates", "people", candidate("Carla" + code, "Borrador", "AGENCY"));
		assertThat(ana.status()).as(ana.body()).isEqualTo(201);
		Api.Response refused = inEnglish("POST", CANDIDATES + "/" + ana.json().get("id").asLong() + "/hire", "people",
				Map.of("version", version(ana)));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("Only candidates of an approved requisition can be hired; this requisition is DRAFT.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_staff WHERE unit_id = :u").param("u", team).query(Long.class)
			.single()).isZero();

		JsonNode figures = api.get(REQUISITIONS + "/figures?from=2000-01-01&to=2100-12-31", "manager").json();
		assertThat(figures.get("openByUnit").valueStream().filter(u -> u.get("unitId").asLong() == team)
			.map(u -> u.get("drafts").asLong()).toList()).containsExactly(1L);
		assertThat(api.get(REQUISITIONS + "/figures", "rocio.jimenez").json().get("openByUnit").valueStream()
			.filter(u -> u.get("unitId").asLong() == team).toList()).as("another region").isEmpty();
		assertThat(api.get(REQUISITIONS + "/figures", "rep").status()).isEqualTo(403);
		assertThat(api.get(REQUISITIONS + "?unitId=" + team, "manager").json().get("content").size()).isEqualTo(1);
		Api.Response csv = api.get(REQUISITIONS + "?unitId=" + team, "manager", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("Nuevo territorio en Toledo");
		Api.Response candidatesCsv = api.get(CANDIDATES + "?q=" + code, "people", Map.of("Accept", "text/csv"));
		assertThat(candidatesCsv.body()).contains("Carla" + code);

		Api.Response cancelled = api.post(url + "/cancel", "people", Map.of("version", version(raised)));
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(api.post(url + "/submit", "people", Map.of("version", version(cancelled))).status()).isEqualTo(409);
		assertThat(api.get(REQUISITIONS + "/vacancies", "people").json().valueStream()
			.map(p -> p.get("id").asLong()).toList()).as("the vacancy is free again").contains(position);
	}

	@Test
	void aRequisitionPageWithManyCandidatesSaysHowManyItShowsAndLinksToTheList() {
		String code = unique("RQ").replace("-", "");
		long team = team(code, 1);
		Api.Response raised = api.post(REQUISITIONS, "manager", requisition(positionOf(team)));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		long id = raised.json().get("id").asLong();
		List<Object[]> rows = new java.util.ArrayList<>();
		for (int i = 0; i < 201; i++) {
			rows.add(new Object[] { id, team, "Nombre" + i, code + i });
		}
		for (Object[] row : rows) {
			jdbc.sql("INSERT INTO people_candidate (requisition_id, unit_id, first_name, last_name, source, stage, "
					+ "applied_on, stage_on, added_by, version) VALUES (?, ?, ?, ?, 'WEBSITE', 'APPLIED', "
					+ "DATE '2024-03-01', DATE '2024-03-01', 'manager', 0)").params(row).update();
		}
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		String page = manager.get(port, "/people/requisitions/" + id + "?lang=en").body();
		assertThat(page).contains("Showing 200 of 201 candidates")
			.contains("href=\"/people/candidates?requisition=" + id + "\"");
		String list = manager.get(port, "/people/candidates?requisition=" + id + "&lang=en").body();
		assertThat(list).contains("name=\"requisition\"").contains(code);
		assertThat(manager.get(port, "/people/requisitions/" + id + "?lang=es").body())
			.contains("Se muestran 200 de 201 candidatos");
	}

	@Test
	void theFixedStagesStayFixedAndPeopleConfiguresTheOpenOnes() {
		String code = ("S" + unique("T").replace("-", "_")).toUpperCase();
		assertThat(api.put("/api/v1/people/stages/HIRED", "people", Map.of("version", 0, "nameEn", "Signed", "nameEs",
				"Firmado", "position", 5)).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/people/stages", "manager", Map.of("code", code, "nameEn", "Test", "nameEs",
				"Prueba", "position", 990)).status()).isEqualTo(403);
		Api.Response added = api.post("/api/v1/people/stages", "people", Map.of("code", code, "nameEn", "Assessment",
				"nameEs", "Evaluación", "position", 990));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		Api.Response archived = api.put("/api/v1/people/stages/" + code, "people", Map.of("version", 0, "nameEn",
				"Assessment", "nameEs", "Evaluación", "position", 990, "archived", true));
		assertThat(archived.json().get("archived").asBoolean()).isTrue();
		List<String> open = api.get("/api/v1/people/stages", "people").json().valueStream()
			.map(s -> s.get("code").asString()).toList();
		assertThat(open).doesNotContain(code).contains("APPLIED", "HIRED", "REJECTED");
		assertThat(open.get(open.size() - 1)).isEqualTo("REJECTED");
	}

	private long notified(String user, String link) {
		return api.get("/api/v1/notifications?size=500", user).json().get("content").valueStream()
			.filter(n -> n.get("kind").asString().equals("REQUISITION_APPROVED") && n.get("link").asString().equals(link))
			.count();
	}

	static <T> T eventually(Supplier<T> read) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			T value = read.get();
			if (value != null) {
				return value;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("never happened");
	}
}
