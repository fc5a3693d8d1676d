package io.rumbo.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

import io.rumbo.identity.CurrentUser;

/**
 * Imports started from the page run in the background so the page can show their progress; each job is kept in
 * memory for an hour and only its author may follow it. (The API runs imports in the request instead.)
 */
@Service
public class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** What the page shows of a job: the phase (a message key) and how far it is, then the summary. */
	public record JobState(String id, String kind, String fileName, String phase, long done, long total,
			@Nullable ImportSummary summary, boolean crashed) {

		public boolean finished() {
			return summary != null || crashed;
		}

		public int percent() {
			return total == 0 ? 0 : (int) Math.min(100, done * 100 / total);
		}
	}

	private static final class Job {

		final String id;
		final String owner;
		final String kind;
		final String fileName;
		final Instant started;
		volatile String phase = "imports.phase.queued";
		volatile long done;
		volatile long total;
		volatile @Nullable ImportSummary summary;
		volatile boolean crashed;

		Job(String id, String owner, String kind, String fileName, Instant started) {
			this.id = id;
			this.owner = owner;
			this.kind = kind;
			this.fileName = fileName;
			this.started = started;
		}

		JobState state() {
			return new JobState(id, kind, fileName, phase, done, total, summary, crashed);
		}
	}

	private final ImportService imports;
	private final Clock clock;
	private final Map<String, Job> jobs = new ConcurrentHashMap<>();
	private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "rumbo-import");
		thread.setDaemon(true);
		return thread;
	});

	ImportJobs(ImportService imports, Clock clock) {
		this.imports = imports;
		this.clock = clock;
	}

	/** As {@link #start(CurrentUser, String, ImportUpload, Locale, boolean)}, for a UTF-8 file in memory. */
	public String start(CurrentUser actor, String kind, String fileName, byte[] content, Locale locale, boolean dryRun) {
		return start(actor, kind, ImportUpload.of(fileName, content, null), locale, dryRun);
	}

	/**
	 * Checks the user may import the kind, then starts the job and answers its id at once. The job owns the upload
	 * from here: its file is deleted when the job ends, however it ends, or at once when the job cannot start.
	 */
	public String start(CurrentUser actor, String kind, ImportUpload upload, Locale locale, boolean dryRun) {
		return start(actor, kind, upload, locale, dryRun, null);
	}

	/** As above, with the reason the user gives for the import ({@link ImportRows#reason()}). */
	public String start(CurrentUser actor, String kind, ImportUpload upload, Locale locale, boolean dryRun,
			@Nullable String reason) {
		try {
			imports.check(actor, kind);
			Instant now = clock.instant();
			jobs.values().removeIf(job -> job.started.isBefore(now.minus(Duration.ofHours(1))));
			Job job = new Job(UUID.randomUUID().toString(), actor.username(), kind, upload.fileName(), now);
			jobs.put(job.id, job);
			executor.execute(new DelegatingSecurityContextRunnable(() -> {
				try (upload) {
					job.summary = imports.run(actor, kind, upload, locale, dryRun, reason, (phase, done, total) -> {
						job.phase = phase;
						job.done = done;
						job.total = total;
					});
				}
				catch (RuntimeException ex) {
					log.error("Import {} of {} failed", job.id, ImportLog.safe(upload.fileName()), ex);
					job.crashed = true;
				}
			}));
			return job.id;
		}
		catch (RuntimeException ex) {
			upload.close();
			throw ex;
		}
	}

	public Optional<JobState> state(CurrentUser actor, String id) {
		Job job = jobs.get(id);
		return job == null || !job.owner.equals(actor.username()) ? Optional.empty() : Optional.of(job.state());
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
