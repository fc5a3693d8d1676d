package io.rumbo.scenarios;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.rumbo.support.BrowserAvailability;

/**
 * One headless Chromium for all the browser tests of a test run (a JVM), quit when the run ends. Before each test
 * it is made as good as new: extra windows closed, a blank page, every cookie and the application's site storage
 * (local and session storage, IndexedDB, caches) cleared, the window 1440x900. A browser that fails to do so (it
 * crashed, or a test left it unusable) is quit and a new one started. Only the HTTP cache of static files is kept.
 */
class SharedChromium implements BeforeEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedChromium.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		BrowserTestSupport test = (BrowserTestSupport) context.getRequiredTestInstance();
		Holder holder = context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
		test.browser = holder.fresh("http://localhost:" + test.port);
	}

	/** Closed by JUnit when the test run ends. */
	static final class Holder implements AutoCloseable {

		private ChromeDriver driver;

		ChromeDriver fresh(String origin) {
			if (driver != null) {
				try {
					reset(driver, origin);
					return driver;
				}
				catch (WebDriverException ex) {
					close();
				}
			}
			driver = start();
			reset(driver, origin);
			return driver;
		}

		private static ChromeDriver start() {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(BrowserAvailability.CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--lang=en-GB", "--window-size=1440,900");
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(BrowserAvailability.CHROMEDRIVER))
				.build();
			return new ChromeDriver(service, options);
		}

		private static void reset(ChromeDriver driver, String origin) {
			List<String> windows = List.copyOf(driver.getWindowHandles());
			for (String window : windows.subList(1, windows.size())) {
				driver.switchTo().window(window).close();
			}
			driver.switchTo().window(windows.get(0));
			driver.get("about:blank");
			driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
			driver.manage().window().setSize(new Dimension(1440, 900));
		}

		@Override
		public void close() {
			if (driver != null) {
				try {
					driver.quit();
				}
				catch (WebDriverException ex) {
					// Already gone: nothing to quit.
				}
				driver = null;
			}
		}
	}
}
