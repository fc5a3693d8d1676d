package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Channel terms over real HTTP (decision 0042): territories named by reference to the active territory model, a
 * reference to a territory of a model since replaced kept and shown as such until the director picks again, and the
 * channel list filtered, sorted, paged and counted in SQL within the reader's scope. Every channel here is the test's
 * own, found by a word of its name.
 */
@RumboIntegrationTest
class ChannelTerritoriesScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private long channel(String kind, String code, String name, String region) {
		Map<String, Object> body = unitBody(code, unitId(api, region));
		body.put("kind", kind);
		body.put("name", name);
		Api.Response unit = api.post("/api/v1/org-units", "admin", body);
		assertThat(unit.status()).as(unit.body()).isEqualTo(201);
		return unit.json().get("id").asLong();
	}

	private static Map<String, Object> terms(long version, String share, List<Long> territories, String note) {
		Map<String, Object> terms = new LinkedHashMap<>();
		terms.put("version", version);
		terms.put("basis", "REVENUE");
		terms.put("sharePercent", new BigDecimal(share));
		terms.put("productLineIds", List.of());
		terms.put("territoryIds", territories);
		terms.put("territoryNote", note);
		return terms;
	}

	/** A territory of a model that is history (replaced), written as the territories module keeps one. */
	private long territoryOfAReplacedModel(String name) {
		jdbc.sql("""
				INSERT INTO territories_model (name, status, created_by, created_at, effective_from, effective_to,
				    version) VALUES (:name, 'HISTORY', 'test', :now, DATE '2020-01-01', DATE '2020-12-31', 1)""")
			.param("name", "Modelo " + name)
			.param("now", OffsetDateTime.now())
			.update();
		long model = jdbc.sql("SELECT id FROM territories_model WHERE name = :name")
			.param("name", "Modelo " + name)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO territories_territory (model_id, code, name, assignee_unit_id, rank_no, version)
				VALUES (:model, 'OLD', :name, :unit, 0, 1)""")
			.param("model", model)
			.param("name", name)
			.param("unit", unitId(api, "R-CENTRO"))
			.update();
		return jdbc.sql("SELECT id FROM territories_territory WHERE model_id = :model")
			.param("model", model)
			.query(Long.class)
			.single();
	}

	@Test
	void termsNameTerritoriesOfTheActiveModelAndKeepThoseOfAReplacedOne() {
		String code = unique("CT");
		long unit = channel("AGENT", code, "Agente " + code, "R-CENTRO");
		JsonNode choices = api.get("/api/v1/sizing/channel-territories", "director").json();
		assertThat(choices.size()).as("the active model's territories").isPositive();
		JsonNode first = choices.get(0);
		long territory = first.get("id").asLong();

		Api.Response saved = api.put("/api/v1/sizing/channels/" + unit, "director",
				terms(0, "6", List.of(territory), "Zona franca del puerto"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		JsonNode named = saved.json().get("territories");
		assertThat(named).hasSize(1);
		assertThat(named.get(0).get("name").asString()).isEqualTo(first.get("name").asString());
		assertThat(named.get(0).get("path").asString()).isEqualTo(first.get("path").asString());
		assertThat(named.get(0).get("current").asBoolean()).isTrue();
		assertThat(saved.json().get("territoryNote").asString()).isEqualTo("Zona franca del puerto");

		// The territory model changes: the terms keep naming a territory of the model now in history.
		String oldName = "Asturias " + code;
		long old = territoryOfAReplacedModel(oldName);
		jdbc.sql("INSERT INTO sizing_channel_territory (unit_id, territory_id) VALUES (:unit, :territory)")
			.param("unit", unit)
			.param("territory", old)
			.update();
		JsonNode read = api.get("/api/v1/sizing/channels/" + unit, "director").json();
		assertThat(read.get("territories").size()).isEqualTo(2);
		JsonNode previous = read.get("territories").get(1);
		assertThat(previous.get("name").asString()).as("after the active model's").isEqualTo(oldName);
		assertThat(previous.get("current").asBoolean()).isFalse();

		// Other changes save with the old reference kept; a channel that never named it may not pick it.
		Api.Response kept = api.put("/api/v1/sizing/channels/" + unit, "director",
				terms(read.get("version").asLong(), "7", List.of(territory, old), null));
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.json().get("territories").size()).isEqualTo(2);
		Api.Response repicked = api.put("/api/v1/sizing/channels/" + unit, "director",
				terms(kept.json().get("version").asLong(), "7", List.of(territory), null));
		assertThat(repicked.json().get("territories").size()).as("the director picked again").isEqualTo(1);

		long other = channel("AGENT", unique("CT"), "Agente nuevo " + code, "R-CENTRO");
		Api.Response refused = api.put("/api/v1/sizing/channels/" + other + "?lang=en", "director",
				terms(0, "5", List.of(old), null));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("territoryIds").contains("active territory model");
		assertThat(api.put("/api/v1/sizing/channels/" + other, "director", terms(0, "5", List.of(-5L), null))
			.status()).as("an unknown territory").isEqualTo(400);
	}

	@Test
	void theListFiltersSortsPagesAndCountsInSqlWithinTheReadersScope() {
		String word = "Zq" + unique("L").replaceAll("[^0-9]", "");
		long none = channel("AGENT", unique("CL"), "Canal " + word + " Uno", "R-CENTRO");
		long five = channel("AGENT", unique("CL"), "Canal " + word + " Dos", "R-CENTRO");
		long nine = channel("DISTRIBUTOR", unique("CL"), "Canal " + word + " Tres", "R-NORTE");
		assertThat(api.put("/api/v1/sizing/channels/" + five, "director", terms(0, "5", List.of(), null)).status())
			.isEqualTo(200);
		assertThat(api.put("/api/v1/sizing/channels/" + nine, "director", terms(0, "9", List.of(), null)).status())
			.isEqualTo(200);
		String base = "/api/v1/sizing/channels?q=" + word;

		assertThat(ids(api.get(base, "director").json())).containsExactly(five, nine, none);
		assertThat(ids(api.get(base + "&withTerms=true&sort=share,desc", "director").json())).containsExactly(nine,
				five);
		assertThat(ids(api.get(base + "&withTerms=false", "director").json())).containsExactly(none);
		assertThat(ids(api.get(base + "&kind=AGENT&sort=share,asc", "director").json())).containsExactly(none, five);
		assertThat(ids(api.get(base + "&sort=kind,desc", "director").json())).containsExactly(nine, five, none);
		JsonNode second = api.get(base + "&sort=share,desc&size=1&page=1", "director").json();
		assertThat(ids(second)).containsExactly(five);
		assertThat(second.get("page").get("totalElements").asLong()).isEqualTo(3);
		JsonNode beyond = api.get(base + "&size=2&page=4", "director").json();
		assertThat(beyond.get("content")).isEmpty();
		assertThat(beyond.get("page").get("totalElements").asLong()).isEqualTo(3);

		JsonNode managers = api.get(base + "&sort=share,desc", "manager").json();
		assertThat(ids(managers)).as("Región Centro's manager: not Región Norte's distributor").containsExactly(five,
				none);
		assertThat(managers.get("page").get("totalElements").asLong()).isEqualTo(2);

		Api.Response csv = api.get(base + "&withTerms=true&sort=share,desc", "director", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		List<String> rows = csv.body().lines().skip(1).filter(l -> !l.isBlank()).toList();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).contains(word + " Tres");
		assertThat(rows.get(1)).contains(word + " Dos");
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new java.util.ArrayList<>();
		page.get("content").forEach(c -> ids.add(c.get("id").asLong()));
		return ids;
	}
}
