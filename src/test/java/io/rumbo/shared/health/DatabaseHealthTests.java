package io.rumbo.shared.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The db indicator answers within its budget whatever the pool does: a hanging database is DOWN, not a hung probe. */
class DatabaseHealthTests {

	/** A database that answers normally, hangs on every new connection, or refuses them. */
	static final class Database extends DelegatingDataSource {

		volatile CountDownLatch hang;
		volatile boolean refuse;

		Database() {
			JdbcDataSource h2 = new JdbcDataSource();
			h2.setURL("jdbc:h2:mem:health;DB_CLOSE_DELAY=-1");
			setTargetDataSource(h2);
			// Opens the in-memory database and loads the driver now, so the first probe measures the check alone.
			try (Connection warm = h2.getConnection()) {
				warm.isValid(1);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public Connection getConnection() throws SQLException {
			CountDownLatch latch = hang;
			if (latch != null) {
				try {
					latch.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (refuse) {
				throw new SQLException("Connection refused");
			}
			return super.getConnection();
		}
	}

	@Test
	void aHangingDatabaseIsDownWithinTheBudgetAndUpWhenItReturns() throws Exception {
		Database database = new Database();
		DatabaseHealth health = new DatabaseHealth(database, DatabaseHealth.BUDGET);
		try {
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);

			database.hang = new CountDownLatch(1);
			long started = System.nanoTime();
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.health().getStatus()).as("a second probe while the first check still hangs")
				.isEqualTo(Status.DOWN);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));

			database.hang.countDown();
			database.hang = null;
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			health.destroy();
		}
	}

	@Test
	void aRefusingDatabaseIsDown() throws Exception {
		Database database = new Database();
		DatabaseHealth health = new DatabaseHealth(database, Duration.ofSeconds(1));
		try {
			database.refuse = true;
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			database.refuse = false;
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			health.destroy();
		}
	}

	@Test
	void eachProbeAnswersWithinTwoSeconds() throws Exception {
		Database database = new Database();
		database.hang = new CountDownLatch(1);
		DatabaseHealth health = new DatabaseHealth(database);
		try {
			long started = System.nanoTime();
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
		}
		finally {
			database.hang.countDown();
			health.destroy();
		}
	}
}
