package io.rumbo.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.DataScopes;
import io.rumbo.people.PeopleViews.GapHeatmap;
import io.rumbo.people.PeopleViews.GapRow;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * The gap report, in one set-based query: every active person of the reader's scope, against the requirements of
 * their job role (the role's company-wide ones and their unit's, the higher level winning), joined with what they hold.
 * A requirement is a gap when the person holds nothing (MISSING), holds a level under the minimum (BELOW_LEVEL) or held
 * it until a day already past (EXPIRED); it is flagged EXPIRING when it expires within the warning days. The required
 * level comes from REQUIRED rows only and the desirable level from DESIRABLE rows only: a gap is REQUIRED when the
 * holding misses the required level, DESIRABLE when it misses only the desirable one. Desirable requirements join the
 * report only when asked. Counted by person, unit or job role and qualification for the heat
 * map.
 */
@Service
public class GapReport {

	public static final Map<String, String> SORTS = Map.of("person", "g.full_name", "qualification", "g.q_name",
			"kind", "g.gap", "jobRole", "g.job_role", "expiresOn", "g.expires_on");

	/** The rows of the heat map. */
	public enum By {
		PERSON, UNIT, ROLE
	}

	public record Filter(@Nullable String q, @Nullable Long unitId, @Nullable JobRole jobRole, @Nullable Long staffId,
			@Nullable Long qualificationId, @Nullable GapKind kind, @Nullable Boolean desirable) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, null);
		}
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final PeopleSettings settings;
	private final ExportCursor cursor;
	private final MessageSource messages;
	private final Clock clock;

	GapReport(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, PeopleSettings settings, ExportCursor cursor,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.scopes = scopes;
		this.org = org;
		this.settings = settings;
		this.cursor = cursor;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResponse<GapRow> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String gaps = gaps(actor, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM (" + gaps + ") g").params(params).query(Long.class).single();
		return PageResponse.of(named(jdbc.sql("SELECT g.* FROM (" + gaps + ") g"
				+ query.orderBy("g.staff_id, g.qualification_id") + query.limit()).params(params).query(GapReport::row)
			.list()), query, total);
	}

	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<GapRow> sink) {
		Map<String, Object> params = new HashMap<>();
		String gaps = gaps(actor, filter, params);
		cursor.each("SELECT g.* FROM (" + gaps + ") g" + query.orderBy("g.staff_id, g.qualification_id"), params,
				GapReport::row, this::named, sink);
	}

	/** The people of the filter (and scope) with a gap in a qualification, for enrolling them from the report. */
	@Transactional(readOnly = true)
	public List<Long> peopleMissing(CurrentUser actor, Filter filter, long qualificationId) {
		Map<String, Object> params = new HashMap<>();
		Filter only = new Filter(filter.q(), filter.unitId(), filter.jobRole(), filter.staffId(), qualificationId,
				filter.kind(), filter.desirable());
		String gaps = gaps(actor, only, params);
		return jdbc.sql("SELECT DISTINCT g.staff_id FROM (" + gaps + ") g ORDER BY g.staff_id").params(params)
			.query(Long.class).list();
	}

	/** The qualifications one person (within the actor's scope) lacks or holds too low or expiring. */
	@Transactional(readOnly = true)
	public java.util.Set<Long> qualificationsMissing(CurrentUser actor, long staffId) {
		Map<String, Object> params = new HashMap<>();
		String gaps = gaps(actor, new Filter(null, null, null, staffId, null, null, null), params);
		return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT g.qualification_id FROM (" + gaps + ") g")
			.params(params).query(Long.class).list());
	}

	/**
	 * The gaps counted by row (person, unit or job role) and qualification, for the heat map. Rows are named in the
	 * reader's language (job roles through organization's {@code organization.jobRole.*} keys) and sorted by name.
	 */
	@Transactional(readOnly = true)
	public GapHeatmap heatmap(CurrentUser actor, Filter filter, By by) {
		Map<String, Object> params = new HashMap<>();
		String gaps = gaps(actor, filter, params);
		String key = switch (by) {
			case PERSON -> "CAST(g.staff_id AS VARCHAR(40))";
			case UNIT -> "CAST(g.unit_id AS VARCHAR(40))";
			case ROLE -> "g.job_role";
		};
		record Cell(String row, String label, String code, String name, int count) {
		}
		List<Cell> counted = jdbc.sql("SELECT " + key + " AS row_key, MIN(g.full_name), g.q_code, g.q_name, COUNT(*)"
				+ " FROM (" + gaps + ") g GROUP BY " + key + ", g.q_code, g.q_name ORDER BY g.q_code")
			.params(params)
			.query((rs, n) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5)))
			.list();
		Map<String, String> rows = new LinkedHashMap<>();
		Map<String, String> columns = new LinkedHashMap<>();
		for (Cell c : counted) {
			columns.putIfAbsent(c.code(), c.name());
			rows.putIfAbsent(c.row(), c.label());
		}
		if (by == By.UNIT && !rows.isEmpty()) {
			Map<Long, String> names = org.unitNames(rows.keySet().stream().map(Long::valueOf).toList());
			rows.replaceAll((k, v) -> names.getOrDefault(Long.valueOf(k), k));
		}
		if (by == By.ROLE) {
			// Job roles named as organization names them, in the reader's language (the key stays the enum name).
			rows.replaceAll((k, v) -> messages.getMessage("organization.jobRole." + k, null, k,
					LocaleContextHolder.getLocale()));
		}
		// Rows sorted by their label so the map reads like the table.
		List<Map.Entry<String, String>> sortedRows = new ArrayList<>(rows.entrySet());
		sortedRows.sort(Map.Entry.comparingByValue());
		List<String> rowKeys = sortedRows.stream().map(Map.Entry::getKey).toList();
		List<String> columnCodes = List.copyOf(columns.keySet());
		List<List<Integer>> cells = new ArrayList<>();
		int max = 0;
		for (Cell c : counted) {
			cells.add(List.of(columnCodes.indexOf(c.code()), rowKeys.indexOf(c.row()), c.count()));
			max = Math.max(max, c.count());
		}
		return new GapHeatmap(by.name(), rowKeys, sortedRows.stream().map(Map.Entry::getValue).toList(), columnCodes,
				List.copyOf(columns.values()), cells, max);
	}

	/**
	 * The gaps as a derived table {@code g}: staff_id, full_name, unit_id, job_role, qualification_id, q_code, q_name,
	 * importance, min_level, held_level, expires_on, gap. Scope and filters apply to the people before the join.
	 */
	private String gaps(CurrentUser actor, Filter filter, Map<String, Object> params) {
		LocalDate today = LocalDate.now(clock);
		params.put("today", today);
		params.put("warnUntil", today.plusDays(settings.expiryWarningDays() + 1L));
		StringBuilder people = new StringBuilder("pp.active = TRUE AND ")
			.append(scopes.of(actor).sql(StaffQualifications.COLUMNS, params));
		if (filter.q() != null && !filter.q().isBlank()) {
			people.append(" AND LOWER(pp.full_name) LIKE :q");
			params.put("q", "%" + filter.q().trim().toLowerCase(java.util.Locale.ROOT) + "%");
		}
		if (filter.unitId() != null) {
			people.append(" AND pp.unit_id IN (:units)");
			params.put("units", org.subtree(filter.unitId()));
		}
		if (filter.jobRole() != null) {
			people.append(" AND pp.job_role = :role");
			params.put("role", filter.jobRole().name());
		}
		if (filter.staffId() != null) {
			people.append(" AND pp.staff_id = :staffId");
			params.put("staffId", filter.staffId());
		}
		if (filter.qualificationId() != null) {
			people.append(" AND r.qualification_id = :qualificationId");
			params.put("qualificationId", filter.qualificationId());
		}
		if (!Boolean.TRUE.equals(filter.desirable())) {
			people.append(" AND r.importance = 'REQUIRED'");
		}
		String kind = "";
		if (filter.kind() != null) {
			kind = " AND y.gap = :kind";
			params.put("kind", filter.kind().name());
		}
		// Per person and qualification, the level required (REQUIRED rows only) and the level desired (DESIRABLE rows
		// only), each the highest asked by the role company-wide and for the unit. The requirement is a REQUIRED gap
		// when the holding misses the required level (missing, expired, under it, or expiring), else a DESIRABLE gap
		// when it misses the desired level: a REQUIRED level 2 and a DESIRABLE level 4 make level 3 no required gap.
		return """
				SELECT y.staff_id, y.full_name, y.unit_id, y.job_role, y.qualification_id, y.q_code, y.q_name,
				       CASE WHEN y.required_gap = 1 THEN 'REQUIRED' ELSE 'DESIRABLE' END AS importance,
				       CASE WHEN y.required_gap = 1 THEN y.required_level ELSE y.desirable_level END AS min_level,
				       y.held_level, y.expires_on, y.gap
				FROM (
				  SELECT n.staff_id, n.full_name, n.unit_id, n.job_role, n.qualification_id, q.code AS q_code,
				         q.name AS q_name, n.required_level, n.desirable_level, sq.level AS held_level, sq.expires_on,
				         CASE WHEN n.required_level IS NOT NULL AND (sq.id IS NULL OR sq.level < n.required_level
				                   OR (sq.expires_on IS NOT NULL AND sq.expires_on < :warnUntil)) THEN 1
				              ELSE 0 END AS required_gap,
				         CASE WHEN sq.id IS NULL THEN 'MISSING'
				              WHEN sq.expires_on IS NOT NULL AND sq.expires_on < :today THEN 'EXPIRED'
				              WHEN sq.level < n.required_level THEN 'BELOW_LEVEL'
				              WHEN n.required_level IS NOT NULL AND sq.expires_on IS NOT NULL
				                   AND sq.expires_on < :warnUntil THEN 'EXPIRING'
				              WHEN sq.level < n.desirable_level THEN 'BELOW_LEVEL'
				              WHEN sq.expires_on IS NOT NULL AND sq.expires_on < :warnUntil THEN 'EXPIRING'
				              ELSE 'NONE' END AS gap
				  FROM (
				    SELECT pp.staff_id, pp.full_name, pp.unit_id, pp.job_role, r.qualification_id,
				           MAX(CASE WHEN r.importance = 'REQUIRED' THEN r.min_level END) AS required_level,
				           MAX(CASE WHEN r.importance = 'DESIRABLE' THEN r.min_level END) AS desirable_level
				    FROM people_person pp
				    JOIN people_role_requirement r ON r.job_role = pp.job_role
				         AND (r.unit_id IS NULL OR r.unit_id = pp.unit_id)
				    WHERE\s""" + people + """

				    GROUP BY pp.staff_id, pp.full_name, pp.unit_id, pp.job_role, r.qualification_id
				  ) n
				  JOIN people_qualification q ON q.id = n.qualification_id AND q.archived = FALSE
				  LEFT JOIN people_staff_qualification sq ON sq.staff_id = n.staff_id
				       AND sq.qualification_id = n.qualification_id
				) y WHERE y.gap <> 'NONE'""" + kind;
	}

	private static GapRow row(ResultSet rs, int n) throws SQLException {
		return new GapRow(rs.getLong("staff_id"), rs.getString("full_name"), rs.getLong("unit_id"), null,
				JobRole.valueOf(rs.getString("job_role")), rs.getLong("qualification_id"), rs.getString("q_code"),
				rs.getString("q_name"), Importance.valueOf(rs.getString("importance")), rs.getInt("min_level"),
				(Integer) rs.getObject("held_level", Integer.class), rs.getObject("expires_on", LocalDate.class),
				GapKind.valueOf(rs.getString("gap")));
	}

	private List<GapRow> named(List<GapRow> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> units = org.unitNames(rows.stream().map(GapRow::unitId).distinct().toList());
		return rows.stream().map(r -> new GapRow(r.staffId(), r.personName(), r.unitId(), units.get(r.unitId()),
				r.jobRole(), r.qualificationId(), r.qualificationCode(), r.qualificationName(), r.importance(),
				r.minLevel(), r.heldLevel(), r.expiresOn(), r.kind())).toList();
	}
}
