package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The lessons journey in headless Chromium (decision 0032): the demo rep loses a deal above the retrospective
 * threshold, follows the task on her task list to the retrospective form and writes it; the region's manager promotes
 * it to Región Centro; a rep of another team of the region (Diego Ruiz, Equipo Madrid Sur) sees it on his home page
 * and as a suggestion on his own opportunity of the same segment and product line. Pages in English.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class LessonsJourneyBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRetrospectiveOfALostDealBecomesASuccessCaseOfTheRegion() throws Exception {
		Api api = new Api(port);
		String title = "Journey lesson " + System.nanoTime() % 1_000_000;
		BigDecimal threshold = api.get("/api/v1/lessons/settings", "rep").json().get("threshold").decimalValue();
		JsonNode diegosCustomer = api.get("/api/v1/customers?size=1&status=ACTIVE", "diego.ruiz").json().get("content")
			.get(0);
		String segment = diegosCustomer.get("segment").asString();
		long repsCustomer = api.get("/api/v1/customers?size=1&status=ACTIVE&segment=" + segment, "rep").json()
			.get("content").get(0).get("id").asLong();
		// Other tests archive products (the database is shared): an active one, as a salesperson would pick.
		long product = api.get("/api/v1/products?size=1&active=true", "rep").json().get("content").get(0).get("id")
			.asLong();
		long lost = opportunity(api, "rep", repsCustomer, product, threshold.add(new BigDecimal("1000")));
		long similar = opportunity(api, "diego.ruiz", diegosCustomer.get("id").asLong(), product, BigDecimal.TEN);
		Api.Response moved = api.post("/api/v1/opportunities/" + lost + "/stage", "rep",
				Map.of("stage", "LOST", "lossReason", "Competitor with a plant demo"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		long task = LessonsApiScenarioTests.eventually(() -> jdbc
			.sql("SELECT task_id FROM lessons_retrospective WHERE opportunity_id = :o").param("o", lost)
			.query(Long.class).optional().orElse(null));

		signIn("rep");
		// The task names the deal: found by its title, whatever number of tasks other tests left open.
		JsonNode lostDeal = api.get("/api/v1/opportunities/" + lost, "rep").json();
		String deal = lostDeal.get("title").asString();
		open("/lessons?lang=en");
		String customerName = lostDeal.get("customerName").asString();
		assertThat(browser.findElement(By.id("pending-retrospectives")).getText()).as("the deal, not its id")
			.contains("Opportunity " + deal + " for " + customerName);
		open("/tasks?open=true&q=" + java.net.URLEncoder.encode(deal, java.nio.charset.StandardCharsets.UTF_8)
				+ "&lang=en");
		click(By.cssSelector("a.task-link[href$='opportunity=" + lost + "']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-form")));
		assertThat(browser.findElement(By.id("retrospective-about")).getText()).contains("Journey deal");
		assertThat(new Select(browser.findElement(By.id("outcome"))).getFirstSelectedOption().getAttribute("value"))
			.as("a lost deal failed").isEqualTo("FAILED");
		assertThat(browser.findElement(By.id("whatHappened")).getAttribute("value")).as("the loss reason")
			.isEqualTo("Competitor with a plant demo");
		browser.findElement(By.id("title")).clear();
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("why")).sendKeys("We never offered a technical visit before the proposal.");
		browser.findElement(By.id("advice")).sendKeys("Book the pre-sales engineer when moving to proposal.");
		browser.findElement(By.id("tags")).sendKeys("plant-visit, pre-sales");
		screenshot("lessons-journey-retrospective");
		click(By.id("save-lesson"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-title")));
		assertThat(browser.findElement(By.id("lesson-title")).getText()).isEqualTo(title);
		assertThat(browser.findElement(By.id("lesson-outcome")).getText()).isEqualTo("Failed");
		long lesson = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/lessons/(\\d+).*", "$1"));
		assertThat(api.get("/api/v1/tasks/" + task, "rep").json().get("done").asBoolean()).as("task done").isTrue();

		browser.manage().deleteAllCookies();
		signIn("manager");
		open("/lessons/" + lesson + "?lang=en");
		new Select(browser.findElement(By.id("unitId"))).selectByVisibleText("Región Centro");
		click(By.id("promote"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lesson-status"), "Success case"));
		assertThat(browser.findElement(By.id("lesson-shared")).getText()).contains("Región Centro");
		screenshot("lessons-journey-promoted");

		browser.manage().deleteAllCookies();
		signIn("diego.ruiz");
		open("/?lang=en");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("home-success-cases"), title));
		screenshot("lessons-journey-home");
		open("/opportunities/" + similar + "?lang=en");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section#lesson-suggestions"),
				title));
		click(By.linkText(title));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-useful")));
		click(By.id("mark-useful"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("useful-count"), "1 person"));
		screenshot("lessons-journey-case");

		// The same pages from a phone: nothing scrolls sideways.
		size(390, 844);
		for (String page : List.of("/lessons?lang=en", "/lessons?cases=true&lang=en", "/lessons/" + lesson + "?lang=en",
				"/lessons/new?lang=en")) {
			open(page);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("userMenu")));
			fitsTheWidth(390, page);
		}
		screenshot("lessons-journey-case-390");
	}

	private static long opportunity(Api api, String owner, long customer, long product, BigDecimal price) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", "Journey deal " + System.nanoTime() % 1_000_000);
		body.put("amount", price);
		body.put("expectedClose", LocalDate.now().plusMonths(1).toString());
		Api.Response created = api.post("/api/v1/opportunities", owner, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode opportunity = created.json();
		Api.Response withProducts = api.put("/api/v1/opportunities/" + opportunity.get("id").asLong() + "/products",
				owner, Map.of("version", opportunity.get("version").asLong(), "lines",
						List.of(Map.of("productId", product, "quantity", 1, "unitPrice", price))));
		assertThat(withProducts.status()).as(withProducts.body()).isEqualTo(200);
		return opportunity.get("id").asLong();
	}
}
