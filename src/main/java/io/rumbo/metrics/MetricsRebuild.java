package io.rumbo.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.metrics.domain.FactStore;
import io.rumbo.metrics.domain.OrderLedger;
import io.rumbo.shared.domain.AccessRefusedException;

/**
 * The administrator's way back to a known state: every fact recomputed from the sales and customers records, a few
 * grouped statements per kind of record (never one per record; orders a few months at a time into the order ledger,
 * whose sums are the order facts), in one transaction that holds the facts' lock, so events arriving meanwhile wait
 * and then recompute their cells on top of the rebuilt facts.
 */
@Service
public class MetricsRebuild {

	/** What a rebuild wrote: fact rows per kind of record, customer rows and open opportunities, and how long. */
	public record Report(long orderRows, long firstPurchases, long activityRows, long opportunityRows, long taskRows,
			long caseRows, long ratingRows, long forecastRows, long openOpportunities, long millis, Instant finishedAt, String by) {

		public long totalRows() {
			return orderRows + firstPurchases + activityRows + opportunityRows + taskRows + caseRows + ratingRows
					+ forecastRows + openOpportunities;
		}
	}

	/** The last rebuild, if any. */
	public record Last(Instant at, String by, long millis, long rows) {
	}

	private final FactStore store;
	private final OrderLedger ledger;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	MetricsRebuild(FactStore store, OrderLedger ledger, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.store = store;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean mayRebuild(CurrentUser actor) {
		return actor.has(Role.ADMIN);
	}

	@Transactional
	public Report rebuild(CurrentUser actor) {
		if (!mayRebuild(actor)) {
			throw new AccessRefusedException("metrics");
		}
		Report report = rebuildAll(actor.username());
		audit.record("METRICS", "facts", "REBUILD", null, report, "Metrics rebuilt: " + report.totalRows() + " rows");
		return report;
	}

	/** The rebuild itself, for the command above and for tests and benchmarks that compare it with the events. */
	@Transactional
	public Report rebuildAll(String by) {
		long started = System.nanoTime();
		store.lock();
		long orders = ledger.rebuild();
		long first = store.firstPurchases(null);
		long activities = store.activities(null, FactStore.EVER_FROM, FactStore.EVER_TO);
		long opportunities = store.opportunities(null, FactStore.EVER_FROM, FactStore.EVER_TO);
		long tasks = store.tasks(null, FactStore.EVER_FROM, FactStore.EVER_TO);
		long cases = store.cases(null, FactStore.EVER_FROM, FactStore.EVER_TO);
		long ratings = store.ratings(null, FactStore.EVER_FROM, FactStore.EVER_TO);
		long forecasts = store.forecasts(null, FactStore.EVER_FROM, FactStore.EVER_TO);
		long pipeline = store.pipeline(null);
		long millis = (System.nanoTime() - started) / 1_000_000;
		Instant at = clock.instant();
		Report report = new Report(orders, first, activities, opportunities, tasks, cases, ratings, forecasts, pipeline,
				millis, at,
				by);
		jdbc.sql("UPDATE metrics_state SET rebuilt_at = :at, rebuilt_by = :by, rebuild_millis = :millis,"
				+ " rebuild_rows = :rows WHERE id = 1")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toLocalDateTime())
			.param("by", by.length() > 64 ? by.substring(0, 64) : by)
			.param("millis", millis)
			.param("rows", report.totalRows())
			.update();
		return report;
	}

	/**
	 * The rebuild a start needs when the facts have never been built, decided under the facts' lock: instances
	 * starting together rebuild once, the others find it done.
	 */
	@Transactional
	public Optional<Report> rebuildIfNeverBuilt(String by) {
		store.lock();
		return last().isPresent() ? Optional.empty() : Optional.of(rebuildAll(by));
	}

	@Transactional(readOnly = true)
	public Optional<Last> last() {
		return jdbc.sql("SELECT rebuilt_at, rebuilt_by, rebuild_millis, rebuild_rows FROM metrics_state WHERE id = 1"
				+ " AND rebuilt_at IS NOT NULL")
			.query((rs, n) -> new Last(rs.getObject(1, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC),
					rs.getString(2), rs.getLong(3), rs.getLong(4)))
			.optional();
	}
}
