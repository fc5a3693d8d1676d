package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.RumboIntegrationTest;

/**
 * The director works out the workload example in the calculator (the working shows each step with its numbers),
 * saves it as a scenario whose page shows the same working against today's headcount, and opens budget against
 * actual with its charts drawn.
 */
@RumboIntegrationTest
class SizingBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	private void type(String id, String value) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		if (!value.isEmpty()) {
			field.sendKeys(value);
		}
	}

	@Test
	void theDirectorWorksOutTheWorkloadAndSavesItAsAScenario() {
		long centro = jdbc.sql("SELECT id FROM org_unit WHERE code = 'R-CENTRO'").query(Long.class).single();
		signIn("director");
		open("/sizing/new?method=WORKLOAD&unitId=" + centro + "&fiscalYear=2091&lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scenario-form")));
		String name = "Browser workload " + System.nanoTime();
		type("name", name);
		type("v-callsPerSalesperson", "1000");
		type("groups0.label", "A");
		type("groups0.count", "1000");
		type("groups0.amount", "36");
		type("groups1.label", "B");
		type("groups1.count", "2000");
		type("groups1.amount", "12");
		type("groups2.label", "");
		click(By.id("calculate"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("working")));
		List<String> lines = browser.findElements(By.cssSelector("#working li")).stream().map(WebElement::getText)
			.toList();
		assertThat(lines).containsExactly("Class A: 1,000 accounts × 36 calls a year = 36,000 calls",
				"Class B: 2,000 accounts × 12 calls a year = 24,000 calls", "Calls needed a year: 60,000",
				"Salespeople: 60,000 calls ÷ 1,000 calls a salesperson = 60, rounded up to 60");
		assertThat(browser.findElement(By.id("working-result")).getText()).isEqualTo("Salespeople needed: 60");
		screenshot("sizing-calculator");
		click(By.id("save-scenario"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scenario-name")));
		assertThat(browser.findElement(By.id("scenario-name")).getText()).isEqualTo(name);
		assertThat(browser.findElements(By.cssSelector("#working li"))).hasSize(4);
		assertThat(browser.findElement(By.id("headcount-needed")).getText()).isEqualTo("60");
		int planned = Integer.parseInt(browser.findElement(By.id("headcount-planned")).getText());
		assertThat(browser.findElement(By.id("headcount-gap")).getText()).isEqualTo(String.valueOf(Math.max(0,
				60 - planned)));
		screenshot("sizing-scenario");

		open("/sizing/budgets?lang=en&unitId=" + centro);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#budget-months canvas")));
		assertThat(browser.findElement(By.cssSelector("#budget-units-table tbody tr")).getText())
			.startsWith("Región Centro");
		screenshot("sizing-budget");
	}

	@Test
	void theListsTheGridAndTheTermsOpen() {
		long scenario = jdbc.sql("SELECT MIN(id) FROM sizing_scenario").query(Long.class).single();
		long distributor = jdbc.sql("SELECT id FROM org_unit WHERE code = 'D-CANARIAS'").query(Long.class).single();
		signIn("director");
		for (String[] page : new String[][] { { "/sizing?lang=en", "scenario-table" },
				{ "/sizing/compare?lang=en&ids=" + scenario, "compare-table" },
				{ "/sizing/" + scenario + "/edit?lang=en", "scenario-form" },
				{ "/sizing/budgets/edit?lang=en", "budget-form" }, { "/sizing/channels?lang=en", "channel-table" },
				{ "/sizing/channels/" + distributor + "?lang=en", "channel-form" } }) {
			open(page[0]);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
			assertThat(browser.findElements(By.id(page[1]))).as(page[0]).isNotEmpty();
		}
		assertThat(browser.findElement(By.id("channel-name")).getText()).isEqualTo("Distribuidor Canarias Atlántico");
		// The territory picker: the active model's territories, narrowed by what is typed.
		List<WebElement> options = browser.findElements(By.cssSelector("#territory-options [data-search]"));
		assertThat(options).as("the active model's territories").isNotEmpty();
		String first = options.get(0).getText().trim();
		WebElement search = browser.findElement(By.id("territory-search"));
		search.sendKeys("zzqqxx");
		assertThat(options).allMatch(o -> !o.isDisplayed());
		search.clear();
		search.sendKeys(first.split(" ")[0]);
		assertThat(options.get(0).isDisplayed()).isTrue();
		screenshot("sizing-channel");
	}
}
