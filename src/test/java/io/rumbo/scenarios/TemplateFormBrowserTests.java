package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The template authoring page in headless Chromium, in Spanish: a second criterion added with the keyboard, turned
 * qualitative (its levels appear), the weights' total following what is typed (70,5 + 29,5 = 100 %); axe-core finds
 * nothing in either language; screenshots at 1440 and 390 px.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class TemplateFormBrowserTests extends BrowserTestSupport {

	@Test
	void aDirectorWritesCriteriaWithTheKeyboardAndSeesTheTotal() {
		signIn("director");
		open("/evaluation/templates/new?lang=es");
		browser.findElement(By.id("name")).sendKeys("Plantilla de prueba");
		browser.findElement(By.id("c0-name")).sendKeys("Ventas");
		browser.findElement(By.id("c0-weight")).sendKeys("70,5");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("weight-total"), "70,5 %"));
		browser.findElement(By.id("add-criterion")).sendKeys(Keys.ENTER);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("c1-name")));
		assertThat(browser.findElement(By.id("c0-weight")).getAttribute("value")).isEqualTo("70,5");
		browser.findElement(By.id("c1-name")).sendKeys("Relación con el cliente");
		new Select(browser.findElement(By.id("c1-kind"))).selectByValue("QUALITATIVE");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("c1-level-1")));
		browser.findElement(By.id("c1-weight")).sendKeys("29,5");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("weight-total"), "pesos: 100 %"));
		assertThat(browser.findElement(By.id("weight-total")).getText()).doesNotContain("debe ser");
		new Select(browser.findElement(By.id("c0-method"))).selectByValue("BANDS");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("c0-band-0-from")));
		screenshot("evaluation-template-form-es-1440");
		size(390, 844);
		screenshot("evaluation-template-form-es-390");
		size(1440, 900);

		List<String> found = new ArrayList<>(axeViolations("template form es"));
		open("/evaluation/templates/new?lang=en");
		found.addAll(axeViolations("template form en"));
		screenshot("evaluation-template-form-en-1440");
		size(390, 844);
		screenshot("evaluation-template-form-en-390");
		assertThat(found).as("axe-core WCAG A/AA violations").isEmpty();
	}
}
