package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, opportunities: a stage changed on the opportunity page and from a card's "move to" form, the loss reason a
 * lost stage needs (API and pages, localised), the close date a won or lost deal takes (the app's clock), the board's
 * columns read a page at a time with their figures summed in SQL, and the lines of a won deal edited and booked on its
 * page.
 */
@RumboIntegrationTest
class OpportunityStageScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	long customer;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
	}

	@Test
	void losingThroughTheApiNeedsAReasonInTheUsersLanguage() {
		long id = create("400");
		Api.Response refused = api.send("POST", "/api/v1/opportunities/" + id + "/stage", api.token("rep"),
				Map.of("stage", "LOST"), Map.of("Accept-Language", "es"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("lossReason");
		assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("motivo de pérdida");
		assertThat(stageOf(id)).as("not moved").isEqualTo("PROSPECTING");

		JsonNode lost = api.post("/api/v1/opportunities/" + id + "/stage", "rep",
				Map.of("stage", "LOST", "lossReason", "  Eligieron a la competencia ")).json();
		assertThat(lost.get("stageCode").asString()).isEqualTo("LOST");
		assertThat(lost.get("lossReason").asString()).isEqualTo("Eligieron a la competencia");
		assertThat(lost.get("expectedClose").asString()).as("closed today")
			.isEqualTo(LocalDate.now(clock).toString());
	}

	@Test
	void winningSetsTheCloseDateToTheDayItWasWon() {
		long id = create("900");
		LocalDate today = LocalDate.now(clock);
		assertThat(api.get("/api/v1/opportunities/" + id, "rep").json().get("expectedClose").asString())
			.isEqualTo(today.plusMonths(2).toString());
		JsonNode won = api.post("/api/v1/opportunities/" + id + "/stage", "rep", Map.of("stage", "WON")).json();
		assertThat(won.get("expectedClose").asString()).isEqualTo(today.toString());
		assertThat(jdbc.sql("SELECT expected_close FROM sales_opportunity WHERE id = ?").param(id)
			.query(LocalDate.class).single()).isEqualTo(today);
	}

	@Test
	void theOpportunityPageMovesTheStageWithHtmxAndAsksForTheLossReason() {
		long id = create("1500");
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String page = rep.get(port, "/opportunities/" + id).body();
		assertThat(page).contains("id=\"stage-form\"").contains("id=\"stage-select\"").contains("id=\"loss-reason\"");
		String csrf = WebSession.csrf(page);
		Map<String, String> htmx = Map.of("HX-Request", "true", "Accept-Language", "en");

		HttpResponse<String> moved = rep.postForm(port, "/opportunities/" + id + "/move",
				Map.of("stage", "NEGOTIATION", "_csrf", csrf), htmx);
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(moved.body()).contains("id=\"opportunity-main\"").contains("id=\"move-status\"")
			.contains("Moved to Negotiation").doesNotContain("<html");
		assertThat(stageOf(id)).isEqualTo("NEGOTIATION");

		HttpResponse<String> noReason = rep.postForm(port, "/opportunities/" + id + "/move",
				Map.of("stage", "LOST", "lossReason", " ", "_csrf", csrf), htmx);
		assertThat(noReason.statusCode()).isEqualTo(400);
		// The form comes back in place with the refusal at the loss reason field (issue 13).
		assertThat(noReason.headers().firstValue("HX-Retarget")).isEmpty();
		assertThat(noReason.body()).contains("id=\"opportunity-main\"").contains("id=\"loss-reason-error\"")
			.contains("the loss reason is required").doesNotContain("<html");
		assertThat(stageOf(id)).isEqualTo("NEGOTIATION");

		HttpResponse<String> withReason = rep.postForm(port, "/opportunities/" + id + "/move",
				Map.of("stage", "LOST", "lossReason", "Precio", "_csrf", csrf), htmx);
		assertThat(withReason.statusCode()).isEqualTo(200);
		assertThat(withReason.body()).contains("id=\"opportunity-loss-reason\"").contains("Precio")
			.doesNotContain("id=\"stage-form\"");
		assertThat(stageOf(id)).isEqualTo("LOST");
	}

	@Test
	void aCardMovedWithItsFormRedrawsTheBoardAndAnnouncesTheMove() {
		long id = create("700");
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String board = rep.get(port, "/opportunities").body();
		// One move dialog for the board; each card links to it (and, without JavaScript, to its page's stage form).
		assertThat(board).contains("id=\"board-status\"").contains("id=\"board-move-stage\"")
			.contains("id=\"board-move-reason\"").contains("href=\"/opportunities/" + id + "#stage-form\"");
		String csrf = WebSession.csrf(board);
		Map<String, String> htmx = Map.of("HX-Request", "true", "Accept-Language", "en");
		HttpResponse<String> refused = rep.postForm(port, "/opportunities/" + id + "/stage",
				Map.of("stage", "LOST", "_csrf", csrf), htmx);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("the loss reason is required");

		HttpResponse<String> moved = rep.postForm(port, "/opportunities/" + id + "/stage",
				Map.of("stage", "PROPOSAL", "_csrf", csrf), htmx);
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(moved.body()).contains("id=\"board\"").contains("hx-swap-oob=\"true\"")
			.contains("data-moved=\"" + id + "\"").contains("moved to Proposal");
		assertThat(stageOf(id)).isEqualTo("PROPOSAL");
	}

	@Test
	void theBoardShowsAPageOfEachColumnWithTheWholeColumnsFiguresAndMoreOnDemand() {
		// The rep's own board holds a column longer than a page once 25 more deals are prospected.
		for (int i = 0; i < 25; i++) {
			create("100");
		}
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long prospecting = jdbc.sql("""
				SELECT COUNT(*) FROM sales_opportunity WHERE owner_staff_id = ? AND stage_code = 'PROSPECTING'""")
			.param(lucia).query(Long.class).single();
		BigDecimal prospectingAmount = jdbc.sql("""
				SELECT SUM(amount) FROM sales_opportunity WHERE owner_staff_id = ? AND stage_code = 'PROSPECTING'""")
			.param(lucia).query(BigDecimal.class).single();
		assertThat(prospecting).isGreaterThan(20);

		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String board = rep.get(port, "/opportunities?lang=en").body();
		String column = section(board, "PROSPECTING");
		assertThat(count(column, "class=\"card pipeline-card")).as("the first cards of a column").isEqualTo(10);
		assertThat(column).contains(prospecting + " · 10% · €" + String.format(java.util.Locale.UK, "%,.2f",
				prospectingAmount));
		assertThat(column).contains("Show more (" + (prospecting - 10) + " left)")
			.contains("hx-get=\"/opportunities/column?stage=PROSPECTING&amp;offset=10");

		long negotiating = jdbc.sql("""
				SELECT COUNT(*) FROM sales_opportunity WHERE owner_staff_id = ? AND stage_code = 'NEGOTIATION'""")
			.param(lucia).query(Long.class).single();
		assertThat(section(board, "NEGOTIATION").contains("pipeline-more")).as("a column that fits has no more button")
			.isEqualTo(negotiating > 10);

		String more = rep.get(port, "/opportunities/column?stage=PROSPECTING&offset=10").body();
		assertThat(count(more, "class=\"card pipeline-card")).as("a page of more cards")
			.isEqualTo((int) Math.min(20, prospecting - 10));
		assertThat(more).contains("href=\"/opportunities/").contains("#stage-form\"");
		assertThat(more).doesNotContain("<html");

		// One statement reads the first cards of every column: each column holds its own first page, in its order
		// (open deals nearest close first, closed ones latest first), and "more" goes on where the page stopped.
		LocalDate closedSince = LocalDate.now(clock).minusDays(90);
		for (String stage : List.of("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST")) {
			boolean open = !stage.equals("WON") && !stage.equals("LOST");
			List<Long> expected = jdbc.sql("SELECT id FROM sales_opportunity WHERE owner_staff_id = :owner"
					+ " AND stage_code = :stage" + (open ? " ORDER BY expected_close, id"
							: " AND expected_close >= :since ORDER BY expected_close DESC, id DESC")
					+ " LIMIT 30")
				.param("owner", lucia).param("stage", stage).param("since", closedSince)
				.query(Long.class).list();
			assertThat(cardIds(section(board, stage))).as("the first cards of " + stage)
				.isEqualTo(expected.subList(0, Math.min(10, expected.size())));
			if (stage.equals("PROSPECTING")) {
				assertThat(cardIds(more)).as("the next page of " + stage).isEqualTo(expected.subList(10, Math.min(30, expected.size())));
			}
		}

		JsonNode totals = api.get("/api/v1/opportunities/totals?ownerStaffId=" + lucia, "rep").json();
		long open = jdbc.sql("""
				SELECT COUNT(*) FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE o.owner_staff_id = ? AND s.outcome = 'OPEN'""").param(lucia).query(Long.class).single();
		BigDecimal weighted = jdbc.sql("""
				SELECT SUM(o.amount * s.probability) / 100 FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE o.owner_staff_id = ? AND s.outcome = 'OPEN'""").param(lucia).query(BigDecimal.class).single();
		assertThat(totals.get("open").asLong()).isEqualTo(open);
		assertThat(totals.get("weighted").decimalValue())
			.isEqualByComparingTo(weighted.setScale(2, java.math.RoundingMode.HALF_UP));
		assertThat(board).contains("<strong id=\"weighted-total\">€" + String.format(java.util.Locale.UK, "%,.2f",
				totals.get("weighted").decimalValue()) + "</strong>");
	}

	@Test
	void aSpanishRepTypesTheNewDealsAmountOnTheBoardAsSpanishWritesIt() {
		long customer = api.get("/api/v1/customers?size=1", "rep").json().get("content").get(0).get("id").asLong();
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		// ?lang= is remembered as the user's language: the other tests' sessions of the rep expect English back.
		try {
			typeTheAmountInSpanish(rep, customer);
		}
		finally {
			rep.get(port, "/opportunities?lang=en");
		}
	}

	private void typeTheAmountInSpanish(WebSession rep, long customer) {
		String board = rep.get(port, "/opportunities?lang=es").body();
		assertThat(board).contains("id=\"amount\" name=\"amount\" type=\"text\" inputmode=\"decimal\"");
		HttpResponse<String> created = rep.postForm(port, "/opportunities", Map.of("customerId",
				String.valueOf(customer), "title", "Coma decimal", "amount", "12.500,75", "expectedClose",
				LocalDate.now(clock).plusMonths(1).toString(), "_csrf", WebSession.csrf(board)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow()
			.replaceAll(".*/opportunities/(\\d+).*", "$1"));
		assertThat(jdbc.sql("SELECT amount FROM sales_opportunity WHERE id = ?").param(id).query(BigDecimal.class)
			.single()).isEqualByComparingTo("12500.75");
		assertThat(rep.get(port, "/opportunities/" + id + "?lang=es").body()).contains("12.500,75");
	}

	@Test
	void aWonDealsLinesAreEditedAndBookedOnItsPageAtThePricesShown() {
		long id = create("500");
		long chair = api.get("/api/v1/products?q=MOB-SILLA-ERG", "rep").json().get("content").get(0).get("id").asLong();
		long toner = api.get("/api/v1/products?q=PAP-TONER", "rep").json().get("content").get(0).get("id").asLong();
		long version = api.get("/api/v1/opportunities/" + id, "rep").json().get("version").asLong();
		api.put("/api/v1/opportunities/" + id + "/products", "rep", Map.of("version", version, "lines",
				List.of(Map.of("productId", chair, "quantity", 10), Map.of("productId", toner, "quantity", 2))));
		api.post("/api/v1/opportunities/" + id + "/stage", "rep", Map.of("stage", "WON"));

		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String page = rep.get(port, "/opportunities/" + id + "?lang=en").body();
		assertThat(page).contains("id=\"book-panel\"").contains("id=\"save-lines\"").contains("id=\"line-quantity-2\"")
			.doesNotContain("through the API");
		version = api.get("/api/v1/opportunities/" + id, "rep").json().get("version").asLong();
		// The second line: 3 toners at 70.00 less 10 % = 189.00; the chairs keep 10 x 289.00 = 2,890.00.
		HttpResponse<String> saved = rep.postForm(port, "/opportunities/" + id + "/products/lines",
				Map.of("version", String.valueOf(version), "lineNo", "2", "quantity", "3", "unitPrice", "70",
						"discountPercent", "10", "_csrf", WebSession.csrf(page)));
		assertThat(saved.statusCode()).isEqualTo(302);
		page = rep.get(port, "/opportunities/" + id).body();
		assertThat(page).contains("id=\"lines-total\">€3,079.00<")
			.contains("The order will have these 2 lines at the prices and discounts shown, €3,079.00 in all.");

		HttpResponse<String> booked = rep.postForm(port, "/opportunities/" + id + "/order",
				Map.of("_csrf", WebSession.csrf(page)));
		assertThat(booked.statusCode()).isEqualTo(302);
		JsonNode order = api.get("/api/v1/orders/" + api.get("/api/v1/opportunities/" + id, "rep").json().get("orderId")
			.asLong(), "rep").json();
		assertThat(order.get("netAmount").decimalValue()).isEqualByComparingTo("3079.00");
		assertThat(order.get("lines").get(1).get("discountPercent").decimalValue()).isEqualByComparingTo("10");
	}

	private long create(String amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", "Etapas " + SEQUENCE.incrementAndGet());
		body.put("amount", amount);
		body.put("expectedClose", LocalDate.now(clock).plusMonths(2).toString());
		Api.Response created = api.post("/api/v1/opportunities", "rep", body);
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private String stageOf(long id) {
		return jdbc.sql("SELECT stage_code FROM sales_opportunity WHERE id = ?").param(id).query(String.class).single();
	}

	/** The markup of one column of the board, from its section to the next one. */
	private static String section(String board, String stage) {
		int start = board.indexOf("data-stage=\"" + stage + "\"");
		assertThat(start).as("column " + stage).isPositive();
		int end = board.indexOf("<section", start);
		return board.substring(start, end < 0 ? board.length() : end);
	}

	/** The ids of the cards in a piece of the board, in their order. */
	private static List<Long> cardIds(String markup) {
		Matcher matcher = Pattern.compile("<article[^>]*data-id=\"(\\d+)\"").matcher(markup);
		List<Long> ids = new java.util.ArrayList<>();
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}

	private static int count(String text, String what) {
		Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		return found;
	}
}
