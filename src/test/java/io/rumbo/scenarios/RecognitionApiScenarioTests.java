package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Recognition over real HTTP with each role's token, on the demo company: the demo decided three kinds for the last
 * closed quarter and granted one from the evaluation's nomination; a director defines a kind granted by hand, the
 * manager (Región Centro) grants it to the demo rep, who sees it in her team's feed but cannot grant or revoke; an
 * award of someone outside her team is not found for her; revoking keeps the record.
 */
@RumboIntegrationTest
class RecognitionApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void theDemoDecidedItsKindsAndGrantedTheNomination() {
		JsonNode kinds = api.get("/api/v1/recognition/award-kinds", "director").json();
		assertThat(kinds.findValuesAsString("code")).contains("salesperson_of_quarter", "best_margin",
				"new_customer_hunter", "evaluation_recognition");
		JsonNode awards = api.get("/api/v1/recognition/awards?size=100", "director").json();
		assertThat(awards.get("content").findValuesAsString("source")).contains("RULE", "NOMINATION");
		assertThat(awards.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
		JsonNode proposals = api.get("/api/v1/recognition/proposals?status=AWARDED", "director").json();
		assertThat(proposals.get("content").size()).isGreaterThanOrEqualTo(1);
		JsonNode badges = api.get("/api/v1/recognition/badges?size=5", "director").json();
		assertThat(badges.get("page").get("totalElements").asLong()).isPositive();
	}

	@Test
	void theManagerGrantsTheRepSeesHerTeamsFeedAndCannotGrantOrRevoke() {
		JsonNode me = api.get("/api/v1/staff/me", "rep").json();
		long lucia = me.get("id").asLong();
		long team = me.get("unitId").asLong();
		long managerId = api.get("/api/v1/staff/me", "manager").json().get("id").asLong();
		String kind = unique("hand").toLowerCase();
		Map<String, Object> kindBody = new LinkedHashMap<>();
		kindBody.put("code", kind);
		kindBody.put("nameEn", "Team spirit");
		kindBody.put("nameEs", "Espíritu de equipo");
		kindBody.put("basis", "MANUAL");
		kindBody.put("periodKind", "YEAR");
		assertThat(api.post("/api/v1/recognition/award-kinds", "manager", kindBody).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/recognition/award-kinds", "director", kindBody).status()).isEqualTo(201);

		Api.Response refused = api.post("/api/v1/recognition/awards", "rep", grant(lucia, kind, "Yo misma"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).contains("application/problem+json");
		Api.Response granted = api.post("/api/v1/recognition/awards", "manager", grant(lucia, kind, "Ayuda a todos"));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		long award = granted.json().get("id").asLong();
		assertThat(granted.json().get("source").asString()).isEqualTo("MANAGER");
		assertThat(api.post("/api/v1/recognition/awards", "manager", grant(lucia, kind, "Otra vez")).status())
			.isEqualTo(409);
		Api.Response toManager = api.post("/api/v1/recognition/awards", "director", grant(managerId, kind, "Lidera"));
		assertThat(toManager.status()).isEqualTo(201);

		JsonNode feed = api.get("/api/v1/recognition/feed?size=100&kind=" + kind, "rep").json();
		assertThat(feed.get("content").findValuesAsString("citation")).containsExactly("Ayuda a todos");
		for (JsonNode item : api.get("/api/v1/recognition/feed?size=500", "rep").json().get("content")) {
			assertThat(item.get("unitId").asLong() == team || item.get("staffId").asLong() == lucia)
				.as(item.toString()).isTrue();
		}
		assertThat(api.get("/api/v1/recognition/awards/" + toManager.json().get("id").asLong(), "rep").status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/recognition/awards/" + award, "rep").status()).isEqualTo(200);

		long version = api.get("/api/v1/recognition/awards/" + award, "manager").json().get("version").asLong();
		assertThat(api.post("/api/v1/recognition/awards/" + award + "/revocation", "rep",
				Map.of("version", version, "reason", "No")).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/recognition/awards/" + award + "/revocation", "manager",
				Map.of("version", version + 1, "reason", "Tarde")).status()).isEqualTo(409);
		Api.Response revoked = api.post("/api/v1/recognition/awards/" + award + "/revocation", "manager",
				Map.of("version", version, "reason", "Periodo equivocado"));
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.json().get("revokeReason").asString()).isEqualTo("Periodo equivocado");
		assertThat(api.get("/api/v1/recognition/feed?kind=" + kind, "rep").json().get("content").size()).isZero();
		assertThat(api.get("/api/v1/recognition/awards?revoked=true&staffId=" + lucia + "&kind=" + kind, "manager").json().get("content")
			.size()).isEqualTo(1);

		Api.Response csv = api.get("/api/v1/recognition/feed", "manager", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("type,id,on,person");
	}

	@Test
	void theLeaderboardOfAMeasureRanksEveryoneAndAnUnknownMeasureIsNotFound() {
		JsonNode board = api.get("/api/v1/recognition/leaderboards/revenue", "rep").json();
		assertThat(board.get("measure").asString()).isEqualTo("revenue");
		assertThat(board.get("ranked").asInt()).isGreaterThanOrEqualTo(board.get("places").size());
		assertThat(api.get("/api/v1/recognition/leaderboards/nonsense", "rep").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/recognition/feed?period=nonsense", "rep").status()).isEqualTo(200);
	}

	@Test
	void aDirectorChangesAKindAndOneWithAwardsIsArchivedNotDeleted() {
		String code = unique("kind").toLowerCase();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("nameEn", "Best hunter");
		body.put("nameEs", "Mejor cazador");
		body.put("basis", "MEASURE");
		body.put("measure", "new_customers");
		body.put("periodKind", "QUARTER");
		JsonNode kind = api.post("/api/v1/recognition/award-kinds", "director", body).json();
		long id = kind.get("id").asLong();
		long version = kind.get("version").asLong();

		Map<String, Object> change = new LinkedHashMap<>(body);
		change.remove("code");
		change.put("version", version);
		change.put("nameEn", "Best new-customer hunter");
		change.put("minimum", 2);
		assertThat(api.put("/api/v1/recognition/award-kinds/" + id, "manager", change).status()).isEqualTo(403);
		Api.Response changed = api.put("/api/v1/recognition/award-kinds/" + id, "director", change);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("nameEn").asString()).isEqualTo("Best new-customer hunter");
		assertThat(changed.json().get("minimum").decimalValue()).isEqualByComparingTo("2");
		assertThat(changed.json().get("code").asString()).isEqualTo(code);
		assertThat(api.put("/api/v1/recognition/award-kinds/" + id, "director", change).status()).isEqualTo(409);
		// Nothing refers to it: taken out of use, it is deleted.
		assertThat(api.delete("/api/v1/recognition/award-kinds/" + id + "?version=" + (version + 1), "director")
			.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/recognition/award-kinds/" + id, "director").status()).isEqualTo(404);

		// A kind with an award keeps what it ranks by, and is archived instead of deleted, then restored.
		String hand = unique("kept").toLowerCase();
		Map<String, Object> manual = new LinkedHashMap<>();
		manual.put("code", hand);
		manual.put("nameEn", "Kept");
		manual.put("nameEs", "Guardado");
		manual.put("basis", "MANUAL");
		manual.put("periodKind", "YEAR");
		JsonNode kept = api.post("/api/v1/recognition/award-kinds", "director", manual).json();
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		assertThat(api.post("/api/v1/recognition/awards", "director", grant(lucia, hand, "Por todo")).status())
			.isEqualTo(201);
		Map<String, Object> rebased = new LinkedHashMap<>(manual);
		rebased.put("version", kept.get("version").asLong());
		rebased.put("basis", "MEASURE");
		rebased.put("measure", "revenue");
		Api.Response locked = api.put("/api/v1/recognition/award-kinds/" + kept.get("id").asLong(), "director",
				rebased);
		assertThat(locked.status()).isEqualTo(400);
		assertThat(locked.json().get("errors").findValuesAsString("field")).contains("basis");
		Api.Response archived = api.delete("/api/v1/recognition/award-kinds/" + kept.get("id").asLong() + "?version="
				+ kept.get("version").asLong(), "director");
		assertThat(archived.status()).isEqualTo(200);
		assertThat(archived.json().get("active").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/recognition/awards?kind=" + hand, "director").json().get("content").size())
			.isEqualTo(1);
		assertThat(api.post("/api/v1/recognition/awards", "director", grant(lucia, hand, "Otra")).status())
			.isEqualTo(400);
		Api.Response restored = api.post("/api/v1/recognition/award-kinds/" + kept.get("id").asLong()
				+ "/restoration", "director", Map.of("version", archived.json().get("version").asLong()));
		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.json().get("active").asBoolean()).isTrue();
	}

	private static Map<String, Object> grant(long staff, String kind, String citation) {
		return Map.of("staffId", staff, "kind", kind, "period", "FY2025", "citation", citation);
	}
}
