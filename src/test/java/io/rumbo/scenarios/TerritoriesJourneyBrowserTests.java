package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import io.rumbo.support.Api;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.ModuleListeners;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The territory journey in headless Chromium (decision 0037): the director drafts a realignment on the Territories
 * page (a territory for Pablo Romero taking the accounts of a region of the test's own below postal code 20000),
 * previews it (one of Lucía García's two accounts moves to Pablo), activates it from the preview today (the injected
 * clock's date: a model takes effect the day it is activated), and the moved account's page shows Pablo as its owner while its order of last year stays credited to Lucía. English.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class TerritoriesJourneyBrowserTests extends BrowserTestSupport {

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theDirectorDraftsPreviewsAndActivatesARealignment() {
		Api api = new Api(port);
		String region = "Journey zone " + System.nanoTime() % 1_000_000;
		long lucia = ApiTestSupport.staffByName(api, "Lucía García").get("id").asLong();
		long moving = customer(api, region, "Moving " + region, "10000", lucia);
		long staying = customer(api, region, "Staying " + region, "30000", lucia);
		long product = api.get("/api/v1/products?size=1&active=true", "rep").json().get("content").get(0).get("id")
			.asLong();
		Api.Response order = api.post("/api/v1/orders", "rep", Map.of("customerId", moving, "orderDate", "2025-06-10",
				"lines", List.of(Map.of("productId", product, "quantity", "2")), "credits", List.of()));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		// The territories' account copy learns of the accounts and the order from their events, after the commits.
		ModuleListeners.await(jdbc, "io.rumbo.territories");
		LocalDate date = LocalDate.now(clock);

		signIn("director");
		open("/territories?lang=en");
		click(By.id("new-model"));
		WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-name")));
		name.sendKeys("Realignment " + region);
		click(By.id("create-model"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("add-territory")));
		assertThat(browser.findElement(By.id("model-status")).getText()).isEqualTo("Draft");

		browser.findElement(By.id("t-code")).sendKeys("WEST");
		browser.findElement(By.id("t-name")).sendKeys("West " + region);
		new Select(browser.findElement(By.id("t-person"))).selectByVisibleText("Pablo Romero Castillo · Equipo Madrid Norte");
		click(browser.findElement(By.cssSelector("#add-territory button[type=submit]")));
		WebElement territory = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("[id^='territory-'] select[name=field]")));
		String id = territory.getAttribute("id").replace("rule-field-", "");
		addRule(id, "REGION", region, null);
		addRule(id, "POSTAL_CODE", "00000", "19999");
		assertThat(browser.findElement(By.id("territory-" + id)).getText()).contains("Region: " + region.toLowerCase())
			.contains("Postal code: 00000 – 19999");

		click(By.id("open-preview"));
		String preview = browser.getCurrentUrl().substring(("http://localhost:" + port).length());
		open(preview.replace("?", "?lang=en&on=" + date + "&q=" + region.replace(' ', '+') + "&"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-table")));
		List<WebElement> rows = browser.findElements(By.cssSelector("#preview-table tbody tr[data-customer]"));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getAttribute("data-customer")).isEqualTo(Long.toString(moving));
		assertThat(rows.get(0).getText()).contains("Lucía García Martín").contains("Pablo Romero Castillo")
			.contains("Moves");
		assertThat(browser.findElement(By.id("summary-moving")).getText()).isEqualTo("1");

		script("arguments[0].value = arguments[1]", browser.findElement(By.id("preview-effective")), date.toString());
		click(By.id("activate"));
		wait.until(ExpectedConditions.textToBe(By.id("model-status"), "Active"));

		open("/customers/" + moving + "?lang=en");
		assertThat(browser.findElement(By.id("customer-owner")).getText()).isEqualTo("Pablo Romero Castillo");
		open("/customers/" + staying + "?lang=en");
		assertThat(browser.findElement(By.id("customer-owner")).getText()).isEqualTo("Lucía García Martín");
		open("/orders/" + order.json().get("id").asLong() + "?lang=en");
		assertThat(browser.findElement(By.id("credit-list")).getText()).as("last year's order keeps its salesperson")
			.contains("Lucía García Martín").doesNotContain("Pablo");
	}

	private void addRule(String territory, String field, String from, String to) {
		new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-field-" + territory))))
			.selectByValue(field);
		browser.findElement(By.id("rule-from-" + territory)).sendKeys(from);
		if (to != null) {
			browser.findElement(By.id("rule-to-" + territory)).sendKeys(to);
		}
		WebElement form = browser.findElement(By.cssSelector("#territory-" + territory + " form[action$='/rules']"));
		click(form.findElement(By.tagName("button")));
		// The post reloads the page: wait for the old form to go, or the next rule would be typed into it.
		waitGone(form);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-field-" + territory)));
	}

	/** An active class B account of the owner's since 2024, in a region and with a name of the caller's own. */
	static long customer(Api api, String region, String name, String postalCode, long owner) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("legalName", name);
		body.put("segment", "SMALL_BUSINESS");
		body.put("companySize", "SMALL");
		body.put("region", region);
		body.put("postalCode", postalCode);
		body.put("potentialClass", "B");
		body.put("annualPotential", "5000");
		body.put("status", "ACTIVE");
		body.put("ownerStaffId", owner);
		body.put("effectiveDate", "2024-01-01");
		Api.Response created = api.post("/api/v1/customers", "director", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
