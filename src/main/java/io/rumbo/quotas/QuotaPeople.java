package io.rumbo.quotas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.QuotaViews.QuotaDiffRow;
import io.rumbo.quotas.QuotaViews.QuotaPersonMetric;
import io.rumbo.quotas.QuotaViews.QuotaPersonMonthRow;
import io.rumbo.quotas.QuotaViews.QuotaPersonQuotaView;
import io.rumbo.quotas.domain.QuotaAcknowledgementStore;
import io.rumbo.quotas.domain.QuotaStore;
import io.rumbo.quotas.domain.QuotaStore.PersonMonth;
import io.rumbo.quotas.domain.QuotaStore.UnitMonth;
import io.rumbo.quotas.domain.QuotaStore.VersionRow;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * People's quotas as their readers may see them: a salesperson their own, a manager those of the people of the units
 * they lead, company-wide readers everyone's (the scope applied in SQL); and how a version differs from the one it
 * revised.
 */
@Service
public class QuotaPeople {

	/** Sort keys of the person-month list. */
	public static final Map<String, String> SORTS = Map.of("staff", "p.staff_id", "month", "p.fiscal_month", "measure",
			"p.metric", "amount", "p.amount");

	/** Filters of the person-month list. */
	public record Filter(@Nullable Metric measure, @Nullable Long staffId, @Nullable Long unitId) {
	}

	private final JdbcClient jdbc;
	private final QuotaStore store;
	private final QuotaAcknowledgementStore acknowledgements;
	private final QuotaQueries queries;
	private final QuotaReading reading;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final ExportCursor cursor;

	QuotaPeople(JdbcClient jdbc, QuotaStore store, QuotaAcknowledgementStore acknowledgements, QuotaQueries queries,
			QuotaReading reading, FiscalCalendar calendar, OrgDirectory org, DataScopes scopes, ExportCursor cursor) {
		this.cursor = cursor;
		this.jdbc = jdbc;
		this.store = store;
		this.acknowledgements = acknowledgements;
		this.queries = queries;
		this.reading = reading;
		this.calendar = calendar;
		this.org = org;
		this.scopes = scopes;
	}

	/** A page of a version's person-month quotas in the reader's scope. */
	@Transactional(readOnly = true)
	public PageResponse<QuotaPersonMonthRow> list(CurrentUser actor, long versionId, Filter filter, ListQuery query) {
		VersionRow v = queries.versionOf(versionId);
		Map<String, Object> params = new HashMap<>();
		String where = scoped(actor, where(v, filter, params), params);
		long total = jdbc.sql("SELECT COUNT(*) FROM quotas_person_month p WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<PersonMonth> rows = jdbc.sql("""
				SELECT p.staff_id, p.unit_id, p.metric, p.fiscal_month, p.full_amount, p.amount
				FROM quotas_person_month p WHERE""" + " " + where + query.orderBy("p.staff_id, p.metric, p.fiscal_month")
				+ query.limit())
			.params(params)
			.query((rs, n) -> new PersonMonth(rs.getLong(1), rs.getLong(2), Metric.valueOf(rs.getString(3)),
					rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.list();
		List<Long> ids = rows.stream().map(PersonMonth::staffId).distinct().toList();
		Map<Long, String> numbers = org.employeeNumbers(ids);
		Map<Long, String> names = org.staffNames(ids);
		FiscalYears years = calendar.years();
		return PageResponse.of(rows.stream().map(r -> new QuotaPersonMonthRow(r.staffId(),
				numbers.getOrDefault(r.staffId(), ""), names.getOrDefault(r.staffId(), ""), r.unitId(),
				years.code(years.month(v.fiscalYear(), r.month())), r.metric().code(), r.fullAmount(), r.amount()))
			.toList(), query, total);
	}

	/** Answers "not found" for a version that does not exist, before an export's download starts. */
	@Transactional(readOnly = true)
	public void check(long versionId) {
		queries.versionOf(versionId);
	}

	/**
	 * Every person-month quota of the list (same filters, scope and order), for the exports: one query read with a
	 * fetch size, employee numbers and names looked up a thousand rows at a time, so an export holds one batch however
	 * large the sales force.
	 */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, long versionId, Filter filter, ListQuery query,
			java.util.function.Consumer<QuotaPersonMonthRow> sink) {
		VersionRow v = queries.versionOf(versionId);
		Map<String, Object> params = new HashMap<>();
		String where = scoped(actor, where(v, filter, params), params);
		FiscalYears years = calendar.years();
		cursor.each("""
				SELECT p.staff_id, p.unit_id, p.metric, p.fiscal_month, p.full_amount, p.amount
				FROM quotas_person_month p WHERE""" + " " + where + query.orderBy("p.staff_id, p.metric, p.fiscal_month"),
				params,
				(rs, n) -> new PersonMonth(rs.getLong(1), rs.getLong(2), Metric.valueOf(rs.getString(3)), rs.getInt(4),
						rs.getBigDecimal(5), rs.getBigDecimal(6)),
				batch -> {
					List<Long> ids = batch.stream().map(PersonMonth::staffId).distinct().toList();
					Map<Long, String> numbers = org.employeeNumbers(ids);
					Map<Long, String> names = org.staffNames(ids);
					return batch.stream().map(r -> new QuotaPersonMonthRow(r.staffId(),
							numbers.getOrDefault(r.staffId(), ""), names.getOrDefault(r.staffId(), ""), r.unitId(),
							years.code(years.month(v.fiscalYear(), r.month())), r.metric().code(), r.fullAmount(),
							r.amount())).toList();
				}, sink);
	}

	private static String where(VersionRow v, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("p.version_id = :version");
		params.put("version", v.id());
		if (filter.measure() != null) {
			where.append(" AND p.metric = :metric");
			params.put("metric", filter.measure().name());
		}
		if (filter.staffId() != null) {
			where.append(" AND p.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		if (filter.unitId() != null) {
			where.append(" AND p.unit_id = :unit");
			params.put("unit", filter.unitId());
		}
		return where.toString();
	}

	/**
	 * The list's condition with the reader's data scope (a rep their own rows, a manager their units' rows) and, for
	 * anyone but a director, only figures that bind: a person's month counts once the level of their unit that month
	 * is released (which only a published version has). What is still being prepared is the preparer's.
	 */
	private String scoped(CurrentUser actor, String where, Map<String, Object> params) {
		DataScope scope = scopes.of(actor);
		String scoped = where + " AND " + scope.sql("p.unit_id", "p.staff_id", params);
		return QuotaAccess.isDirector(actor) ? scoped : scoped + """
				 AND EXISTS (SELECT 1 FROM quotas_release r WHERE r.version_id = p.version_id AND r.unit_id = p.unit_id)""";
	}

	/** A person's quota of a year in a version (the published one when none is given); 404 outside the scope. */
	@Transactional(readOnly = true)
	public QuotaPersonQuotaView person(CurrentUser actor, int fiscalYear, long staffId, @Nullable Long versionId) {
		VersionRow v = versionId != null ? queries.versionOf(versionId)
				: store.versions(fiscalYear).stream().filter(r -> r.state() == QuotaStore.State.PUBLISHED).findFirst()
					.orElseThrow(() -> new NotFoundException("quota", staffId));
		Map<String, Object> params = new HashMap<>();
		String where = scoped(actor, where(v, new Filter(null, staffId, null), params), params);
		List<PersonMonth> rows = jdbc.sql("""
				SELECT p.staff_id, p.unit_id, p.metric, p.fiscal_month, p.full_amount, p.amount
				FROM quotas_person_month p WHERE""" + " " + where + " ORDER BY p.metric, p.fiscal_month")
			.params(params)
			.query((rs, n) -> new PersonMonth(rs.getLong(1), rs.getLong(2), Metric.valueOf(rs.getString(3)),
					rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.list();
		if (rows.isEmpty()) {
			throw new NotFoundException("quota", staffId);
		}
		// In the catalogue's order (revenue first), as every page lists measures.
		Map<Metric, BigDecimal[]> byMetric = new java.util.EnumMap<>(Metric.class);
		rows.forEach(r -> byMetric.computeIfAbsent(r.metric(), m -> QuotaMonths.zeros(m.scale()))[r.month() - 1] = r
			.amount());
		List<QuotaPersonMetric> metrics = new ArrayList<>();
		byMetric.forEach((m, months) -> metrics.add(new QuotaPersonMetric(m, List.of(months), QuotaMonths.total(m, months))));
		Optional<QuotaStatus> status = v.state() == QuotaStore.State.PUBLISHED
				? reading.status(fiscalYear, StaffId.of(staffId))
				: Optional.empty();
		boolean own = scopes.staffIdOf(actor).map(id -> id == staffId).orElse(false);
		FiscalYears years = calendar.years();
		return new QuotaPersonQuotaView(staffId, org.staffNames(List.of(staffId)).getOrDefault(staffId, ""), fiscalYear,
				v.id(), v.number(), v.state().name(),
				years.months(fiscalYear).stream().map(years::code).toList(), metrics,
				status.map(QuotaStatus::acknowledged).orElse(false),
				status.map(QuotaStatus::acknowledgedAt).orElse(null), status.map(QuotaStatus::comment).orElse(null),
				own && status.isPresent() && actor.hasAny(Role.REP, Role.MANAGER));
	}

	/**
	 * The people with a quota in the year's published version that the reader's scope covers, by name: their revenue
	 * quota for the year and their acknowledgement.
	 */
	@Transactional(readOnly = true)
	public PageResponse<QuotaViews.QuotaPersonSummary> people(CurrentUser actor, int fiscalYear, ListQuery query) {
		Optional<VersionRow> published = store.versions(fiscalYear).stream()
			.filter(r -> r.state() == QuotaStore.State.PUBLISHED).findFirst();
		if (published.isEmpty()) {
			return PageResponse.of(List.of(), query, 0);
		}
		Map<String, Object> params = new HashMap<>();
		String where = scoped(actor, where(published.get(), new Filter(null, null, null), params), params);
		Map<Long, BigDecimal> revenue = new LinkedHashMap<>();
		jdbc.sql("SELECT p.staff_id, p.metric, SUM(p.amount) FROM quotas_person_month p WHERE " + where
				+ " GROUP BY p.staff_id, p.metric")
			.params(params)
			.query(rs -> {
				revenue.putIfAbsent(rs.getLong(1), null);
				if (Metric.REVENUE.name().equals(rs.getString(2))) {
					revenue.put(rs.getLong(1), rs.getBigDecimal(3));
				}
			});
		List<Long> ids = new ArrayList<>(revenue.keySet());
		Map<Long, String> names = org.staffNames(ids);
		Map<Long, String> numbers = org.employeeNumbers(ids);
		Map<Long, QuotaAcknowledgementStore.Acknowledgement> acks = acknowledgements.acknowledgements(published.get().id());
		List<QuotaViews.QuotaPersonSummary> rows = ids.stream().map(id -> {
			QuotaAcknowledgementStore.Acknowledgement a = acks.get(id);
			return new QuotaViews.QuotaPersonSummary(id, numbers.getOrDefault(id, ""), names.getOrDefault(id, ""),
					revenue.get(id), a != null, a == null ? null : a.acknowledgedAt(), a == null ? null : a.comment());
		}).sorted(java.util.Comparator.comparing(QuotaViews.QuotaPersonSummary::name)).toList();
		return QuotaQueries.page(rows, query);
	}

	/** The signed-in person's own published quota of the year. */
	@Transactional(readOnly = true)
	public QuotaPersonQuotaView mine(CurrentUser actor, int fiscalYear) {
		long staff = scopes.staffIdOf(actor).orElseThrow(() -> new NotFoundException("quota", fiscalYear));
		return person(actor, fiscalYear, staff, null);
	}

	/**
	 * Each person's and unit's year figure per measure that differs from the version this one revised, largest
	 * change first; only what the reader's scope covers.
	 */
	@Transactional(readOnly = true)
	public List<QuotaDiffRow> differences(CurrentUser actor, long versionId) {
		VersionRow v = queries.versionOf(versionId);
		DataScope scope = scopes.of(actor);
		if (v.basedOnId() == null) {
			return List.of();
		}
		boolean director = QuotaAccess.isDirector(actor);
		record Key(String kind, long id, Metric metric) {
		}
		Map<Key, BigDecimal[]> sums = new LinkedHashMap<>();
		for (int side = 0; side < 2; side++) {
			long id = side == 0 ? v.basedOnId() : v.id();
			final int s = side;
			// Who does not publish compares only what binds: released people's months, units whose figure is published.
			// People's year figures summed in SQL (scope and release there too): a row per person and measure is read,
			// not one per month.
			Map<Long, QuotaStore.Release> released = store.releases(id);
			Map<String, Object> params = new HashMap<>();
			params.put("version", id);
			String where = "p.version_id = :version AND " + scope.sql("p.unit_id", "p.staff_id", params)
					+ (director ? "" : """
							 AND EXISTS (SELECT 1 FROM quotas_release r WHERE r.version_id = p.version_id
							 AND r.unit_id = p.unit_id)""");
			jdbc.sql("SELECT p.staff_id, p.metric, SUM(p.amount) FROM quotas_person_month p WHERE " + where
					+ " GROUP BY p.staff_id, p.metric ORDER BY p.staff_id, p.metric")
				.params(params)
				.query(rs -> {
					Key key = new Key("PERSON", rs.getLong(1), Metric.valueOf(rs.getString(2)));
					sums.computeIfAbsent(key, k -> pair())[s] = rs.getBigDecimal(3);
				});
			for (UnitMonth u : store.unitMonths(id)) {
				boolean published = u.parentUnitId() == null || released.containsKey(u.parentUnitId());
				if (scope.managesUnit(u.unitId()) && (director || published)) {
					sums.computeIfAbsent(new Key("UNIT", u.unitId(), u.metric()), k -> pair())[s] = sums
						.get(new Key("UNIT", u.unitId(), u.metric()))[s].add(u.amount());
				}
			}
		}
		List<Long> people = sums.keySet().stream().filter(k -> k.kind().equals("PERSON")).map(Key::id).distinct().toList();
		List<Long> units = sums.keySet().stream().filter(k -> k.kind().equals("UNIT")).map(Key::id).distinct().toList();
		Map<Long, String> personNames = org.staffNames(people);
		Map<Long, String> unitNames = org.unitNames(units);
		List<QuotaDiffRow> rows = new ArrayList<>();
		sums.forEach((k, pair) -> {
			if (pair[0].compareTo(pair[1]) != 0) {
				String name = k.kind().equals("PERSON") ? personNames.get(k.id()) : unitNames.get(k.id());
				rows.add(new QuotaDiffRow(k.kind(), k.id(), name == null ? "#" + k.id() : name, k.metric(), pair[0], pair[1],
						pair[1].subtract(pair[0])));
			}
		});
		rows.sort((a, b) -> b.change().abs().compareTo(a.change().abs()));
		return rows;
	}

	private static BigDecimal[] pair() {
		return new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO };
	}
}
