package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.rumbo.support.Api;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The gap report and enrolment journey in headless Chromium: PEOPLE requires a new qualification of Equipo Madrid
 * Norte's salespeople and sets up a programme granting it with a session (through the API); the region's manager
 * opens the gap report for the team and that qualification, sees every salesperson of the team missing it in the table
 * and the heat map, enrols them all from the report, and finds them on the programme's page enrolled from the gap
 * report; the demo's PEOPLE account (rrhh) finds the requirement and the forms that keep the catalogue and sessions.
 * Pages in English (the last ones in Spanish); the session is dated far ahead so the journey holds on any day.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class PeopleJourneyBrowserTests extends BrowserTestSupport {

	@Test
	void aManagerEnrolsTheTeamMissingAQualificationFromTheGapReport() throws Exception {
		Api api = new Api(port);
		ApiTestSupport.ensureExtraRoleUsers(api);
		String code = "J" + System.nanoTime() % 1_000_000_000L;
		long team = api.get("/api/v1/org-units?q=E-MAD-NOR", "admin").json().get("content").get(0).get("id").asLong();
		Api.Response q = api.post("/api/v1/people/qualifications", "people", Map.of("code", code, "name",
				"Journey certification " + code, "kind", "PRODUCT_CERTIFICATION", "maxLevel", 1));
		assertThat(q.status()).as(q.body()).isEqualTo(201);
		long qualification = q.json().get("id").asLong();
		Api.Response required = api.post("/api/v1/people/requirements", "people", Map.of("jobRole", "SALESPERSON",
				"unitId", team, "qualificationId", qualification, "minLevel", 1, "importance", "REQUIRED"));
		assertThat(required.status()).as(required.body()).isEqualTo(201);
		Api.Response programme = api.post("/api/v1/people/programmes", "people", Map.of("code", code + "P", "name",
				"Journey course " + code, "kind", "PRODUCT", "qualificationId", qualification, "grantLevel", 1));
		assertThat(programme.status()).as(programme.body()).isEqualTo(201);
		long programmeId = programme.json().get("id").asLong();
		Api.Response session = api.post("/api/v1/people/programmes/" + programmeId + "/sessions", "people",
				Map.of("title", "Journey session " + code, "startsOn", "2099-05-04", "endsOn", "2099-05-05", "trainer",
						"Trainer", "capacity", 30));
		assertThat(session.status()).as(session.body()).isEqualTo(201);
		long missing = api.get("/api/v1/people/gaps?qualificationId=" + qualification + "&unitId=" + team, "manager")
			.json().get("page").get("totalElements").asLong();
		assertThat(missing).as("the team's salespeople").isGreaterThanOrEqualTo(3);

		signIn("manager");
		open("/people/gaps?lang=en&unitId=" + team + "&qualificationId=" + qualification);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gap-table")));
		List<WebElement> rows = browser.findElements(By.cssSelector("#gap-table tbody tr"));
		assertThat(rows).hasSize((int) missing);
		assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains("Journey certification " + code)
			.contains("Missing"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#gap-heatmap canvas")));
		screenshot("people-gap-report");
		new Select(browser.findElement(By.id("enrol-qualification"))).selectByValue(Long.toString(qualification));
		new Select(browser.findElement(By.id("enrol-session")))
			.selectByValue(Long.toString(session.json().get("id").asLong()));
		click(By.id("gap-enrol"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"),
				missing + " enrolled, 0 already enrolled, 0 without a seat."));

		open("/people/training/" + programmeId + "?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enrolment-table")));
		List<WebElement> enrolled = browser.findElements(By.cssSelector("#enrolment-table tbody tr"));
		assertThat(enrolled).hasSize((int) missing);
		assertThat(enrolled).allSatisfy(r -> assertThat(r.getText()).contains("Gap report").contains("Enrolled"));
		assertThat(browser.findElement(By.id("session-table")).getText()).contains(missing + " / 30");
		screenshot("people-programme");

		// The demo's PEOPLE account keeps the catalogue, requirements, programmes and sessions on the pages.
		browser.manage().deleteAllCookies();
		signIn("rrhh");
		open("/people/qualifications?lang=es");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requirement-form")));
		assertThat(browser.findElement(By.id("requirement-table")).getText()).contains("Journey certification " + code)
			.contains("Equipo Madrid Norte").contains("Obligatoria");
		assertThat(browser.findElements(By.id("qualification-form"))).hasSize(1);
		open("/people/training/" + programmeId + "?lang=es");
		assertThat(browser.findElements(By.id("session-form"))).hasSize(1);
		assertThat(browser.findElement(By.id("enrolment-table")).getText()).contains("Informe de carencias");
	}
}
