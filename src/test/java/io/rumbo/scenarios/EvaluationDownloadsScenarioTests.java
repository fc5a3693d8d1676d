package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A cycle's results as CSV and XLSX (one row per person in scope and criterion) and the closed scorecard as a PDF,
 * over real HTTP with real tokens: a salesperson exports only their own rows and prints only their own scorecard,
 * a peer's is "not found", a live one is refused; the list still answers JSON when no file is asked for.
 */
@RumboIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationDownloadsScenarioTests extends ApiTestSupport {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@LocalServerPort
	int port;

	Api api;

	long closedCycle;

	long liveCycle;

	@BeforeAll
	void cycles() {
		api = new Api(port);
		for (JsonNode cycle : api.get("/api/v1/evaluation/cycles?size=100", "director").json().get("content")) {
			String state = cycle.get("state").asString();
			if (state.equals("CLOSED") && closedCycle == 0) {
				closedCycle = cycle.get("id").asLong();
			}
			if (state.equals("OPEN") && liveCycle == 0) {
				liveCycle = cycle.get("id").asLong();
			}
		}
	}

	@Test
	void aCycleExportsOneRowPerPersonAndCriterionWithinTheReadersScope() throws Exception {
		int people = api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + closedCycle, "director").json()
			.get("page").get("totalElements").asInt();
		Api.Response all = api.get("/api/v1/evaluation/scorecards?cycleId=" + closedCycle, "director",
				Map.of("Accept", "text/csv"));
		assertThat(all.status()).isEqualTo(200);
		List<String> lines = all.body().lines().toList();
		assertThat(lines.get(0)).contains("scorecardId,period,staffId,person,unitName,state,score,outcome,position,"
				+ "criterion,kind,focus,weight");
		assertThat(lines).hasSize(1 + people * 7);

		long rep = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		List<String> mine = api.get("/api/v1/evaluation/scorecards?cycleId=" + closedCycle, "rep",
				Map.of("Accept", "text/csv")).body().lines().skip(1).toList();
		assertThat(mine).hasSize(7).allSatisfy(row -> assertThat(row.split(",")[2]).isEqualTo(String.valueOf(rep)));
		assertThat(mine).anySatisfy(row -> assertThat(row).contains("QUALITATIVE"));

		Api.Response live = api.get("/api/v1/evaluation/scorecards?cycleId=" + liveCycle, "rep",
				Map.of("Accept", "text/csv"));
		assertThat(live.body().lines().skip(1).toList()).as("live figures while open").hasSize(7);

		HttpResponse<byte[]> xlsx = bytes("/api/v1/evaluation/scorecards?cycleId=" + closedCycle, "manager", XLSX);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		int managerCards = api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + closedCycle, "manager").json()
			.get("page").get("totalElements").asInt();
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(managerCards * 7);
			assertThat(managerCards).isLessThan(people);
		}

		assertThat(api.get("/api/v1/evaluation/scorecards?cycleId=" + closedCycle, "director").json().get("content"))
			.as("without Accept: the JSON list").hasSize(Math.min(people, 20));
		assertThat(api.get("/api/v1/evaluation/scorecards?cycleId=999999", "director", Map.of("Accept", "text/csv"))
			.status()).isEqualTo(404);
	}

	@Test
	void theCyclesPageDownloadsTheResultsInTheReadersLanguage() {
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		assertThat(manager.get(port, "/evaluation/cycles/" + closedCycle + "?lang=es").body()).contains("id=\"export-csv\"");
		HttpResponse<String> csv = manager.get(port, "/evaluation/cycles/" + closedCycle + "?format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body().lines().findFirst().orElseThrow()).contains("Ficha;Periodo;Id. de la persona;Persona");
		assertThat(csv.body()).contains("Cualitativo");
		// The language is remembered per user: leave the demo manager in English for the tests after this one.
		manager.get(port, "/evaluation?lang=en");
	}

	@Test
	void theClosedScorecardPrintsAsAPdfForWhoSeesIt() throws Exception {
		long rep = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		List<JsonNode> cards = new ArrayList<>();
		api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + closedCycle, "director").json().get("content")
			.forEach(cards::add);
		long own = cards.stream().filter(c -> c.get("staffId").asLong() == rep).findFirst().orElseThrow().get("id")
			.asLong();
		long peer = cards.stream().filter(c -> c.get("staffId").asLong() != rep).findFirst().orElseThrow().get("id")
			.asLong();

		HttpResponse<byte[]> pdf = bytes("/api/v1/evaluation/scorecards/" + own, "rep", "application/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		String text = text(pdf.body());
		JsonNode card = api.get("/api/v1/evaluation/scorecards/" + own, "rep").json();
		assertThat(text).contains(card.get("name").asString()).contains(card.get("lines").get(0).get("name").asString())
			.contains(card.get("feedback").get("strengths").asString());

		HttpResponse<byte[]> byAccept = bytes("/api/v1/evaluation/scorecards/" + own, "manager", "application/pdf");
		assertThat(byAccept.statusCode()).isEqualTo(200);
		assertThat(new String(byAccept.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		assertThat(bytes("/api/v1/evaluation/scorecards/" + peer, "rep", "application/pdf").statusCode()).isEqualTo(404);
		long live = api.get("/api/v1/evaluation/scorecards?cycleId=" + liveCycle, "rep").json().get("content").get(0)
			.get("id").asLong();
		assertThat(bytes("/api/v1/evaluation/scorecards/" + live, "rep", "application/pdf").statusCode()).isEqualTo(409);

		WebSession person = new WebSession();
		person.signIn(port, "rep", "demo");
		assertThat(person.get(port, "/evaluation/scorecards/" + own + "?lang=es").body()).contains("id=\"scorecard-pdf\"");
		HttpResponse<String> page = person.get(port, "/evaluation/scorecards/" + own + ".pdf");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).startsWith("%PDF-");
		person.get(port, "/evaluation?lang=en");
	}

	private HttpResponse<byte[]> bytes(String path, String user, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + api.token(user)).header("Accept", accept)
			.header("Accept-Language", "es").GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		try {
			StringBuilder text = new StringBuilder();
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString();
		}
		finally {
			reader.close();
		}
	}
}
