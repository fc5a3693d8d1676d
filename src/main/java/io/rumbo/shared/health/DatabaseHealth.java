package io.rumbo.shared.health;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database part of {@code /actuator/health} and of readiness, answered within a fixed budget. Spring Boot's own
 * indicator waits as long as the pool does for a connection (and a query on a dead socket can wait longer), so a
 * probe could hang while the database is gone. Here the check ({@code Connection.isValid(1)}) runs on one
 * background thread and the probe waits at most {@link #BUDGET}: no answer in time is DOWN. While a slow check is
 * still running, further probes wait for that same check instead of piling up threads. The bean name replaces
 * Spring Boot's {@code db} indicator.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

	static final Duration BUDGET = Duration.ofSeconds(1);

	private final DataSource dataSource;
	private final Duration budget;
	private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "database-health");
		thread.setDaemon(true);
		return thread;
	});
	private @Nullable Future<Boolean> running;

	@org.springframework.beans.factory.annotation.Autowired
	DatabaseHealth(DataSource dataSource) {
		this(dataSource, BUDGET);
	}

	DatabaseHealth(DataSource dataSource, Duration budget) {
		this.dataSource = dataSource;
		this.budget = budget;
	}

	@Override
	public Health health() {
		Future<Boolean> check = current();
		try {
			return check.get(budget.toMillis(), TimeUnit.MILLISECONDS) ? Health.up().build()
					: Health.down().withDetail("reason", "connection not valid").build();
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("reason", "no answer within " + budget.toMillis() + " ms").build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause() instanceof Exception cause ? cause : ex).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down(ex).build();
		}
	}

	private synchronized Future<Boolean> current() {
		if (running == null || running.isDone()) {
			running = checker.submit(this::valid);
		}
		return running;
	}

	private boolean valid() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(1);
		}
	}

	@Override
	public void destroy() {
		checker.shutdownNow();
	}
}
