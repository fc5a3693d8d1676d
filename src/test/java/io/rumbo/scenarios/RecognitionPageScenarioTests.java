package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The recognition pages over HTTP with real sessions: the director reads the feed in English and in Spanish with the
 * demo's awards, opens an award to the figures behind it (the metrics records of the person and period), and the
 * rep's profile shows her recognition through organization's extension point.
 */
@RumboIntegrationTest
class RecognitionPageScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Test
	void theFeedOpensEachAwardToTheFiguresBehindIt() {
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		HttpResponse<String> feed = director.get(port, "/recognition?type=award&kind=salesperson_of_quarter&lang=en");
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.body()).contains("Recognition").contains("Salesperson of the quarter")
			.contains("/metrics/records?measure=revenue").contains("id=\"nav-recognition\"");
		long award = new Api(port).get("/api/v1/recognition/awards?kind=salesperson_of_quarter", "director").json()
			.get("content").get(0).get("id").asLong();
		HttpResponse<String> page = director.get(port, "/recognition/awards/" + award + "?lang=en");
		assertThat(page.body()).contains("id=\"award-records\"").contains("The figures behind it");
		HttpResponse<String> spanish = director.get(port, "/recognition?lang=es");
		assertThat(spanish.body()).contains("Muro de reconocimientos").contains("Vendedor del trimestre");
		assertThat(director.get(port, "/recognition/leaderboard?measure=visits&lang=en").body())
			.contains("id=\"measure-board\"").contains("/targets/leaderboard");
		assertThat(director.get(port, "/recognition/kinds?lang=en").body()).contains("Best new-customer hunter");
		String kinds = director.get(port, "/recognition/kinds?lang=es").body();
		assertThat(kinds).as("the kinds table scrolls inside its wrapper at 390 px, its hidden labels too")
			.containsPattern("<div class=\"table-responsive position-relative\">\\s*<table[^>]*id=\"kind-table\"");
		assertThat(kinds).as("decisions taken by the system read in Spanish")
			.contains("automáticamente)").doesNotContain(", system)");
		director.get(port, "/recognition?lang=en");

		long rep = new Api(port).get("/api/v1/staff/me", "rep").json().get("id").asLong();
		WebSession salesperson = new WebSession();
		salesperson.signIn(port, "rep", "demo");
		HttpResponse<String> profile = salesperson.get(port, "/organization/staff/" + rep + "?lang=en");
		assertThat(profile.body()).contains("id=\"profile-recognition\"");
		assertThat(salesperson.get(port, "/recognition/awards/new?lang=en").statusCode()).isEqualTo(403);
		salesperson.get(port, "/recognition?lang=en");
	}

	@Test
	void oneResultReadsInTheSingularAndAwardsOnMoneyShowTheCurrency() {
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		JsonNode award = new Api(port).get("/api/v1/recognition/awards?kind=salesperson_of_quarter", "director").json()
			.get("content").get(0);
		String one = "/recognition?type=award&kind=salesperson_of_quarter&staffId=" + award.get("staffId").asLong()
				+ "&period=" + award.get("period").asString();
		assertThat(director.get(port, one + "&lang=en").body()).contains("id=\"result-count\">1 result<");
		assertThat(director.get(port, one + "&lang=es").body()).contains("id=\"result-count\">1 resultado<");
		assertThat(director.get(port, "/recognition?lang=en").body()).containsPattern("id=\"result-count\">[0-9,]+ results<");

		String english = director.get(port, "/recognition/awards/" + award.get("id").asLong() + "?lang=en").body();
		assertThat(english).containsPattern("id=\"award-value\">€[0-9,]+\\.[0-9]{2}<")
			.contains("the best net revenue of the period");
		String spanish = director.get(port, "/recognition/awards/" + award.get("id").asLong() + "?lang=es").body();
		assertThat(spanish).containsPattern("id=\"award-value\">[0-9.]+,[0-9]{2}\u00a0€<")
			.contains("el mejor resultado de facturación neta del periodo");
		assertThat(director.get(port, one + "&lang=en").body()).containsPattern(">€[0-9,]+\\.[0-9]{2}</span>");
	}

	@Test
	void theFeedExportsWithItsColumnsNamedAndBadgesLabelledWithTheirMilestone() {
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		HttpResponse<String> csv = director.get(port, "/recognition?format=csv&lang=en");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("Day").contains("Citation").contains("Milestone (%)");
		assertThat(director.get(port, "/recognition?format=csv&lang=es").body()).contains("Día").contains("Mención");
		String badges = director.get(port, "/recognition?type=badge&lang=en").body();
		assertThat(badges).containsPattern(">(50|90|100|120) % of quota<").doesNotContain("{0}");
	}

	@Test
	void aDirectorDefinesAKindOnAPageWithErrorsAtTheirFieldsAndNumbersInHerLanguage() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		assertThat(rep.get(port, "/recognition/kinds/new?lang=en").statusCode()).isEqualTo(403);

		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		assertThat(director.get(port, "/recognition/kinds?lang=en").body()).contains("id=\"new-kind\"");
		String form = director.get(port, "/recognition/kinds/new?lang=es").body();
		assertThat(form).contains("id=\"kind-form\"").contains("Nuevo tipo de premio");
		String csrf = WebSession.csrf(form);
		String code = "page_kind_" + System.nanoTime() % 1_000_000;
		Map<String, String> fields = new HashMap<>(Map.of("_csrf", csrf, "code", code, "nameEn", "", "nameEs",
				"Mejor margen del mes", "basis", "MEASURE", "measure", "margin", "periodKind", "MONTH", "minimum",
				"1.500,5"));
		HttpResponse<String> refused = director.postForm(port, "/recognition/kinds/new", fields,
				Map.of("HX-Request", "true"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).startsWith("<form").contains("id=\"nameEn-error\"")
			.containsPattern("id=\"nameEn\"[^>]*is-invalid").doesNotContain("<html");
		assertThat(refused.body()).contains("value=\"1.500,5\"");

		fields.put("nameEn", "Best margin of the month");
		HttpResponse<String> saved = director.postForm(port, "/recognition/kinds/new", fields,
				Map.of("HX-Request", "true"));
		assertThat(saved.headers().firstValue("HX-Redirect")).hasValue("/recognition/kinds");
		JsonNode kind = StreamSupport.stream(new Api(port).get("/api/v1/recognition/award-kinds", "director").json()
			.spliterator(), false).filter(k -> k.get("code").asString().equals(code)).findFirst().orElseThrow();
		assertThat(kind.get("minimum").decimalValue()).isEqualByComparingTo("1500.5");
		assertThat(director.get(port, "/recognition/kinds?lang=es").body()).contains("Mejor margen del mes")
			.contains("1.500,50\u00a0€");

		String edit = director.get(port, "/recognition/kinds/" + kind.get("id").asLong() + "/edit?lang=en").body();
		assertThat(edit).contains("value=\"1,500.5\"").contains("readonly");
		Map<String, String> changed = new HashMap<>(fields);
		changed.put("_csrf", WebSession.csrf(edit));
		changed.put("version", kind.get("version").asString());
		changed.put("minimum", "12.5x");
		HttpResponse<String> bad = director.postForm(port, "/recognition/kinds/" + kind.get("id").asLong() + "/edit",
				changed, Map.of("HX-Request", "true"));
		assertThat(bad.body()).containsPattern("id=\"minimum\"[^>]*is-invalid").contains("id=\"minimum-error\"");
		changed.put("minimum", "2,000");
		HttpResponse<String> plain = director.postForm(port, "/recognition/kinds/" + kind.get("id").asLong() + "/edit",
				changed);
		assertThat(plain.statusCode()).isEqualTo(302);
		assertThat(new Api(port).get("/api/v1/recognition/award-kinds/" + kind.get("id").asLong(), "director").json()
			.get("minimum").decimalValue()).isEqualByComparingTo("2000");
	}
}
