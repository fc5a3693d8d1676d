package io.rumbo.shared.jobs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs {@link ScheduledJob}s once per due time however many instances share the database (decision 0026). Every
 * {@link #tick()} (at start and then every minute) works out, for each job, the latest due time of its cron that has
 * passed; if it is later than the job's {@code last_due}, the instance tries to claim it with one UPDATE that moves
 * {@code last_due} forward only if nobody did. The one instance whose UPDATE changed the row runs the job; the others
 * skip it. A due time missed while no instance ran (a restart over the night) is claimed at the next tick: the job
 * runs once for the latest one, not once per missed time. A job that fails is recorded with its error and waits for
 * its next due time (its work is idempotent and the next run does what this one did not).
 */
public class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	/** A minute cron over a week of downtime is 10,080 times: more is no real cron, and the walk stops. */
	private static final int MAX_STEPS = 20_000;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final List<ScheduledJob> jobs;
	private final String instance;

	public JobRunner(JdbcClient jdbc, Clock clock, List<ScheduledJob> jobs, String instance) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.jobs = List.copyOf(jobs);
		this.instance = instance;
		long names = jobs.stream().map(ScheduledJob::name).distinct().count();
		if (names != jobs.size()) {
			throw new IllegalStateException("two scheduled jobs share a name: " + jobs);
		}
	}

	public List<ScheduledJob> jobs() {
		return jobs;
	}

	/** Runs every job whose due time has come (or was missed) and that no other instance claimed; the names run. */
	public List<String> tick() {
		List<String> ran = new ArrayList<>();
		for (ScheduledJob job : jobs) {
			try {
				if (runIfDue(job)) {
					ran.add(job.name());
				}
			}
			catch (RuntimeException ex) {
				// The database may be away for a moment: the next tick tries again.
				log.warn("Scheduled job {} not checked: {}", job.name(), ex.toString());
			}
		}
		return ran;
	}

	boolean runIfDue(ScheduledJob job) {
		ZonedDateTime now = ZonedDateTime.now(clock);
		OffsetDateTime lastDue = lastDue(job, now);
		Optional<ZonedDateTime> due = latestDue(job.expression(), lastDue.atZoneSameInstant(clock.getZone()), now);
		if (due.isEmpty() || !claim(job, due.get())) {
			return false;
		}
		log.info("Scheduled job {} runs for {}", job.name(), due.get());
		String error = null;
		try {
			job.work().accept(due.get());
		}
		catch (RuntimeException ex) {
			error = ex.toString();
			log.error("Scheduled job {} failed for {}", job.name(), due.get(), ex);
		}
		jdbc.sql("UPDATE shared_scheduled_job SET finished_at = :at, last_error = :error WHERE name = :name")
			.param("at", utc(ZonedDateTime.now(clock)))
			.param("error", error == null ? null : error.substring(0, Math.min(1000, error.length())))
			.param("name", job.name())
			.update();
		return true;
	}

	/**
	 * The latest time of the cron after {@code last} and not after {@code now}, if any. Walking the cron forward is
	 * how Spring's {@link CronExpression} works (it has no "previous").
	 */
	static Optional<ZonedDateTime> latestDue(CronExpression cron, ZonedDateTime last, ZonedDateTime now) {
		ZonedDateTime found = null;
		ZonedDateTime next = cron.next(last);
		int steps = 0;
		while (next != null && !next.isAfter(now) && steps++ < MAX_STEPS) {
			found = next;
			next = cron.next(next);
		}
		return Optional.ofNullable(found);
	}

	/**
	 * The job's last due time; a job seen for the first time starts from now, so that it runs at its next due time
	 * rather than at once on the first start.
	 */
	private OffsetDateTime lastDue(ScheduledJob job, ZonedDateTime now) {
		Optional<OffsetDateTime> known = read(job);
		if (known.isPresent()) {
			return known.get();
		}
		try {
			jdbc.sql("INSERT INTO shared_scheduled_job (name, last_due) VALUES (:name, :due)")
				.param("name", job.name())
				.param("due", utc(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another instance registered it at the same moment: theirs counts.
		}
		return read(job).orElseThrow();
	}

	private Optional<OffsetDateTime> read(ScheduledJob job) {
		return jdbc.sql("SELECT last_due FROM shared_scheduled_job WHERE name = :name")
			.param("name", job.name())
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.optional();
	}

	/** One UPDATE: the instance that moves {@code last_due} to this due time wins, every other finds it moved. */
	private boolean claim(ScheduledJob job, ZonedDateTime due) {
		return jdbc.sql("""
				UPDATE shared_scheduled_job SET last_due = :due, started_at = :now, finished_at = NULL,
				       last_error = NULL, run_by = :instance
				WHERE name = :name AND last_due < :due""")
			.param("due", utc(due))
			.param("now", utc(ZonedDateTime.now(clock)))
			.param("instance", instance)
			.param("name", job.name())
			.update() == 1;
	}

	private static OffsetDateTime utc(ZonedDateTime time) {
		return time.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
	}

	/** What the runner knows of a job, for operations and tests. */
	public record JobState(String name, OffsetDateTime lastDue, @Nullable OffsetDateTime startedAt,
			@Nullable OffsetDateTime finishedAt, @Nullable String runBy, @Nullable String lastError) {
	}

	public Optional<JobState> state(String name) {
		return jdbc.sql("SELECT * FROM shared_scheduled_job WHERE name = :name")
			.param("name", name)
			.query((rs, n) -> new JobState(rs.getString("name"), rs.getObject("last_due", OffsetDateTime.class),
					rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
					rs.getString("run_by"), rs.getString("last_error")))
			.optional();
	}
}
