package io.rumbo.support;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for a module's event listeners: they run after the publisher's commit, asynchronously, so a test that
 * changes something and then reads what a listener keeps waits until the registry holds no incomplete publication
 * for a listener of that module (the registry records every publication before the publisher's commit completes).
 */
public final class ModuleListeners {

	private ModuleListeners() {
	}

	/** Waits (at most 60 s) until no publication for a listener under {@code modulePackage} is incomplete. */
	public static void await(JdbcClient jdbc, String modulePackage) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			long open = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
					+ " AND listener_id LIKE :l").param("l", modulePackage + ".%").query(Long.class).single();
			if (open == 0) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("The listeners of " + modulePackage + " did not finish in 60 s");
	}
}
