package io.rumbo.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, a salesperson's day from a phone (390 px) and from a desk (1440 px) in headless Chromium: she signs in,
 * sees her week on the agenda, opens a customer, logs a visit with its outcome and next step (a follow-up task), finds
 * both on the agenda, moves an opportunity on the board with the keyboard through its "move to" dialog, and edits the
 * deal's next step on its page. At 390 px no page scrolls sideways. Screenshots land in target/screenshots (and, when
 * the folder exists, /work/notes as phone-*.png).
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class PhoneJourneyBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aRepLogsAVisitAndMovesADealFromAPhone() {
		journey(390, 844);
	}

	@Test
	void aRepDoesTheSameAtADesk() {
		journey(1440, 900);
	}

	private void journey(int width, int height) {
		Api api = new Api(port);
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		String mark = width + "-" + ApiTestSupport.SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
		long deal = deal(api, customer, "Móvil " + mark);
		LocalDate today = LocalDate.now(clock);

		size(width, height);
		signIn("rep");
		open("/agenda?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agenda-days")));
		assertThat(browser.findElements(By.cssSelector("#agenda-days .agenda-day"))).hasSize(7);
		fitsTheWidth(width, "agenda");
		picture("agenda", width);

		// A customer: tap to log a visit, with its outcome, next step and a follow-up today.
		open("/customers/" + customer + "?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-name")));
		fitsTheWidth(width, "customer");
		picture("customer", width);
		click(By.id("open-log-visit"));
		if (!browser.findElement(By.id("visit-outcome")).isDisplayed()) {
			click(By.id("log-visit-summary"));
		}
		new Select(browser.findElement(By.id("visit-type"))).selectByValue("VISIT");
		String outcome = "Demo hecha " + mark;
		String nextStep = "Mandar la oferta " + mark;
		browser.findElement(By.id("visit-outcome")).sendKeys(outcome);
		browser.findElement(By.id("visit-next-step")).sendKeys(nextStep);
		script("arguments[0].value = arguments[1]", browser.findElement(By.id("visit-due")), today.toString());
		fitsTheWidth(width, "customer with the visit form open");
		picture("customer-log-visit", width);
		assertThat(axeViolations("customer " + width)).as("axe-core WCAG A/AA violations").isEmpty();
		click(By.id("log-visit-button"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "The visit has been recorded"));

		// The agenda shows the visit on today and the follow-up among the open tasks.
		open("/agenda?lang=en");
		WebElement todayColumn = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#agenda-days .agenda-day[data-day='" + today + "']")));
		assertThat(todayColumn.getText()).contains(outcome);
		assertThat(browser.findElement(By.id("agenda-tasks")).getText()).contains(nextStep);
		fitsTheWidth(width, "agenda after the visit");

		// The board: the deal moves by keyboard through its "move to" dialog (no dragging on a phone).
		open("/opportunities?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pipeline-totals")));
		fitsTheWidth(width, "pipeline");
		picture("pipeline", width);
		WebElement move = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector(".pipeline-card[data-id='" + deal + "'] .pipeline-move-open")));
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", move);
		move.sendKeys(Keys.ENTER);
		WebElement stage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board-move-stage")));
		assertThat(browser.switchTo().activeElement()).as("the dialog takes the focus").isEqualTo(stage);
		new Select(stage).selectByValue("PROPOSAL");
		browser.findElement(By.id("board-move-submit")).sendKeys(Keys.ENTER);
		wait.until(d -> "PROPOSAL".equals(stageOf(deal)));
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector(".pipeline-column[data-stage='PROPOSAL'] .pipeline-card[data-id='" + deal + "']")));
		fitsTheWidth(width, "pipeline after the move");

		// The deal's page: its next step edited in the details form.
		open("/opportunities/" + deal + "?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("details-form")));
		fitsTheWidth(width, "opportunity");
		assertThat(axeViolations("opportunity " + width)).as("axe-core WCAG A/AA violations").isEmpty();
		WebElement step = browser.findElement(By.id("nextStep"));
		step.clear();
		step.sendKeys("Visitar con el técnico " + mark);
		click(By.id("save-details"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opportunity-next-step"),
				"Visitar con el técnico " + mark));
		picture("opportunity", width);

		// My targets, and the year's quota when the demo rep has one.
		open("/targets?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
		fitsTheWidth(width, "my targets");
		picture("targets", width);
		open("/quotas/" + today.getYear() + "/mine?lang=en");
		if (!browser.findElements(By.id("my-quota-table")).isEmpty()) {
			fitsTheWidth(width, "my quota");
			picture("quota-mine", width);
		}
	}

	private void picture(String page, int width) {
		String name = "phone-" + page + "-" + width;
		screenshot(name);
		Path notes = Path.of("/work/notes");
		if (SCREENSHOTS && Files.isDirectory(notes)) {
			try {
				Files.copy(Path.of("target/screenshots", name + ".png"), notes.resolve(name + ".png"),
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private String stageOf(long id) {
		return jdbc.sql("SELECT stage_code FROM sales_opportunity WHERE id = ?").param(id).query(String.class).single();
	}

	private long deal(Api api, long customer, String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", title);
		body.put("amount", "4500");
		// Long overdue, so it is the first card of its column (nearest close first) whatever other tests added.
		body.put("expectedClose", LocalDate.now(clock).minusYears(3).toString());
		Api.Response created = api.post("/api/v1/opportunities", "rep", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
