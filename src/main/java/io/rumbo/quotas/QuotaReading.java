package io.rumbo.quotas;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.metrics.Metric;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.time.FiscalYears;

/**
 * The published quotas as the other modules read them (attainment, evaluation, incentives): only what a published
 * version holds and a release made binding, after proration and ramp. Unscoped and set-based: callers pass the
 * people and units they may show and apply their data scope themselves.
 */
@Service
public class QuotaReading {

	/** A person's effective quota of one measure in one fiscal month (the month's first day), in the unit they were in. */
	public record PersonQuota(StaffId staff, UnitId unit, Metric metric, LocalDate month, BigDecimal amount) {
	}

	/** A unit's quota of one measure in one fiscal month (the month's first day). */
	public record UnitQuota(UnitId unit, Metric metric, LocalDate month, BigDecimal amount) {
	}

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;
	private final FiscalCalendar calendar;

	QuotaReading(JdbcClient jdbc, FiscalCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/**
	 * The effective published quotas of these people in a fiscal year, for these measures (all measures when the set
	 * is empty), ordered by person, measure and month. A person whose level is not yet released has none.
	 */
	@Transactional(readOnly = true)
	public List<PersonQuota> personQuotas(int fiscalYear, Collection<StaffId> people, Set<Metric> metrics) {
		return personQuotas(fiscalYear, people, metrics, List.of());
	}

	/**
	 * As {@link #personQuotas(int, Collection, Set)}, of these fiscal months only (1 to 12; all when empty): a
	 * quarter's attainment of thousands of people reads its months and measures, not the whole year's rows.
	 */
	@Transactional(readOnly = true)
	public List<PersonQuota> personQuotas(int fiscalYear, Collection<StaffId> people, Set<Metric> metrics,
			Collection<Integer> fiscalMonths) {
		Optional<Long> version = publishedVersion(fiscalYear);
		if (version.isEmpty() || people.isEmpty()) {
			return List.of();
		}
		FiscalYears years = calendar.years();
		List<Long> ids = people.stream().map(StaffId::value).distinct().sorted().toList();
		String only = (metrics.isEmpty() ? "" : " AND p.metric IN (:metrics)")
				+ (fiscalMonths.isEmpty() ? "" : " AND p.fiscal_month IN (:months)");
		// The people as one array parameter, not IN lists of a thousand bind parameters each: one statement whatever
		// their number, and a plan that does not compare every row with each of them (docs/benchmarks.md, "Payout
		// runs").
		var statement = jdbc.sql("""
				SELECT p.staff_id, p.unit_id, p.metric, p.fiscal_month, p.amount
				FROM quotas_person_month p
				JOIN quotas_release r ON r.version_id = p.version_id AND r.unit_id = p.unit_id
				WHERE p.version_id = :version AND p.staff_id = ANY(:staff)%s
				ORDER BY p.staff_id, p.metric, p.fiscal_month
				""".formatted(only))
			.param("version", version.get())
			.param("staff", new SqlArrayValue("bigint", ids.toArray()));
		if (!metrics.isEmpty()) {
			statement = statement.param("metrics", metrics.stream().map(Metric::name).sorted().toList());
		}
		if (!fiscalMonths.isEmpty()) {
			statement = statement.param("months", List.copyOf(new java.util.TreeSet<>(fiscalMonths)));
		}
		Map<Integer, LocalDate> monthStarts = new HashMap<>();
		return statement.query((rs, n) -> new PersonQuota(StaffId.of(rs.getLong(1)), UnitId.of(rs.getLong(2)),
				Metric.valueOf(rs.getString(3)), monthStarts.computeIfAbsent(rs.getInt(4),
						m -> years.month(fiscalYear, m).start()), rs.getBigDecimal(5)))
			.list();
	}

	/**
	 * The published quotas of these units in a fiscal year, for these measures (all when the set is empty): a unit's
	 * figure is published once the level above it is released (the top units' once the version is published).
	 */
	@Transactional(readOnly = true)
	public List<UnitQuota> unitQuotas(int fiscalYear, Collection<UnitId> units, Set<Metric> metrics) {
		Optional<Long> version = publishedVersion(fiscalYear);
		if (version.isEmpty() || units.isEmpty()) {
			return List.of();
		}
		FiscalYears years = calendar.years();
		List<Long> ids = units.stream().map(UnitId::value).distinct().sorted().toList();
		List<UnitQuota> result = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			jdbc.sql("""
					SELECT u.unit_id, u.metric, u.fiscal_month, u.amount
					FROM quotas_unit_month u
					LEFT JOIN quotas_release r ON r.version_id = u.version_id AND r.unit_id = u.parent_unit_id
					WHERE u.version_id = :version AND u.unit_id IN (:units)
					  AND (u.parent_unit_id IS NULL OR r.unit_id IS NOT NULL)
					ORDER BY u.unit_id, u.metric, u.fiscal_month
					""")
				.param("version", version.get())
				.param("units", chunk)
				.query((rs, n) -> new UnitQuota(UnitId.of(rs.getLong(1)), Metric.valueOf(rs.getString(2)),
						years.month(fiscalYear, rs.getInt(3)).start(), rs.getBigDecimal(4)))
				.list()
				.stream()
				.filter(q -> metrics.isEmpty() || metrics.contains(q.metric()))
				.forEach(result::add);
		}
		return result;
	}

	/** The person's standing with the published version of the year; empty when it holds no released quota of theirs. */
	@Transactional(readOnly = true)
	public Optional<QuotaStatus> status(int fiscalYear, StaffId person) {
		return statuses(fiscalYear, List.of(person)).stream().findFirst();
	}

	/** {@link #status} for many people at once (a team view), in one query per thousand people. */
	@Transactional(readOnly = true)
	public List<QuotaStatus> statuses(int fiscalYear, Collection<StaffId> people) {
		record Published(long id, int number, Instant at) {
		}
		Optional<Published> published = jdbc.sql("""
				SELECT id, number, published_at FROM quotas_version WHERE fiscal_year = :year AND state = 'PUBLISHED'
				""")
			.param("year", fiscalYear)
			.query((rs, n) -> new Published(rs.getLong(1), rs.getInt(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.optional();
		if (published.isEmpty() || people.isEmpty()) {
			return List.of();
		}
		Published v = published.get();
		List<Long> ids = people.stream().map(StaffId::value).distinct().sorted().toList();
		Map<Long, QuotaStatus> byPerson = new HashMap<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			jdbc.sql("""
					SELECT s.staff_id, a.acknowledged_at, a.comment
					FROM (SELECT DISTINCT p.staff_id FROM quotas_person_month p
					      JOIN quotas_release r ON r.version_id = p.version_id AND r.unit_id = p.unit_id
					      WHERE p.version_id = :version AND p.staff_id IN (:staff)) s
					LEFT JOIN quotas_acknowledgement a ON a.version_id = :version AND a.staff_id = s.staff_id
					""")
				.param("version", v.id())
				.param("staff", chunk)
				.query((rs, n) -> {
					OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
					return new QuotaStatus(StaffId.of(rs.getLong(1)), fiscalYear, v.id(), v.number(), v.at(), at != null,
							at == null ? null : at.toInstant(), rs.getString(3));
				})
				.list()
				.forEach(s -> byPerson.put(s.staff().value(), s));
		}
		return ids.stream().filter(byPerson::containsKey).map(byPerson::get).toList();
	}

	private Optional<Long> publishedVersion(int fiscalYear) {
		return jdbc.sql("SELECT id FROM quotas_version WHERE fiscal_year = :year AND state = 'PUBLISHED'")
			.param("year", fiscalYear)
			.query(Long.class)
			.optional();
	}
}
