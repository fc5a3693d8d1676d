package io.rumbo.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.rumbo.support.DatabaseAvailability;

/**
 * The job runner on a database of its own (H2 in memory, or a schema of the PostgreSQL test database), with the
 * table from its real migration. "Instances" are runners with pools of their own on the same database, as two
 * application instances would be.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
class JobRunnerTests {

	private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

	static final List<HikariDataSource> pools = new ArrayList<>();

	static String url;

	@BeforeAll
	static void database() throws Exception {
		boolean pg = "postgresql".equals(System.getProperty("rumbo.test.database"));
		if (pg) {
			String base = System.getProperty("spring.datasource.url");
			try (HikariDataSource admin = pool(base)) {
				JdbcClient.create(admin).sql("DROP SCHEMA IF EXISTS shared_jobs_test CASCADE").update();
				JdbcClient.create(admin).sql("CREATE SCHEMA shared_jobs_test").update();
			}
			url = base + (base.contains("?") ? "&" : "?") + "currentSchema=shared_jobs_test";
		}
		else {
			url = "jdbc:h2:mem:shared_jobs_test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
		}
		HikariDataSource first = instance();
		try (var connection = first.getConnection()) {
			ScriptUtils.executeSqlScript(connection,
					new ClassPathResource("db/migration/__root/V54__create_scheduled_job_table.sql"));
		}
	}

	@AfterAll
	static void close() {
		pools.forEach(HikariDataSource::close);
	}

	static HikariDataSource pool(String jdbcUrl) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl);
		config.setUsername(System.getProperty("spring.datasource.username", "sa"));
		config.setPassword(System.getProperty("spring.datasource.password", ""));
		config.setMaximumPoolSize(2);
		return new HikariDataSource(config);
	}

	static HikariDataSource instance() {
		HikariDataSource pool = pool(url);
		pools.add(pool);
		return pool;
	}

	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now;

		MovableClock(ZonedDateTime start) {
			this.now = new AtomicReference<>(start.toInstant());
		}

		void set(ZonedDateTime time) {
			now.set(time.toInstant());
		}

		@Override
		public ZoneId getZone() {
			return ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return now.get();
		}
	}

	private static ZonedDateTime at(String local) {
		return java.time.LocalDateTime.parse(local).atZone(ZONE);
	}

	@Test
	void twoInstancesOnOneDatabaseRunADueTimeOnce() throws Exception {
		MovableClock clock = new MovableClock(at("2026-03-02T00:30:00"));
		List<ZonedDateTime> runs = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch started = new CountDownLatch(1);
		ScheduledJob job = new ScheduledJob("test/two-instances", "0 0 1 * * *", due -> {
			runs.add(due);
			started.countDown();
		});
		JobRunner a = new JobRunner(JdbcClient.create(instance()), clock, List.of(job), "a");
		JobRunner b = new JobRunner(JdbcClient.create(instance()), clock, List.of(job), "b");
		assertThat(a.tick()).as("registered at 00:30: nothing due yet").isEmpty();
		assertThat(b.tick()).isEmpty();

		clock.set(at("2026-03-02T01:00:20"));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				CountDownLatch go = new CountDownLatch(1);
				Future<List<String>> fromA = pool.submit(() -> {
					go.await();
					return a.tick();
				});
				Future<List<String>> fromB = pool.submit(() -> {
					go.await();
					return b.tick();
				});
				go.countDown();
				int ran = fromA.get(30, TimeUnit.SECONDS).size() + fromB.get(30, TimeUnit.SECONDS).size();
				assertThat(ran).as("round " + round + ": at most one instance runs it").isLessThanOrEqualTo(1);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(runs).as("one run, for 01:00").containsExactly(at("2026-03-02T01:00:00"));
		assertThat(a.state("test/two-instances")).get()
			.satisfies(s -> assertThat(s.runBy()).isIn("a", "b"))
			.satisfies(s -> assertThat(s.finishedAt()).isNotNull())
			.satisfies(s -> assertThat(s.lastError()).isNull());

		clock.set(at("2026-03-03T01:00:00"));
		assertThat(b.tick()).as("the next night").containsExactly("test/two-instances");
		assertThat(a.tick()).isEmpty();
		assertThat(runs).hasSize(2);
	}

	@Test
	void aRunMissedWhileNoInstanceRanCatchesUpOnceAtTheNextStart() {
		MovableClock clock = new MovableClock(at("2026-04-06T10:00:00"));
		List<ZonedDateTime> runs = Collections.synchronizedList(new ArrayList<>());
		ScheduledJob job = new ScheduledJob("test/catch-up", "0 0 1 * * *", runs::add);
		new JobRunner(JdbcClient.create(instance()), clock, List.of(job), "before").tick();
		assertThat(runs).isEmpty();

		// Down from Monday 10:00 until Thursday 09:00: three nightly runs missed.
		clock.set(at("2026-04-09T09:00:00"));
		JobRunner restarted = new JobRunner(JdbcClient.create(instance()), clock, List.of(job), "after");
		assertThat(restarted.tick()).containsExactly("test/catch-up");
		assertThat(runs).as("once, for the latest missed time").containsExactly(at("2026-04-09T01:00:00"));
		assertThat(restarted.tick()).as("caught up: nothing more until the next night").isEmpty();
		assertThat(runs).hasSize(1);
	}

	@Test
	void aFailedRunIsRecordedAndWaitsForItsNextDueTime() {
		MovableClock clock = new MovableClock(at("2026-05-04T00:00:00"));
		List<ZonedDateTime> runs = new ArrayList<>();
		ScheduledJob job = new ScheduledJob("test/failing", "0 0 * * * *", due -> {
			runs.add(due);
			throw new IllegalStateException("boom");
		});
		JobRunner runner = new JobRunner(JdbcClient.create(instance()), clock, List.of(job), "a");
		runner.tick();
		clock.set(at("2026-05-04T01:30:00"));
		assertThat(runner.tick()).containsExactly("test/failing");
		assertThat(runner.state("test/failing")).get().satisfies(s -> assertThat(s.lastError()).contains("boom"));
		assertThat(runner.tick()).isEmpty();
		assertThat(runs).hasSize(1);
	}

	@Test
	void theLatestDueTimeIsTheLastCronTimeNotAfterNow() {
		var cron = org.springframework.scheduling.support.CronExpression.parse("0 0 7 * * MON");
		assertThat(JobRunner.latestDue(cron, at("2026-03-02T08:00:00"), at("2026-03-20T12:00:00")))
			.contains(at("2026-03-16T07:00:00"));
		assertThat(JobRunner.latestDue(cron, at("2026-03-02T08:00:00"), at("2026-03-09T06:59:59"))).isEmpty();
	}
}
