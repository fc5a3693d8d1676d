package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.rumbo.identity.UserManagement;
import io.rumbo.support.Api;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The territory pages beside the editor, in Spanish, in headless Chromium (decision 0041): the director schedules a
 * draft of the test's own for a later date (the badge, the date and the director's name show; back to draft), excludes
 * an account of the test's own from realignments with a reason through the account picker, finds it with the search
 * (who excluded it shows by name) and includes it again; the call norms show every class. Each page at 1440 px, and
 * at 390 px it fits the width (the model list with the director's own territories too).
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class TerritoriesPagesBrowserTests extends BrowserTestSupport {

	@Autowired
	Clock clock;

	@Autowired
	UserManagement users;

	@Test
	void theDirectorSchedulesADraftAndUnschedulesIt() {
		Api api = new Api(port);
		String name = "Programado " + System.nanoTime() % 1_000_000;
		Api.Response created = api.post("/api/v1/territories/models", "director", Map.of("name", name));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long model = created.json().get("id").asLong();
		LocalDate later = LocalDate.now(clock).plusDays(45);
		String director = users.findByUsername("director").orElseThrow().displayName();

		size(1440, 900);
		signIn("director");
		open("/territories/models/" + model + "?lang=es");
		assertThat(browser.findElement(By.id("model-status")).getText()).isEqualTo("Borrador");
		script("arguments[0].value = arguments[1]", browser.findElement(By.id("schedule-date")), later.toString());
		click(By.id("schedule"));
		wait.until(ExpectedConditions.textToBe(By.id("model-status"), "Programado"));
		String scheduled = browser.findElement(By.id("model-scheduled")).getText();
		assertThat(scheduled).as("the date and who scheduled, by name").contains(Integer.toString(later.getYear()))
			.contains(Integer.toString(later.getDayOfMonth())).contains(director).doesNotEndWith(" director");
		screenshot("territories-scheduled-es");
		size(390, 844);
		open("/territories/models/" + model + "?lang=es");
		fitsTheWidth(390, "scheduled model");

		size(1440, 900);
		click(By.id("unschedule"));
		wait.until(ExpectedConditions.textToBe(By.id("model-status"), "Borrador"));
		assertThat(browser.findElements(By.id("model-scheduled"))).isEmpty();

		size(390, 844);
		open("/territories?lang=es");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-frozen")));
		fitsTheWidth(390, "model list");
	}

	@Test
	void theDirectorFreezesAnAccountFindsItAndIncludesItAgainAndReadsTheCallNorms() {
		Api api = new Api(port);
		String name = "Congelada " + System.nanoTime() % 1_000_000;
		long lucia = ApiTestSupport.staffByName(api, "Lucía García").get("id").asLong();
		long account = TerritoriesJourneyBrowserTests.customer(api, "Zona " + name, name, "28001", lucia);

		size(1440, 900);
		signIn("director");
		open("/territories/frozen?lang=es");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cuentas excluidas de la realineación");
		click(By.id("new-frozen"));
		WebElement picker = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("frozen-customer")));
		picker.sendKeys(name);
		click(wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("#frozen-customer-options [role=option][data-id='" + account + "']"))));
		browser.findElement(By.id("frozen-reason")).sendKeys("Negociación abierta " + name);
		WebElement freeze = browser.findElement(By.id("freeze"));
		click(freeze);
		// The freeze answers the page again: wait for the old one to go before typing into its search.
		waitGone(freeze);

		WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
		search.clear();
		search.sendKeys(name);
		WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("frozen-" + account)));
		wait.until(d -> browser.findElements(By.cssSelector("#frozen-table tbody tr[id^='frozen-']")).size() == 1);
		assertThat(browser.findElement(By.id("frozen-" + account)).getText()).contains(name)
			.contains("Negociación abierta " + name)
			.as("who excluded it, by name").contains(users.findByUsername("director").orElseThrow().displayName());
		screenshot("territories-frozen-es");
		size(390, 844);
		open("/territories/frozen?lang=es&q=" + name.replace(' ', '+'));
		fitsTheWidth(390, "frozen accounts");

		size(1440, 900);
		row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("frozen-" + account)));
		browser.findElement(By.id("unfreeze-reason-" + account)).sendKeys("Negociación cerrada");
		click(row.findElement(By.cssSelector("button[type=submit]")));
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("frozen-" + account)));
		open("/territories/frozen?lang=es&q=" + name.replace(' ', '+'));
		assertThat(browser.findElements(By.id("frozen-" + account))).as("included again").isEmpty();

		open("/territories/call-norms?lang=es");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Normas de visita");
		for (String c : new String[] { "A", "B", "C" }) {
			assertThat(browser.findElements(By.id("norm-" + c))).as("class " + c).hasSize(1);
		}
		assertThat(browser.findElement(By.id("calls-A")).getAttribute("value")).isNotBlank();
		screenshot("territories-call-norms-es");
		size(390, 844);
		open("/territories/call-norms?lang=es");
		fitsTheWidth(390, "call norms");
		size(1440, 900);
	}
}
