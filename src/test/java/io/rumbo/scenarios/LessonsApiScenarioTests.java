package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * Lessons and success cases over real HTTP with each role's token on the demo company (decision 0032): the demo rep
 * (Equipo Madrid Norte, Región Centro) writes a lesson; her teammate and another region's people get 404, her team's
 * leader and the region's manager see it; the region's manager promotes it to Región Centro, after which a rep of
 * another team of the region sees it, marks it useful once, and Región Sur still gets 404. The author can no longer
 * edit it (409); a viewer writes nothing (403). The library finds it by words without accents in any order and by
 * its filters; a won deal at or above the threshold asks its owner for one retrospective, below it none.
 */
@RumboIntegrationTest
class LessonsApiScenarioTests extends ApiTestSupport {

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
	void aLessonIsSeenInScopeAndASharedCaseByItsRegion() throws Exception {
		String code = unique("Lección");
		Api.Response created = api.post("/api/v1/lessons", "rep", lesson(code + " negociación difícil", "FAILED",
				List.of("Precio", code.toLowerCase())));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode lesson = created.json();
		long id = lesson.get("id").asLong();
		String url = "/api/v1/lessons/" + id;
		assertThat(lesson.get("status").asString()).isEqualTo("DRAFT");
		assertThat(lesson.get("authorName").asString()).isEqualTo("Lucía García Martín");
		assertThat(lesson.get("tags").valueStream().map(JsonNode::asString).toList()).contains("precio");

		assertThat(api.get(url, "rep").status()).isEqualTo(200);
		assertThat(api.get(url, "pablo.romero").status()).as("a teammate").isEqualTo(404);
		assertThat(api.get(url, "diego.ruiz").status()).as("another team of the region, before sharing").isEqualTo(404);
		assertThat(api.get(url, "raul.gomez").status()).as("her team's leader").isEqualTo(200);
		assertThat(api.get(url, "manager").status()).as("her region's manager").isEqualTo(200);
		assertThat(api.get(url, "director").status()).isEqualTo(200);
		assertThat(api.get(url, "antonio.vega").status()).as("another region").isEqualTo(404);
		assertThat(api.post("/api/v1/lessons", "viewer", lesson(code, "WORKED", List.of())).status()).isEqualTo(403);

		Map<String, Object> version = Map.of("version", lesson.get("version").asLong(), "unitId",
				unitId(api, "R-CENTRO"));
		assertThat(api.post(url + "/promote", "rep", version).status()).as("the author does not promote")
			.isEqualTo(403);
		assertThat(api.post(url + "/promote", "pablo.romero", version).status()).isEqualTo(404);
		Api.Response tooWide = api.post(url + "/promote", "raul.gomez",
				Map.of("version", lesson.get("version").asLong(), "unitId", unitId(api, "R-CENTRO")));
		assertThat(tooWide.status()).as("a team leader shares within their team only").isEqualTo(400);
		assertThat(tooWide.json().get("errors").get(0).get("field").asString()).isEqualTo("unitId");
		Api.Response promoted = api.post(url + "/promote", "manager", version);
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
		assertThat(promoted.json().get("status").asString()).isEqualTo("SHARED");
		assertThat(promoted.json().get("sharedUnitName").asString()).isEqualTo("Región Centro");
		assertThat(api.post(url + "/promote", "manager", version).status()).as("stale").isEqualTo(409);

		// The region's people are told once; the one who shared it and other regions are not.
		String link = "/lessons/" + id;
		eventually(() -> notified("diego.ruiz", link) > 0 ? Boolean.TRUE : null);
		assertThat(notified("diego.ruiz", link)).isEqualTo(1);
		assertThat(notified("rep", link)).as("the author, in the region").isEqualTo(1);
		assertThat(notified("manager", link)).as("who shared it").isZero();
		assertThat(notified("antonio.vega", link)).isZero();
		assertThat(api.get(url, "diego.ruiz").status()).as("shared with his region").isEqualTo(200);
		assertThat(api.get(url, "pablo.romero").status()).isEqualTo(200);
		assertThat(api.get(url, "antonio.vega").status()).as("still another region").isEqualTo(404);
		assertThat(api.get("/api/v1/lessons?cases=true&size=500", "antonio.vega").body()).doesNotContain(code);

		JsonNode marked = api.post(url + "/useful", "diego.ruiz", Map.of()).json();
		assertThat(marked.get("usefulCount").asInt()).isEqualTo(1);
		assertThat(marked.get("markedUseful").asBoolean()).isTrue();
		assertThat(marked.get("version").asLong()).as("a useful mark leaves the version")
			.isEqualTo(promoted.json().get("version").asLong());
		assertThat(api.post(url + "/useful", "pablo.romero", Map.of()).json().get("usefulCount").asInt()).isEqualTo(2);
		JsonNode unmarked = api.post(url + "/useful", "diego.ruiz", Map.of()).json();
		assertThat(unmarked.get("usefulCount").asInt()).as("one mark a person, taken back").isEqualTo(1);
		assertThat(api.post(url + "/useful", "antonio.vega", Map.of()).status()).isEqualTo(404);

		Map<String, Object> edit = lesson(code + " otra", "FAILED", List.of());
		edit.put("version", promoted.json().get("version").asLong());
		assertThat(api.put(url, "rep", edit).status()).as("promoted: no longer edited").isEqualTo(409);

		JsonNode archived = api.post(url + "/archive", "manager", Map.of("version",
				api.get(url, "manager").json().get("version").asLong())).json();
		assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
		assertThat(api.get(url, "diego.ruiz").status()).as("unshared").isEqualTo(404);
		assertThat(api.get(url, "rep").status()).as("still the author's").isEqualTo(200);
		assertThat(jdbc.sql("SELECT action FROM identity_audit_event WHERE entity_type = 'LESSON' AND entity_id = :id "
				+ "ORDER BY id").param("id", Long.toString(id)).query(String.class).list())
			.containsExactly("CREATE", "SHARE", "ARCHIVE");
	}

	@Test
	void aCaseSharedWithTheWholeCompanyReachesRegionManagersAndTeamLeaders() {
		String code = unique("casoempresa");
		Api.Response created = api.post("/api/v1/lessons", "director", lesson(code, "WORKED", List.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		String url = "/api/v1/lessons/" + id;
		Api.Response draftMark = api.post(url + "/useful", "director", Map.of());
		assertThat(draftMark.status()).as("only shared cases are marked useful").isEqualTo(409);
		Api.Response shared = api.post(url + "/promote", "director",
				Map.of("version", created.json().get("version").asLong(), "unitId", unitId(api, "ALBA")));
		assertThat(shared.status()).as(shared.body()).isEqualTo(200);
		long version = shared.json().get("version").asLong();
		for (String reader : List.of("manager", "raul.gomez", "rep", "antonio.vega")) {
			assertThat(api.get(url, reader).status()).as(reader).isEqualTo(200);
			assertThat(ids(api.get("/api/v1/lessons?cases=true&q=" + code, reader))).as(reader).containsExactly(id);
		}
		assertThat(api.post(url + "/useful", "manager", Map.of()).json().get("usefulCount").asInt()).isEqualTo(1);
		JsonNode second = api.post(url + "/useful", "raul.gomez", Map.of()).json();
		assertThat(second.get("usefulCount").asInt()).isEqualTo(2);
		assertThat(second.get("version").asLong()).as("marks never move the version").isEqualTo(version);
	}

	@Test
	void theAuthorEditsADraftAndLinksAreCheckedInTheirScope() {
		String code = unique("Edición");
		JsonNode lesson = api.post("/api/v1/lessons", "rep", lesson(code, "WORKED", List.of())).json();
		String url = "/api/v1/lessons/" + lesson.get("id").asLong();
		Map<String, Object> edit = lesson(code + " revisada", "MIXED", List.of("visitas"));
		edit.put("version", lesson.get("version").asLong());
		assertThat(api.put(url, "manager", edit).status()).as("only the author").isEqualTo(403);
		JsonNode edited = api.put(url, "rep", edit).json();
		assertThat(edited.get("title").asString()).isEqualTo(code + " revisada");
		assertThat(api.put(url, "rep", edit).status()).as("stale").isEqualTo(409);

		long someoneElses = jdbcOpportunityOutsideRep();
		Map<String, Object> outside = lesson(code, "WORKED", List.of());
		outside.put("opportunityId", someoneElses);
		outside.put("productLineId", 999_999_999L);
		Api.Response refused = api.send("POST", "/api/v1/lessons", api.token("rep"), outside,
				Map.of("Accept-Language", "en"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("opportunityId", "productLineId");
		Map<String, Object> blank = new LinkedHashMap<>();
		Api.Response missing = api.post("/api/v1/lessons", "rep", blank);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.contains("title", "whatHappened", "why", "outcome");
	}

	@Test
	void theLibraryFindsWordsWithoutAccentsInAnyOrderAndFilters() {
		String code = unique("Búsqueda");
		String tag = unique("etiqueta");
		Map<String, Object> body = lesson(code + " Renovación en Málaga", "WORKED", List.of(tag));
		body.put("segment", "PUBLIC_SECTOR");
		long id = api.post("/api/v1/lessons", "rep", body).json().get("id").asLong();
		String word = code.toLowerCase().replace("ú", "u");
		assertThat(ids(api.get("/api/v1/lessons?q=malaga%20" + word + "&size=50", "rep"))).contains(id);
		assertThat(ids(api.get("/api/v1/lessons?q=" + word + "%20RENOVACION&size=50", "rep"))).contains(id);
		assertThat(ids(api.get("/api/v1/lessons?q=" + word + "%20sevilla&size=50", "rep"))).doesNotContain(id);
		assertThat(ids(api.get("/api/v1/lessons?q=" + word + "&segment=PUBLIC_SECTOR&outcome=WORKED", "rep")))
			.containsExactly(id);
		assertThat(ids(api.get("/api/v1/lessons?q=" + word + "&outcome=FAILED", "rep"))).isEmpty();
		assertThat(ids(api.get("/api/v1/lessons?q=" + word + "&segment=ENTERPRISE", "rep"))).isEmpty();
		assertThat(ids(api.get("/api/v1/lessons?tag=" + tag.toUpperCase(), "rep")))
			.containsExactly(id);
		String today = LocalDate.now().toString();
		assertThat(ids(api.get("/api/v1/lessons?q=" + word + "&from=2000-01-01&to=2000-12-31", "rep"))).isEmpty();
		assertThat(ids(api.get("/api/v1/lessons?q=" + word + "&from=" + LocalDate.now().minusDays(1) + "&to="
				+ LocalDate.now().plusDays(1), "rep"))).as(today).containsExactly(id);
		Api.Response csv = api.get("/api/v1/lessons?q=" + word, "rep", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains(code + " Renovación en Málaga");
		assertThat(api.get("/api/v1/lessons?q=" + word, "pablo.romero").json().get("content")).isEmpty();
	}

	@Test
	void aDealWonAtOrAboveTheThresholdAsksItsOwnerForOneRetrospective() throws Exception {
		JsonNode settings = api.get("/api/v1/lessons/settings", "rep").json();
		assertThat(settings.get("threshold").decimalValue()).isPositive();
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0)
			.get("id").asLong();
		String above = settings.get("threshold").decimalValue().add(java.math.BigDecimal.TEN).toPlainString();
		long big = opportunity(customer, above);
		long small = opportunity(customer, "1");
		api.post("/api/v1/opportunities/" + small + "/stage", "rep", Map.of("stage", "WON"));
		Api.Response won = api.post("/api/v1/opportunities/" + big + "/stage", "rep", Map.of("stage", "WON"));
		assertThat(won.status()).as(won.body()).isEqualTo(200);
		long task = eventually(() -> jdbc.sql("SELECT task_id FROM lessons_retrospective WHERE opportunity_id = :o")
			.param("o", big).query(Long.class).optional().orElse(null));
		JsonNode taskView = api.get("/api/v1/tasks/" + task, "rep").json();
		assertThat(taskView.get("link").asString()).isEqualTo("/lessons/retrospectives/new?opportunity=" + big);
		String dealTitle = api.get("/api/v1/opportunities/" + big, "rep").json().get("title").asString();
		assertThat(taskView.get("title").asString()).as("the deal's title in the owner's (or the company's) language")
			.endsWith(" " + dealTitle)
			.satisfiesAnyOf(t -> assertThat(t).startsWith("Escribir la retrospectiva de la oportunidad ganada"),
					t -> assertThat(t).startsWith("Write the retrospective of the won opportunity"));
		assertThat(taskView.get("done").asBoolean()).isFalse();
		// Reopened and won again: still one retrospective.
		api.post("/api/v1/opportunities/" + big + "/stage", "rep", Map.of("stage", "PROPOSAL"));
		api.post("/api/v1/opportunities/" + big + "/stage", "rep", Map.of("stage", "WON"));
		Thread.sleep(500);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lessons_retrospective WHERE opportunity_id IN (:o)")
			.param("o", List.of(big, small)).query(Long.class).single()).isEqualTo(1);

		assertThat(api.post("/api/v1/lessons/retrospectives/" + big, "pablo.romero",
				lesson("Otra", null, List.of())).status()).isEqualTo(404);
		Api.Response written = api.post("/api/v1/lessons/retrospectives/" + big, "rep",
				lesson("Cerrada con visita técnica", null, List.of("demo-técnica")));
		assertThat(written.status()).as(written.body()).isEqualTo(201);
		assertThat(written.json().get("outcome").asString()).as("a won deal worked").isEqualTo("WORKED");
		assertThat(written.json().get("opportunityId").asLong()).isEqualTo(big);
		assertThat(written.json().get("customerId").asLong()).isEqualTo(customer);
		assertThat(api.get("/api/v1/tasks/" + task, "rep").json().get("done").asBoolean()).isTrue();
		assertThat(api.post("/api/v1/lessons/retrospectives/" + big, "rep", lesson("Otra", null, List.of())).status())
			.as("written once").isEqualTo(409);
	}

	@Test
	void onlyAdminsAndDirectorsChangeTheThreshold() {
		JsonNode settings = api.get("/api/v1/lessons/settings", "director").json();
		Map<String, Object> same = Map.of("version", settings.get("version").asLong(), "threshold",
				settings.get("threshold").decimalValue());
		assertThat(api.put("/api/v1/lessons/settings", "manager", same).status()).isEqualTo(403);
		assertThat(api.put("/api/v1/lessons/settings", "rep", same).status()).isEqualTo(403);
		Api.Response negative = api.put("/api/v1/lessons/settings", "director",
				Map.of("version", settings.get("version").asLong(), "threshold", -1));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("threshold");
		JsonNode changed = api.put("/api/v1/lessons/settings", "director", same).json();
		assertThat(changed.get("version").asLong()).isEqualTo(settings.get("version").asLong() + 1);
		assertThat(changed.get("threshold").decimalValue()).isEqualByComparingTo(settings.get("threshold").decimalValue());
		assertThat(api.put("/api/v1/lessons/settings", "director", same).status()).as("stale").isEqualTo(409);
	}

	private long opportunity(long customer, String amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", unique("Retro"));
		body.put("amount", amount);
		body.put("expectedClose", LocalDate.now().plusMonths(2).toString());
		Api.Response created = api.post("/api/v1/opportunities", "rep", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long jdbcOpportunityOutsideRep() {
		long rep = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		return jdbc.sql("SELECT MIN(id) FROM sales_opportunity WHERE owner_staff_id <> :rep").param("rep", rep)
			.query(Long.class).single();
	}

	private long notified(String user, String link) {
		return api.get("/api/v1/notifications?size=500", user).json().get("content").valueStream()
			.filter(n -> n.get("kind").asString().equals("SUCCESS_CASE_SHARED") && n.get("link").asString().equals(link))
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

	static Map<String, Object> lesson(String title, String outcome, List<String> tags) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("whatHappened", "El cliente pidió una segunda oferta tras la visita.");
		body.put("why", "No preparamos el caso de negocio con su director financiero.");
		body.put("advice", "Llevar el cálculo de retorno a la primera reunión.");
		if (outcome != null) {
			body.put("outcome", outcome);
		}
		body.put("language", "es");
		body.put("tags", tags);
		return body;
	}

	private static List<Long> ids(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("content").valueStream().map(n -> n.get("id").asLong()).toList();
	}
}
