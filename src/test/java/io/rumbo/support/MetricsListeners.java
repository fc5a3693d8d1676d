package io.rumbo.support;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The metrics listeners run after commit on other threads, so the facts trail the records by a moment; a test that
 * compares figures read from the facts with the records' tables waits until no metrics publication is open.
 */
public final class MetricsListeners {

	private MetricsListeners() {
	}

	/** Waits (up to a minute) until every metrics listener has finished its publications. */
	public static void awaitIdle(JdbcClient jdbc) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			long open = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
					+ " AND listener_id LIKE 'io.rumbo.metrics.%'").query(Long.class).single();
			if (open == 0) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("The metrics listeners did not finish in 60 s");
	}
}
