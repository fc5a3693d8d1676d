package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.people.ProgrammeId;
import io.rumbo.people.ProgrammeKind;
import io.rumbo.people.SessionId;
import io.rumbo.people.Training;
import io.rumbo.people.TrainingProgrammes;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * A plan with training in headless Chromium (Spanish): PEOPLE has two upcoming courses; the demo manager drafts a plan
 * for the demo rep whose training names the first: the draft holds no seat. That course fills up before she starts the
 * plan: she is told so, and the plan stays a draft. She names the other, starts the plan, which shows the rep enrolled,
 * and cancelling the plan shows the seat withdrawn.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class PlanTrainingBrowserTests extends BrowserTestSupport {

	@Autowired
	UserManagement users;

	@Autowired
	StaffManagement staff;

	@Autowired
	TrainingProgrammes programmes;

	@Autowired
	Training training;

	@Autowired
	Clock clock;

	@Test
	void theManagerBooksATrainingWithAPlanAndCancellingThePlanWithdrawsIt() {
		CurrentUser admin = users.actAs("admin").orElseThrow();
		String code = "PT" + System.nanoTime() % 1_000_000;
		LocalDate start = LocalDate.now(clock).plusDays(40);
		SessionView full = session(admin, code + "F", start, 2);
		SessionView open = session(admin, code + "O", start.plusDays(7), 5);
		long pablo = staff.list(admin, new StaffManagement.StaffFilter("Pablo Romero", null, null, null, false, null),
				ListQuery.of(0, 1, null, StaffManagement.SORTS, "employeeNumber")).content().get(0).id();
		training.enrol(admin, SessionId.of(full.id()), pablo, null);

		String title = "Plan con formación " + code;
		signIn("manager");
		open("/improvement/new?lang=es");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-form")));
		new Select(browser.findElement(By.id("staffId"))).selectByVisibleText("García Martín, Lucía");
		By fullOption = By.cssSelector("#support-session-0 option[value='" + full.id() + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(fullOption));
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("goal-name-0")).sendKeys("Completar el curso");
		new Select(browser.findElement(By.id("support-kind-0"))).selectByValue("TRAINING");
		new Select(browser.findElement(By.id("support-session-0"))).selectByValue(String.valueOf(full.id()));
		click(By.id("save-plan"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activate")));
		assertThat(browser.findElements(By.cssSelector("#supports .support-enrolment-status"))).as("a draft holds no seat")
			.isEmpty();
		assertThat(browser.findElement(By.id("supports")).getText()).contains(full.title());
		String planPage = browser.getCurrentUrl();
		// Filled meanwhile: the last seat goes to someone else before the manager starts the plan.
		training.enrol(admin, SessionId.of(full.id()), staffId(admin, "Ane Goñi"), null);
		click(By.id("activate"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "está completa"));
		assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("Borrador");
		screenshot("plan-training-full");

		open(planPage.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "") + "/edit?lang=es");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-form")));
		new Select(browser.findElement(By.id("support-session-0"))).selectByValue(String.valueOf(open.id()));
		click(By.id("save-plan"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activate")));
		click(By.id("activate"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#supports .support-enrolment-status")));
		assertThat(browser.findElement(By.cssSelector("#supports .support-enrolment-status")).getText())
			.isEqualTo("Inscrito");
		assertThat(browser.findElement(By.id("supports")).getText()).contains(open.title());
		screenshot("plan-training-enrolled");
		// At a phone's width the plan page (its goals' charts and their hidden figure tables) fits the screen.
		size(390, 900);
		browser.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("supports")));
		fitsTheWidth(390, "the plan page");
		size(1440, 900);
		browser.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("supports")));

		click(By.cssSelector("#cancel-plan summary"));
		browser.findElement(By.id("cancel-reason")).sendKeys("Cambio de prioridades");
		click(By.id("confirm-cancel"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-cancelled")));
		assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("Cancelado");
		assertThat(browser.findElement(By.cssSelector("#supports .support-enrolment-status")).getText())
			.isEqualTo("Cancelado");
	}

	private SessionView session(CurrentUser admin, String code, LocalDate start, int capacity) {
		ProgrammeView programme = programmes.createProgramme(admin, new TrainingProgrammes.ProgrammeDetails(code,
				"Curso " + code, ProgrammeKind.SALES_METHOD, null, null, null, new BigDecimal("50")));
		return programmes.addSession(admin, ProgrammeId.of(programme.id()), new TrainingProgrammes.SessionDetails(
				"Grupo " + code, start, start.plusDays(1), "Formadora", "Madrid", capacity));
	}

	private long staffId(CurrentUser admin, String name) {
		return staff.list(admin, new StaffManagement.StaffFilter(name, null, null, null, false, null),
				ListQuery.of(0, 1, null, StaffManagement.SORTS, "employeeNumber")).content().get(0).id();
	}
}
