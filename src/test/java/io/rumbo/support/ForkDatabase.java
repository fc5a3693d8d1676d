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
 * in-memory database; in the PostgreSQL run the second JVM to start switches, before any Spring context starts, to a
 * database of its own next to the given one ({@code test} becomes {@code test_fork2}), created when missing and
 * emptied by the usual clean at the start. Which JVM is first is settled by an advisory lock on the given database. Registered for every test class by JUnit's extension auto-detection
 * ({@code junit-platform.properties}); it never disables a test.
 */
public class ForkDatabase implements ExecutionCondition {

	/** The advisory lock keys of the slots: an arbitrary base, slot added. */
	private static final long SLOT_KEY = 7_265_000_000L;

	private static volatile boolean switched;

	/** Every class of this JVM fails with it: none may run on the database the other JVM cleans. */
	private static volatile IllegalStateException failure;

	/** Holds this JVM's slot: the lock lives as long as the connection, closed when the JVM exits. */
	@SuppressWarnings("unused")
	private static Connection claim;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!switched) {
			switchOnce();
		}
		if (failure != null) {
			throw failure;
		}
		return ConditionEvaluationResult.enabled("database of this fork");
	}

	private static synchronized void switchOnce() {
		if (switched) {
			return;
		}
		switched = true;
		String url = System.getProperty("spring.datasource.url");
		if (!"postgresql".equals(System.getProperty("rumbo.test.database")) || url == null) {
			return;
		}
		String user = System.getProperty("spring.datasource.username");
		String password = System.getProperty("spring.datasource.password");
		int slot;
		try {
			slot = claimSlot(url, user, password);
		}
		catch (Exception ex) {
			// Unreachable PostgreSQL: DatabaseAvailability reports it (and fails the run under CI=true).
			return;
		}
		if (slot <= 1) {
			return;
		}
		String own = forkUrl(url, slot);
		try (Connection connection = DriverManager.getConnection(url, user, password);
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, databaseName(own));
			try (ResultSet rows = exists.executeQuery(); Statement create = connection.createStatement()) {
				if (!rows.next()) {
					create.execute("CREATE DATABASE \"" + databaseName(own) + "\"");
				}
			}
		}
		catch (java.sql.SQLException ex) {
			// Another JVM created it between the check and the create: fine. Anything else must stop the run: two JVMs
			// cleaning and migrating one database would fail at random.
			if (!"42P04".equals(ex.getSQLState())) {
				failure = new IllegalStateException("cannot create the test database " + databaseName(own)
						+ " for a second test JVM (the user needs CREATEDB): " + ex.getMessage(), ex);
				return;
			}
		}
		System.setProperty("spring.datasource.url", own);
	}

	/**
	 * The first free slot, claimed with a session advisory lock on the given database that this JVM holds until it
	 * exits: the first JVM gets slot 1 (the given database), the next one slot 2, whatever runs them (surefire's forks,
	 * or two builds against the same database).
	 */
	private static int claimSlot(String url, String user, String password) throws Exception {
		for (int slot = 1; slot <= 16; slot++) {
			Connection connection = DriverManager.getConnection(url, user, password);
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
				lock.setLong(1, SLOT_KEY + slot);
				try (ResultSet rows = lock.executeQuery()) {
					if (rows.next() && rows.getBoolean(1)) {
						claim = connection;
						return slot;
					}
				}
			}
			connection.close();
		}
		throw new IllegalStateException("no free test database slot on " + url);
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
