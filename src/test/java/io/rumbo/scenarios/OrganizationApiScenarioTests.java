package io.rumbo.scenarios;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org-units and staff API over real HTTP with real tokens, for every role: allowed, forbidden (403) and
 * out of scope (404). The demo manager leads Región Centro; the demo rep is Lucía García in Equipo Madrid Norte.
 */
@RumboIntegrationTest
class OrganizationApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	// ---- reading, by scope

	@ParameterizedTest
	@CsvSource({ "admin, 200", "director, 200", "viewer, 200", "people, 200", "finance, 200", "manager, 404", "rep, 404" })
	void anotherRegionsUnitIsVisibleOnlyToCompanyWideRoles(String user, int status) {
		assertThat(api.get("/api/v1/org-units/" + unitId(api, "R-NORTE"), user).status()).isEqualTo(status);
	}

	@ParameterizedTest
	@CsvSource({ "admin, 200", "director, 200", "viewer, 200", "people, 200", "finance, 200", "manager, 404", "rep, 404" })
	void anotherRegionsPersonIsVisibleOnlyToCompanyWideRoles(String user, int status) {
		long ane = staffByName(api, "Ane Goñi").get("id").asLong();
		assertThat(api.get("/api/v1/staff/" + ane, user).status()).isEqualTo(status);
	}

	@Test
	void managerSeesTheWholeRegionAndOnlyIt() {
		// Other test classes add teams under the region (the database is shared): the region is its subtree as the
		// administrator sees the whole tree now, not a fixed list of the demo's codes.
		Set<String> region = subtreeCodes("R-CENTRO");
		assertThat(region).contains("S-MAD", "S-VLL", "E-MAD-NOR", "E-MAD-SUR", "E-VLL").doesNotContain("R-NORTE");
		JsonNode page = api.get("/api/v1/staff?size=500", "manager").json();
		assertThat(page.get("content")).allSatisfy(p -> assertThat(p.get("unitCode").asString()).isIn(region));
		assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(17);
		JsonNode units = api.get("/api/v1/org-units?size=500", "manager").json();
		assertThat(units.get("content")).extracting(u -> u.get("code").asString())
			.contains("R-CENTRO", "S-MAD", "E-VLL")
			.doesNotContain("R-NORTE", "ALBA")
			.allSatisfy(code -> assertThat(code).isIn(region));
	}

	private Set<String> subtreeCodes(String rootCode) {
		JsonNode all = api.get("/api/v1/org-units?size=500", "admin").json();
		assertThat(all.get("page").get("totalElements").asLong()).as("every unit on one page")
			.isLessThanOrEqualTo(all.get("content").size());
		Map<Long, Long> parents = new HashMap<>();
		Map<Long, String> codes = new HashMap<>();
		all.get("content").valueStream().forEach(u -> {
			codes.put(u.get("id").asLong(), u.get("code").asString());
			if (u.hasNonNull("parentId")) {
				parents.put(u.get("id").asLong(), u.get("parentId").asLong());
			}
		});
		Set<String> subtree = new HashSet<>();
		for (Long id : codes.keySet()) {
			for (Long u = id; u != null; u = parents.get(u)) {
				if (codes.get(u).equals(rootCode)) {
					subtree.add(codes.get(id));
					break;
				}
			}
		}
		return subtree;
	}

	@Test
	void repSeesOnlyTheirOwnRecordAndUnit() {
		JsonNode page = api.get("/api/v1/staff", "rep").json();
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
		assertThat(page.get("content").get(0).get("lastName").asString()).isEqualTo("García Martín");
		long teammate = staffByName(api, "Pablo Romero").get("id").asLong();
		assertThat(api.get("/api/v1/staff/" + teammate, "rep").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/staff/me", "rep").json().get("unitCode").asString()).isEqualTo("E-MAD-NOR");
		JsonNode units = api.get("/api/v1/org-units", "rep").json();
		assertThat(units.get("content")).extracting(u -> u.get("code").asString()).containsExactly("E-MAD-NOR");
	}

	@Test
	void managerIsDerivedFromTheUnit() {
		JsonNode lucia = staffByName(api, "Lucía García");
		assertThat(lucia.get("managerName").asString()).isEqualTo("Raúl Gómez Herrero");
		JsonNode leader = staffByName(api, "Raúl Gómez");
		assertThat(leader.get("managerName").asString()).as("a unit's own manager reports one level up")
			.isEqualTo("Beatriz Sánchez Ortega");
	}

	// ---- writing, by role

	@ParameterizedTest
	@CsvSource({ "admin, 201", "director, 201", "people, 403", "manager, 403", "rep, 403", "viewer, 403", "finance, 403" })
	void onlyDirectorsAndAdministratorsCreateUnits(String user, int status) {
		Api.Response answer = api.post("/api/v1/org-units", user, unitBody(unique("T"), unitId(api, "S-MAD")));
		assertThat(answer.status()).isEqualTo(status);
	}

	@ParameterizedTest
	@CsvSource({ "admin, 201", "director, 201", "people, 201", "manager, 201", "rep, 403", "viewer, 403", "finance, 403" })
	void staffIsCreatedByEditorsWithinTheirScope(String user, int status) {
		Api.Response answer = api.post("/api/v1/staff", user, staffBody(unique("N"), unitId(api, "E-MAD-SUR")));
		assertThat(answer.status()).isEqualTo(status);
		if (status == 201) {
			assertThat(answer.json().get("unitCode").asString()).isEqualTo("E-MAD-SUR");
			assertThat(answer.json().get("version").asLong()).isZero();
		}
	}

	@ParameterizedTest
	@CsvSource({ "admin, 200, 204", "director, 200, 204", "people, 403, 403", "manager, 403, 403", "rep, 404, 404",
			"viewer, 403, 403", "finance, 403, 403" })
	void onlyDirectorsAndAdministratorsChangeOrArchiveUnits(String user, int update, int archive) {
		JsonNode unit = api.post("/api/v1/org-units", "admin", unitBody(unique("W"), unitId(api, "S-MAD"))).json();
		long id = unit.get("id").asLong();
		Map<String, Object> body = Api.mapper().convertValue(unit, Map.class);
		body.put("name", "Changed by " + user);
		assertThat(api.put("/api/v1/org-units/" + id, user, body).status()).isEqualTo(update);
		assertThat(api.delete("/api/v1/org-units/" + id, user).status()).isEqualTo(archive);
	}

	@ParameterizedTest
	@CsvSource({ "admin, 200", "director, 200", "viewer, 200", "people, 200", "finance, 200", "manager, 200", "rep, 200" })
	void everyRoleReadsTheChartAndVacanciesOfItsScope(String user, int status) {
		Api.Response chart = api.get("/api/v1/org-units/chart", user);
		assertThat(chart.status()).isEqualTo(status);
		String expectedRoot = switch (user) {
			case "manager" -> "R-CENTRO";
			case "rep" -> "E-MAD-NOR";
			default -> "ALBA";
		};
		assertThat(chart.json().get(0).get("code").asString()).isEqualTo(expectedRoot);
		assertThat(api.get("/api/v1/org-units/vacancies", user).status()).isEqualTo(status);
		assertThat(api.get("/api/v1/org-units/vacancies", user, Map.of("Accept", "text/csv")).body())
			.startsWith("\uFEFFunitId,unitName,jobRole");
	}

	@Test
	void managerCannotPlaceSomeoneOutsideTheirRegion() {
		Api.Response answer = api.post("/api/v1/staff", "manager", staffBody(unique("N"), unitId(api, "E-OVI")));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("unitId");
	}

	@Test
	void managerEditsTheirPeopleButNotOthers() {
		JsonNode sara = staffByName(api, "Sara Delgado");
		Map<String, Object> body = Api.mapper().convertValue(sara, Map.class);
		body.put("phone", "+34 600 000 111");
		Api.Response saved = api.put("/api/v1/staff/" + sara.get("id").asLong(), "manager", body);
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("phone").asString()).isEqualTo("+34 600 000 111");
		assertThat(saved.json().get("version").asLong()).isEqualTo(sara.get("version").asLong() + 1);

		JsonNode mikel = staffByName(api, "Mikel Ibarra");
		Map<String, Object> other = Api.mapper().convertValue(mikel, Map.class);
		assertThat(api.put("/api/v1/staff/" + mikel.get("id").asLong(), "manager", other).status()).isEqualTo(404);
	}

	@Test
	void aManagerCannotEditTheirOwnRecord() {
		JsonNode self = api.get("/api/v1/staff/me", "manager").json();
		Map<String, Object> body = Api.mapper().convertValue(self, Map.class);
		body.put("jobRole", "SALES_DIRECTOR");
		assertThat(api.put("/api/v1/staff/" + self.get("id").asLong(), "manager", body).status()).isEqualTo(403);
	}

	@ParameterizedTest
	@CsvSource({ "rep", "viewer", "finance" })
	void readersCannotEditPeopleTheyCanSee(String user) {
		long id = user.equals("rep") ? staffByName(api, "Lucía García").get("id").asLong()
				: staffByName(api, "Hugo Serrano").get("id").asLong();
		JsonNode person = api.get("/api/v1/staff/" + id, "admin").json();
		assertThat(api.put("/api/v1/staff/" + id, user, Api.mapper().convertValue(person, Map.class)).status())
			.isEqualTo(403);
		assertThat(api.delete("/api/v1/staff/" + id, user).status()).isEqualTo(403);
	}

	@Test
	void staleVersionAnswers409WithTheCurrentStateAndChangesNothing() {
		Api.Response created = api.post("/api/v1/staff", "admin", staffBody(unique("V"), unitId(api, "E-VLL")));
		JsonNode first = created.json();
		long id = first.get("id").asLong();
		Map<String, Object> edit = Api.mapper().convertValue(first, Map.class);
		edit.put("phone", "+34 611 111 111");
		assertThat(api.put("/api/v1/staff/" + id, "admin", edit).status()).isEqualTo(200);

		Map<String, Object> stale = Api.mapper().convertValue(first, Map.class);
		stale.put("phone", "+34 622 222 222");
		Api.Response conflict = api.put("/api/v1/staff/" + id, "admin", stale);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.contentType()).startsWith("application/problem+json");
		assertThat(conflict.json().get("current").get("version").asLong()).isEqualTo(1);
		assertThat(conflict.json().get("current").get("phone").asString()).isEqualTo("+34 611 111 111");
		assertThat(api.get("/api/v1/staff/" + id, "admin").json().get("phone").asString()).isEqualTo("+34 611 111 111");
	}

	@Test
	void unitsKeepVersionsToo() {
		JsonNode unit = api.post("/api/v1/org-units", "director", unitBody(unique("U"), unitId(api, "S-SVQ"))).json();
		Map<String, Object> body = Api.mapper().convertValue(unit, Map.class);
		body.put("name", "Renamed");
		assertThat(api.put("/api/v1/org-units/" + unit.get("id").asLong(), "director", body).status()).isEqualTo(200);
		body.put("name", "Renamed again from a stale copy");
		Api.Response stale = api.put("/api/v1/org-units/" + unit.get("id").asLong(), "director", body);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("current").get("name").asString()).isEqualTo("Renamed");
	}

	@Test
	void unitsWithMembersAreNotArchivedButEmptyOnesAre() {
		Api.Response busy = api.delete("/api/v1/org-units/" + unitId(api, "E-AGP"), "admin");
		assertThat(busy.status()).isEqualTo(409);
		assertThat(busy.contentType()).startsWith("application/problem+json");
		long empty = api.post("/api/v1/org-units", "admin", unitBody(unique("E"), unitId(api, "S-AGP"))).json()
			.get("id")
			.asLong();
		assertThat(api.delete("/api/v1/org-units/" + empty, "admin").status()).isEqualTo(204);
		assertThat(api.get("/api/v1/org-units/" + empty, "admin").json().get("archived").asBoolean()).isTrue();
		Api.Response again = api.delete("/api/v1/org-units/" + empty, "admin");
		assertThat(again.status()).as("archived once, on the date recorded").isEqualTo(409);
		assertThat(again.json().get("detail").asString()).isEqualTo("The unit is already archived.");
	}

	@Test
	void aUnitCannotMoveBelowItself() {
		long region = unitId(api, "R-SUR");
		JsonNode unit = api.get("/api/v1/org-units/" + region, "admin").json();
		Map<String, Object> body = Api.mapper().convertValue(unit, Map.class);
		body.put("parentId", unitId(api, "E-AGP"));
		Api.Response answer = api.put("/api/v1/org-units/" + region, "admin", body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
	}

	@Test
	void archivingAPersonKeepsThemOutOfListsButInHistory() {
		long id = api.post("/api/v1/staff", "manager", staffBody(unique("A"), unitId(api, "E-MAD-SUR"))).json()
			.get("id")
			.asLong();
		assertThat(api.delete("/api/v1/staff/" + id, "manager").status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/staff/" + id, "manager").status()).as("a person leaves once").isEqualTo(409);
		JsonNode archived = api.get("/api/v1/staff/" + id, "admin").json();
		assertThat(archived.get("archived").asBoolean()).isTrue();
		assertThat(archived.get("status").asString()).isEqualTo("LEFT");
		JsonNode listed = api.get("/api/v1/staff?unitId=" + unitId(api, "E-MAD-SUR") + "&size=200", "admin").json();
		assertThat(listed.get("content")).noneMatch(p -> p.get("id").asLong() == id);
	}

	// ---- people picker

	@ParameterizedTest
	@CsvSource({ "rep", "manager", "director" })
	void thePickerOffersTheActivePeopleTheCallerSees(String user) {
		JsonNode options = api.get("/api/v1/staff/options?size=500", user).json();
		JsonNode visible = api.get("/api/v1/staff?status=ACTIVE&size=500", user).json();
		assertThat(options.get("page").get("totalElements").asLong())
			.isEqualTo(visible.get("page").get("totalElements").asLong());
		assertThat(options.get("content")).extracting(o -> o.get("id").asLong())
			.containsExactlyInAnyOrderElementsOf(visible.get("content").valueStream().map(p -> p.get("id").asLong())
				.toList());
	}

	@Test
	void aSalespersonPicksOnlyThemselvesAManagerTheirRegionADirectorEveryone() {
		long me = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		JsonNode rep = api.get("/api/v1/staff/options", "rep").json();
		assertThat(rep.get("content")).extracting(o -> o.get("id").asLong()).containsExactly(me);
		JsonNode manager = api.get("/api/v1/staff/options?size=500", "manager").json();
		assertThat(manager.get("content")).extracting(o -> o.get("unitName").asString()).isNotEmpty();
		assertThat(manager.get("content")).extracting(o -> o.get("id").asLong()).contains(me)
			.doesNotContain(staffByName(api, "Ane Goñi").get("id").asLong());
		JsonNode director = api.get("/api/v1/staff/options?size=500", "director").json();
		assertThat(director.get("content")).extracting(o -> o.get("id").asLong())
			.contains(me, staffByName(api, "Ane Goñi").get("id").asLong());
		assertThat(director.get("page").get("totalElements").asLong())
			.isGreaterThan(manager.get("page").get("totalElements").asLong());
	}

	@Test
	void thePickerNarrowsByNameAndPages() {
		JsonNode found = api.get("/api/v1/staff/options?q=ane%20go", "director").json();
		assertThat(found.get("content")).extracting(o -> o.get("id").asLong())
			.containsExactly(staffByName(api, "Ane Goñi").get("id").asLong());
		JsonNode first = api.get("/api/v1/staff/options?size=2&page=0", "director").json();
		JsonNode second = api.get("/api/v1/staff/options?size=2&page=1", "director").json();
		assertThat(first.get("content")).hasSize(2);
		assertThat(first.get("page").get("totalPages").asInt()).isGreaterThan(1);
		assertThat(second.get("content").get(0).get("id").asLong())
			.isNotIn(first.get("content").get(0).get("id").asLong(), first.get("content").get(1).get("id").asLong());
	}

	// ---- lists: paging, filters, sorting, CSV

	@Test
	void listsPageFilterAndSort() {
		JsonNode page = api.get("/api/v1/staff?size=5&page=1&sort=hireDate,desc&jobRole=SALESPERSON", "admin").json();
		assertThat(page.get("page").get("number").asInt()).isEqualTo(1);
		assertThat(page.get("page").get("size").asInt()).isEqualTo(5);
		assertThat(page.get("content")).hasSize(5).allSatisfy(p -> assertThat(p.get("jobRole").asString()).isEqualTo("SALESPERSON"));
		List<String> dates = page.get("content").valueStream().map(p -> p.get("hireDate").asString()).toList();
		assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		long norte = unitId(api, "R-NORTE");
		JsonNode region = api.get("/api/v1/staff?unitId=" + norte + "&size=100", "admin").json();
		// The region's subtree as it stands (the demo's branches and teams, and what the demo or other tests add under
		// them, such as an agent): a unit filter answers the people of the unit and of the units below it.
		java.util.Set<String> subtree = new java.util.HashSet<>(List.of("R-NORTE"));
		api.get("/api/v1/org-units?under=" + norte + "&size=100", "admin").json().get("content")
			.forEach(u -> subtree.add(u.get("code").asString()));
		assertThat(subtree).contains("S-BIO", "S-OVI", "E-BIO-IND", "E-BIO-RET", "E-OVI").doesNotContain("R-CENTRO");
		assertThat(region.get("content")).isNotEmpty().allSatisfy(p -> assertThat(p.get("unitCode").asString())
			.isIn(subtree));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "sort=salary", "sort=lastName;DROP TABLE org_staff", "sort=lastName,sideways",
			"size=100000", "page=-1", "jobRole=PILOT", "unitId=abc" })
	void badListParametersAreRejectedWithProblemDetails(String query) {
		Api.Response answer = api.get("/api/v1/staff?" + query.replace(" ", "%20").replace(";", "%3B"), "admin");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("errors")).isNotEmpty();
	}

	@Test
	void csvExportFollowsTheFiltersAndNeutralisesFormulas() {
		Map<String, Object> body = staffBody(unique("F"), unitId(api, "E-OVI"));
		body.put("firstName", "=HYPERLINK(\"http://evil\")");
		assertThat(api.post("/api/v1/staff", "admin", body).status()).isEqualTo(201);
		Api.Response csv = api.get("/api/v1/staff?unitId=" + unitId(api, "E-OVI"), "admin", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		// The API's export is the staff import's file: units by code.
		assertThat(csv.body()).contains("employee_number,first_name,last_name").contains("'=HYPERLINK").contains("E-OVI")
			.doesNotContain("E-MAD");
		Api.Response units = api.get("/api/v1/org-units", "manager", Map.of("Accept", "text/csv"));
		assertThat(units.body()).contains("R-CENTRO").doesNotContain("R-NORTE");
		Api.Response xlsx = api.get("/api/v1/staff?unitId=" + unitId(api, "E-OVI"), "admin",
				Map.of("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	// ---- validation, localised

	@Test
	void validationErrorsNameEachFieldInTheCallersLanguage() {
		Map<String, Object> body = staffBody(unique("X"), unitId(api, "E-VLL"));
		body.put("firstName", " ");
		body.put("qualificationLevel", 9);
		body.put("email", "not-an-email");
		Api.Response english = api.send("POST", "/api/v1/staff", api.token("admin"), body,
				Map.of("Accept-Language", "en"));
		assertThat(english.status()).isEqualTo(400);
		assertThat(english.json().get("errors")).extracting(e -> e.get("field").asString())
			.contains("firstName", "qualificationLevel", "email");
		assertThat(english.body()).contains("must not be blank");
		Api.Response spanish = api.send("POST", "/api/v1/staff", api.token("admin"), body,
				Map.of("Accept-Language", "es-ES,es;q=0.9"));
		assertThat(spanish.body()).contains("no puede estar vacío");
		assertThat(spanish.json().get("title").asString()).isEqualTo("Datos no válidos");
	}

	@Test
	void duplicateEmployeeNumbersAreRefused() {
		String number = unique("D");
		assertThat(api.post("/api/v1/staff", "admin", staffBody(number, unitId(api, "E-VLL"))).status()).isEqualTo(201);
		Api.Response again = api.post("/api/v1/staff", "admin", staffBody(number, unitId(api, "E-VLL")));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("employeeNumber");
	}

	@Test
	void aPersonIsLinkedToAtMostOneUserAccount() {
		long repUser = api.get("/api/v1/users/me", "rep").json().get("id").asLong();
		Map<String, Object> body = staffBody(unique("L"), unitId(api, "E-VLL"));
		body.put("userId", repUser);
		Api.Response taken = api.post("/api/v1/staff", "admin", body);
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
		body.put("userId", 999_999);
		assertThat(api.post("/api/v1/staff", "admin", body).json().get("errors").get(0).get("field").asString())
			.isEqualTo("userId");
	}

	@Test
	void positionsCountVacancies() {
		long team = unitId(api, "E-MAD-SUR");
		Api.Response planned = api.put("/api/v1/org-units/" + team + "/positions", "manager",
				Map.of("jobRole", "KEY_ACCOUNT_MANAGER", "plannedHeadcount", 2));
		assertThat(planned.status()).isEqualTo(200);
		assertThat(planned.json().get("filled").asInt()).isZero();
		JsonNode vacancies = api.get("/api/v1/org-units/vacancies", "manager").json();
		assertThat(vacancies).anySatisfy(v -> {
			assertThat(v.get("unitId").asLong()).isEqualTo(team);
			assertThat(v.get("jobRole").asString()).isEqualTo("KEY_ACCOUNT_MANAGER");
		});
		assertThat(api.put("/api/v1/org-units/" + unitId(api, "E-OVI") + "/positions", "manager",
				Map.of("jobRole", "SALESPERSON", "plannedHeadcount", 9)).status()).isEqualTo(404);
		assertThat(api.put("/api/v1/org-units/" + team + "/positions", "rep",
				Map.of("jobRole", "SALESPERSON", "plannedHeadcount", 9)).status()).isEqualTo(404);
	}
}
