package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.incentives.Cadence;
import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The payout journey in headless Chromium, on a plan of the test's own (3 % of monthly revenue, this fiscal year's
 * fifth month): finance calculates a run from the runs page, reviews its statements and approves it; the rep opens
 * her statement, drills to the orders behind its line, and questions the line (an empty question first, refused at
 * the field); finance finds the dispute in the list and answers it. At 390 px the statement's amounts stay on
 * screen. axe-core on the statement, the disputes list and the dispute page.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class PayoutJourneyBrowserTests extends BrowserTestSupport {

	static final CurrentUser DIRECTOR = new CurrentUser(new UserId(1), "director", "Director",
			Set.of(Role.DIRECTOR));

	@Autowired
	IncentivePlans plans;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void financeApprovesTheRepQuestionsALineAndFinanceAnswers() {
		int year = calendar.currentYear();
		FiscalPeriod whole = calendar.years().year(year);
		String month = calendar.years().code(new FiscalPeriod(whole.start().plusMonths(4),
				whole.start().plusMonths(5)));
		ComponentDetails revenue = new ComponentDetails("Revenue", Metric.REVENUE, MeasuredOn.PERSON, null,
				Cadence.MONTH, TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(new TierLine(BigDecimal.ZERO, null, new BigDecimal("3"))), null, null, null, null, null, null,
				List.of(), null, null, null);
		PlanView draft = plans.create(DIRECTOR, new PlanDetails("Journey " + System.nanoTime() % 1_000_000, year,
				JobRole.SALESPERSON, null, List.of(), ProrationRule.DAYS, null, DrawKind.NONE, null,
				ClawbackPolicy.FULL, null, List.of(revenue)));
		PlanView plan = plans.approve(DIRECTOR, draft.id(), draft.version());

		signIn("finance");
		open("/incentives/runs?lang=en");
		browser.findElement(By.id("run-period")).sendKeys(month);
		// The plan is chosen by its name among the approved ones.
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("run-plan")))
			.selectByVisibleText(plan.code() + " · " + plan.details().name() + " · " + year);
		click(By.cssSelector("#new-run button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve-run")));
		assertThat(browser.findElement(By.id("run-statements")).getText()).contains("Lucía García Martín");
		String run = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
		long runId = Long.parseLong(run.substring("/incentives/runs/".length()));
		screenshot("payout-journey-run");
		click(By.id("approve-run"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-facts"), "Approved"));

		browser.manage().deleteAllCookies();
		signIn("rep");
		open("/incentives/statements?lang=en&runId=" + runId);
		click(By.cssSelector("#statement-table tbody a"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement-lines")));
		String statement = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
		click(By.cssSelector("#statement-lines .records-link"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("records-table")));
		assertThat(browser.getCurrentUrl()).contains("/metrics/records").contains("period=" + month);
		assertThat(browser.findElements(By.cssSelector("#records-table tbody tr"))).isNotEmpty();
		open(statement + "?lang=en");
		click(By.cssSelector("#statement-lines .dispute-question summary"));
		click(By.cssSelector("#statement-lines .dispute-raise button"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dispute-raise textarea.is-invalid")));
		assertThat(browser.findElement(By.cssSelector(".dispute-raise .invalid-feedback")).getText())
			.isEqualTo("Write what you question about this line.");
		browser.findElement(By.cssSelector(".dispute-raise textarea")).sendKeys("An order of the 20th is missing.");
		click(By.cssSelector("#statement-lines .dispute-raise button"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#statement-lines .dispute-state")));
		assertThat(browser.findElement(By.cssSelector("#statement-lines .dispute-state")).getText()).isEqualTo("Open");
		screenshot("payout-journey-statement");
		List<String> found = new ArrayList<>(axeViolations("statement en"));

		size(390, 844);
		open(statement + "?lang=es");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement-lines")));
		screenshot("payout-journey-statement-390");
		Object fit = script("""
				var cell = document.querySelector('#statement-lines tbody td.fw-semibold');
				var dispute = document.querySelector('#statement-lines tbody td.line-dispute');
				return [cell.getBoundingClientRect().right, document.documentElement.clientWidth,
				  document.documentElement.scrollWidth, dispute.getBoundingClientRect().right];""");
		List<?> figures = (List<?>) fit;
		assertThat(((Number) figures.get(0)).doubleValue())
			.as("the amount is on screen at 390 px (right edge, window, page width: %s)", fit)
			.isLessThanOrEqualTo(((Number) figures.get(1)).doubleValue());
		assertThat(((Number) figures.get(3)).doubleValue())
			.as("the dispute column is on screen at 390 px (amount, window, page width, dispute: %s)", fit)
			.isLessThanOrEqualTo(((Number) figures.get(1)).doubleValue());
		found.addAll(axeViolations("statement es 390"));
		size(1440, 900);
		open(statement + "?lang=en");

		browser.manage().deleteAllCookies();
		signIn("finance");
		open("/incentives/disputes?lang=en&state=OPEN&runId=" + runId);
		found.addAll(axeViolations("disputes en"));
		size(390, 844);
		open("/incentives/disputes?lang=es&state=OPEN&runId=" + runId);
		screenshot("payout-journey-disputes-390");
		Object narrow = script("""
				var table = document.getElementById('dispute-table');
				return [table.querySelectorAll('thead th').length,
				  Array.from(table.querySelectorAll('thead th')).filter(function (th) { return th.offsetParent !== null; }).length,
				  document.documentElement.scrollWidth, document.documentElement.clientWidth];""");
		List<?> columns = (List<?>) narrow;
		assertThat(((Number) columns.get(1)).intValue())
			.as("below md the disputes list hides its secondary columns (columns, shown, page width, window: %s)", narrow)
			.isEqualTo(((Number) columns.get(0)).intValue() - 4);
		assertThat(((Number) columns.get(2)).intValue()).as("page width, window: %s", narrow)
			.isLessThanOrEqualTo(((Number) columns.get(3)).intValue());
		size(1440, 900);
		open("/incentives/disputes?lang=en&state=OPEN&runId=" + runId);
		click(By.cssSelector("#dispute-table tbody a"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dispute-answer")));
		found.addAll(axeViolations("dispute en"));
		browser.findElement(By.id("comment")).sendKeys("No order of the 20th is credited to you; see the list.");
		click(By.cssSelector("#dispute-answer button"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dispute-state"), "Answered"));
		assertThat(browser.findElement(By.id("dispute-response")).getText()).startsWith("No order of the 20th");
		screenshot("payout-journey-dispute");
		assertThat(found).as("axe-core WCAG A/AA violations").isEmpty();
	}
}
