package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Headless Chromium for the page tests that need a browser; screenshots land in target/screenshots. One Chromium
 * serves every browser test of the run ({@link SharedChromium}): starting one per test cost more than most tests.
 * Before each test it is brought back to the state of a new one: one window on a blank page, 1440x900, no cookies
 * and no site storage; a browser that does not answer is replaced.
 */
@ExtendWith(SharedChromium.class)
abstract class BrowserTestSupport {

	@LocalServerPort
	int port;

	static final boolean SCREENSHOTS = !"false".equals(System.getProperty("rumbo.test.screenshots"));

	/** Set by {@link SharedChromium} before each test. */
	ChromeDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void waitForPages() {
		// Pages redraw parts of themselves with htmx: an element read during a swap is read again.
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	void size(int width, int height) {
		browser.manage().window().setSize(new Dimension(width, height));
	}

	void signIn(String user) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("userMenu")));
		// Signing in brings back the language the user chose last (a cookie): a test that left this user in Spanish
		// must not turn the next one's pages Spanish. Tests start in English, as a new browser here does; a test
		// that wants Spanish asks for it with ?lang=es.
		open("/?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("userMenu")));
	}

	/**
	 * Waits until the element has left the page (a navigation, or an htmx swap that replaced it). While the old
	 * document goes, Chromium may answer a question about its node with "does not belong to the document" instead of
	 * a stale reference (Selenium's {@code stalenessOf} takes that for an error): both mean gone.
	 */
	void waitGone(org.openqa.selenium.WebElement element) {
		wait.until(d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	/** Clicks after scrolling the element to the middle of the window at once (Bootstrap makes scrolling smooth). */
	void click(By locator) {
		click(wait.until(ExpectedConditions.presenceOfElementLocated(locator)));
	}

	/**
	 * Scrolls the element to the middle of the window and clicks it, again while something (a chart still resizing,
	 * a sticky bar) lies over it for a moment.
	 */
	void click(org.openqa.selenium.WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		wait.until(ExpectedConditions.elementToBeClickable(element));
		new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(ElementClickInterceptedException.class).until(d -> {
			element.click();
			return true;
		});
	}

	/** At a phone's width nothing makes the page wider than the screen (a table scrolls inside its own box). */
	void fitsTheWidth(int width, String page) {
		if (width > 400) {
			return;
		}
		long scroll = (Long) script("return document.documentElement.scrollWidth");
		// On failure, name the elements that stick out (the deepest ones), to know what to fix.
		Object wide = scroll <= width ? "" : script("""
				var out = [];
				document.querySelectorAll('main *').forEach(function (e) {
				  var r = e.getBoundingClientRect();
				  if (r.right > arguments[0] + 1 && !Array.prototype.some.call(e.children, function (c) {
				      return c.getBoundingClientRect().right > arguments[0] + 1; }))
				    out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right));
				});
				return out.slice(0, 8).join(' | ');""".replace("arguments[0]", String.valueOf(width)));
		assertThat(scroll).as(page + " scrolls sideways at " + width + " px: " + wide).isLessThanOrEqualTo(width);
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	/**
	 * A picture of the whole page in target/screenshots, for people to look at; nothing is checked on it. Off when the
	 * system property {@code rumbo.test.screenshots} is {@code false}, as in the PostgreSQL run (pom.xml), which shows
	 * the same pages as the H2 run before it (decision 0034).
	 */
	void screenshot(String name) {
		if (!SCREENSHOTS) {
			return;
		}
		try {
			Path folder = Files.createDirectories(Path.of("target/screenshots"));
			// The whole page, not only the window: set the window as tall as the page for the picture.
			Dimension window = browser.manage().window().getSize();
			long height = (Long) script("return Math.max(document.body.scrollHeight, window.innerHeight)");
			browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 140, 6000)));
			Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
			browser.manage().window().setSize(window);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What axe-core (WCAG 2.0 and 2.1, levels A and AA) finds on the page shown, each rule with up to five elements,
	 * prefixed by {@code page}; a screenshot of the page when it finds something.
	 */
	@SuppressWarnings("unchecked")
	java.util.List<String> axeViolations(String page) {
		try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js from com.deque.html.axe-core:selenium is missing");
			}
			script(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
				    resultTypes: ['violations'] })
				  .then(function (r) {
				    done(r.violations.map(function (v) {
				      return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(function (n) {
				        return n.target.join(' ') + (n.any.length && n.any[0].message ? ' [' + n.any[0].message + ']' : '');
				      }).join('; ');
				    }));
				  })
				  .catch(function (e) { done(['axe failed: ' + e]); });""");
		java.util.List<String> found = new java.util.ArrayList<>();
		((java.util.List<Object>) answer).forEach(v -> found.add(page + ": " + v));
		if (!found.isEmpty()) {
			screenshot("axe-" + page.replace(' ', '-'));
		}
		return found;
	}
}
