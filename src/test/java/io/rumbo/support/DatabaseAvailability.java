package io.rumbo.support;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL run, skips database tests with a clear message when no PostgreSQL answers, except under
 * {@code CI=true}, where a missing database fails the run instead.
 */
public class DatabaseAvailability implements ExecutionCondition {

	private static volatile String failure;
	private static volatile boolean checked;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!"postgresql".equals(System.getProperty("rumbo.test.database"))) {
			return ConditionEvaluationResult.enabled("H2 run");
		}
		String url = System.getProperty("spring.datasource.url");
		if (!checked) {
			try (Connection connection = DriverManager.getConnection(url, System.getProperty("spring.datasource.username"),
					System.getProperty("spring.datasource.password"))) {
				failure = null;
			}
			catch (Exception ex) {
				failure = ex.getMessage();
			}
			checked = true;
		}
		if (failure == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL at " + url);
		}
		String message = "PostgreSQL not reachable at " + url + " (" + failure
				+ "); start one or pass -Drumbo.test.pg.url=..., -Drumbo.test.pg.user=..., -Drumbo.test.pg.password=...";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true and " + message);
		}
		System.err.println("SKIPPED: " + message);
		return ConditionEvaluationResult.disabled(message);
	}
}
