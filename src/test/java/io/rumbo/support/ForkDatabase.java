package io.rumbo.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite runs in two JVMs at once (surefire forks, decision 0043): on H2 each has its own
 * in-memory database; in the PostgreSQL run the second and later forks switch, before any Spring context starts, to a
 * database of their own next to the given one ({@code test} becomes {@code test_fork2}), created when missing and
 * emptied by the usual clean at the start. Registered for every test class by JUnit's extension auto-detection
 * ({@code junit-platform.properties}); it never disables a test.
 */
public class ForkDatabase implements ExecutionCondition {

	private static volatile boolean switched;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!switched) {
			switchOnce();
		}
		return ConditionEvaluationResult.enabled("database of this fork");
	}

	private static synchronized void switchOnce() {
		if (switched) {
			return;
		}
		switched = true;
		String fork = System.getProperty("rumbo.test.fork", "");
		String url = System.getProperty("spring.datasource.url");
		if (!"postgresql".equals(System.getProperty("rumbo.test.database")) || url == null || !fork.matches("\\d+")
				|| Integer.parseInt(fork) <= 1) {
			return;
		}
		String own = forkUrl(url, Integer.parseInt(fork));
		String name = databaseName(own);
		try (Connection connection = DriverManager.getConnection(url, System.getProperty("spring.datasource.username"),
				System.getProperty("spring.datasource.password"));
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, name);
			try (ResultSet rows = exists.executeQuery(); Statement create = connection.createStatement()) {
				if (!rows.next()) {
					create.execute("CREATE DATABASE \"" + name + "\"");
				}
			}
		}
		catch (Exception ex) {
			// Unreachable PostgreSQL: DatabaseAvailability reports it (and fails the run under CI=true).
			return;
		}
		System.setProperty("spring.datasource.url", own);
	}

	/** {@code jdbc:postgresql://host:5432/test?x=y} for fork 2 is {@code jdbc:postgresql://host:5432/test_fork2?x=y}. */
	static String forkUrl(String url, int fork) {
		int query = url.indexOf('?');
		String base = query < 0 ? url : url.substring(0, query);
		String rest = query < 0 ? "" : url.substring(query);
		return base + "_fork" + fork + rest;
	}

	static String databaseName(String url) {
		int query = url.indexOf('?');
		String base = query < 0 ? url : url.substring(0, query);
		return base.substring(base.lastIndexOf('/') + 1);
	}
}
