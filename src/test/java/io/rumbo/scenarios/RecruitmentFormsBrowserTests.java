package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.rumbo.support.Api;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The recruitment forms of decision 0040 in a browser, on a team of its own under Región Centro: the manager edits
 * their draft (budgeted cost) on its page and sees that a director must approve it; the director sees the same and the
 * buttons once it is submitted; PEOPLE uploads a CV on the candidate's page and finds it listed, and sees the stage and
 * approval rule pages. No WCAG A/AA violation on the new pages.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class RecruitmentFormsBrowserTests extends BrowserTestSupport {

	@Test
	void aDraftIsEditedOnItsPageAndPeopleUploadsACandidatesCv() throws Exception {
		Api api = new Api(port);
		ApiTestSupport.ensureExtraRoleUsers(api);
		String code = ApiTestSupport.unique("RB").replace("-", "");
		long team = api.post("/api/v1/org-units", "admin", ApiTestSupport.unitBody(code,
				ApiTestSupport.unitId(api, "R-CENTRO"))).json().get("id").asLong();
		long position = api.put("/api/v1/org-units/" + team + "/positions", "admin",
				Map.of("jobRole", "SALESPERSON", "plannedHeadcount", 1)).json().get("id").asLong();
		Api.Response raised = api.post("/api/v1/people/requisitions", "manager", Map.of("positionId", position,
				"reason", "GROWTH", "budgetedCost", "30000"));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		long requisition = raised.json().get("id").asLong();
		List<String> violations = new ArrayList<>();

		signIn("manager");
		open("/people/requisitions/" + requisition + "?lang=en");
		assertThat(browser.findElement(By.id("requisition-approver")).getText()).contains("A director")
			.contains("The company's rule");
		click(By.cssSelector("#edit-requisition summary"));
		browser.findElement(By.id("edit-cost")).clear();
		browser.findElement(By.id("edit-cost")).sendKeys("32500");
		click(By.id("save-requisition"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "Requisition saved"));
		assertThat(browser.findElement(By.id("requisition-cost")).getText()).contains("32,500");
		violations.addAll(axeViolations("requisition draft"));
		click(By.id("submit-requisition"));
		wait.until(ExpectedConditions.textToBe(By.id("requisition-status"), "Submitted"));
		assertThat(browser.findElements(By.id("approve-requisition"))).as("the manager is not the approver").isEmpty();

		browser.manage().deleteAllCookies();
		signIn("director");
		open("/people/requisitions/" + requisition + "?lang=en");
		assertThat(browser.findElements(By.id("approve-requisition"))).hasSize(1);
		click(By.id("approve-requisition"));
		wait.until(ExpectedConditions.textToBe(By.id("requisition-status"), "Approved"));

		long candidate = api.post("/api/v1/people/requisitions/" + requisition + "/candidates", "people",
				Map.of("firstName", "Olga" + code, "lastName", "Browser", "source", "WEBSITE")).json().get("id")
			.asLong();
		Path cv = Files.createTempFile("cv-", ".pdf");
		Files.write(cv, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		browser.manage().deleteAllCookies();
		signIn("rrhh");
		open("/people/candidates/" + candidate + "?lang=en");
		browser.findElement(By.id("candidateFile")).sendKeys(cv.toAbsolutePath().toString());
		click(By.id("upload-document"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "uploaded"));
		assertThat(browser.findElement(By.id("candidate-files")).getText()).contains(cv.getFileName().toString());
		violations.addAll(axeViolations("candidate files"));
		open("/people/stages?lang=en");
		assertThat(browser.findElement(By.id("stage-HIRED")).getText()).contains("Fixed");
		violations.addAll(axeViolations("stages"));
		open("/people/approval-rules?lang=en");
		assertThat(browser.findElements(By.id("new-rule-form"))).as("PEOPLE reads the rules").isEmpty();
		browser.manage().deleteAllCookies();
		signIn("director");
		open("/people/approval-rules?lang=en");
		assertThat(browser.findElements(By.id("new-rule-form"))).hasSize(1);
		violations.addAll(axeViolations("approval rules"));
		Files.deleteIfExists(cv);
		assertThat(violations).isEmpty();
	}
}
