package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.people.PeopleViews;
import io.rumbo.people.ProgrammeId;
import io.rumbo.people.ProgrammeKind;
import io.rumbo.people.TrainingProgrammes;
import io.rumbo.support.Api;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The recruitment journey in headless Chromium, in English (decision 0036): Región Centro's manager raises a
 * requisition for the vacancy of a new team of the region and submits it; the director approves it; PEOPLE moves a
 * candidate to an interview and hires them. The new salesperson is on the team's staff list, the requisition is
 * filled, and the people module's onboarding (listening to the organisation's StaffHired) enrols them in an open
 * onboarding session.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class RecruitmentJourneyBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserManagement users;

	@Autowired
	TrainingProgrammes programmes;

	@Autowired
	Clock clock;

	@Test
	void aManagerRaisesTheDirectorApprovesAndPeopleHiresTheNewSalesperson() throws Exception {
		Api api = new Api(port);
		ApiTestSupport.ensureExtraRoleUsers(api);
		String code = ApiTestSupport.unique("RJ").replace("-", "");
		long team = api.post("/api/v1/org-units", "admin", ApiTestSupport.unitBody(code,
				ApiTestSupport.unitId(api, "R-CENTRO"))).json().get("id").asLong();
		long position = api.put("/api/v1/org-units/" + team + "/positions", "admin",
				Map.of("jobRole", "SALESPERSON", "plannedHeadcount", 1)).json().get("id").asLong();
		// An onboarding session with seats, whatever other tests did to the demo's.
		LocalDate today = LocalDate.now(clock);
		CurrentUser admin = users.actAs("admin").orElseThrow();
		PeopleViews.ProgrammeView onboarding = programmes.createProgramme(admin, new TrainingProgrammes.ProgrammeDetails(code,
				"Onboarding " + code, ProgrammeKind.ONBOARDING, null, null, null, null));
		programmes.addSession(admin, ProgrammeId.of(onboarding.id()), new TrainingProgrammes.SessionDetails("Intake " + code,
				today.plusDays(3), today.plusDays(5), "Laura", "Madrid", 50));

		signIn("manager");
		open("/people/requisitions/new?lang=en");
		new Select(browser.findElement(By.id("positionId"))).selectByValue(Long.toString(position));
		new Select(browser.findElement(By.id("reason"))).selectByValue("GROWTH");
		browser.findElement(By.id("budgetedCost")).sendKeys("40000");
		browser.findElement(By.id("notes")).sendKeys("Journey " + code);
		click(By.id("raise"));
		wait.until(ExpectedConditions.textToBe(By.id("requisition-status"), "Draft"));
		String url = browser.getCurrentUrl();
		long requisition = Long.parseLong(url.replaceAll(".*/people/requisitions/(\\d+).*", "$1"));
		click(By.id("submit-requisition"));
		wait.until(ExpectedConditions.textToBe(By.id("requisition-status"), "Submitted"));
		screenshot("recruitment-submitted");

		browser.manage().deleteAllCookies();
		signIn("director");
		open("/people/requisitions/" + requisition + "?lang=en");
		assertThat(browser.findElement(By.id("candidates-hidden")).getText()).as("the director sees no candidates")
			.contains("visible only to PEOPLE");
		click(By.id("approve-requisition"));
		wait.until(ExpectedConditions.textToBe(By.id("requisition-status"), "Approved"));
		assertThat(browser.findElement(By.id("requisition-decided")).getText()).as("named by display name")
			.startsWith("Carmen Navarro Ruiz").doesNotContain("director");
		open("/people/requisitions?q=" + code + "&lang=en");
		assertThat(browser.findElement(By.id("requisition-table")).getText()).contains("Unidad " + code)
			.contains("Approved");
		assertThat(browser.findElement(By.id("open-by-unit-table")).getText()).contains("Unidad " + code);
		wait.until(d -> !d.findElements(By.cssSelector("#open-by-unit-chart canvas, #open-by-unit-chart svg")).isEmpty());
		screenshot("recruitment-requisitions");

		Api.Response added = api.post("/api/v1/people/requisitions/" + requisition + "/candidates", "people",
				Map.of("firstName", "Nerea" + code, "lastName", "Journey", "email", "nerea@example.com", "source",
						"REFERRAL"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		long candidate = added.json().get("id").asLong();

		browser.manage().deleteAllCookies();
		signIn("rrhh");
		open("/people/candidates/" + candidate + "?lang=en");
		new Select(browser.findElement(By.id("stage"))).selectByValue("INTERVIEWED");
		click(By.id("move-candidate"));
		wait.until(ExpectedConditions.textToBe(By.id("candidate-stage"), "Interviewed"));
		click(By.id("hire-candidate"));
		wait.until(ExpectedConditions.textToBe(By.id("candidate-stage"), "Hired"));
		assertThat(browser.findElement(By.id("problem")).getText()).contains("now works in Unidad " + code);
		screenshot("recruitment-hired");
		open("/people/candidates?q=" + code + "&lang=en");
		assertThat(browser.findElement(By.id("candidate-table")).getText()).contains("Journey, Nerea" + code)
			.contains("Hired");
		long staff = api.get("/api/v1/people/candidates/" + candidate, "people").json().get("candidate")
			.get("staffId").asLong();

		open("/organization/staff?unitId=" + team + "&lang=en");
		assertThat(browser.findElement(By.id("results")).getText()).contains("Nerea" + code);
		open("/people/requisitions/" + requisition + "?lang=en");
		assertThat(browser.findElement(By.id("requisition-status")).getText()).isEqualTo("Filled");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_staff WHERE unit_id = :u").param("u", team).query(Long.class)
			.single()).isEqualTo(1);
		// The people module's onboarding enrols the new hire (after the hire's transaction, asynchronously).
		assertThat(RecruitmentApiScenarioTests.eventually(() -> jdbc.sql("SELECT COUNT(*) FROM people_enrolment e "
				+ "JOIN people_programme p ON p.id = e.programme_id WHERE e.staff_id = :s AND p.kind = 'ONBOARDING' "
				+ "AND e.source = 'HIRING'").param("s", staff).query(Long.class).single() > 0 ? Boolean.TRUE : null))
			.isTrue();
	}
}
