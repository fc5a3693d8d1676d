package io.rumbo.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests when Chromium and its driver are installed; otherwise skips them with a clear message,
 * except under {@code CI=true}, where their absence fails the run.
 */
public class BrowserAvailability implements ExecutionCondition {

	public static final String CHROMIUM = System.getProperty("rumbo.test.chromium", "/usr/bin/chromium");
	public static final String CHROMEDRIVER = System.getProperty("rumbo.test.chromedriver", "/usr/bin/chromedriver");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER))) {
			return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
		}
		String message = "Chromium or chromedriver not found (" + CHROMIUM + ", " + CHROMEDRIVER
				+ "); install Debian's chromium and chromium-driver, or set -Drumbo.test.chromium and -Drumbo.test.chromedriver";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true and " + message);
		}
		System.err.println("SKIPPED: " + message);
		return ConditionEvaluationResult.disabled(message);
	}
}
