package io.rumbo.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.people.PeopleViews.StaffQualificationView;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * People's qualifications: each person holds a qualification at a level, obtained on a day, until an expiry (or
 * for good), with evidence (a note or a link). Reading follows the data scope in SQL (a rep their own, a manager their
 * subtree, PEOPLE and the company-wide roles everyone; a holding outside it is 404); PEOPLE records and corrects them
 * by hand, and a completed training grants them ({@link Training}). A holding is flagged {@code expiring} from the
 * warning days ({@link PeopleSettings}) before its expiry, and {@code expired} after it.
 */
@Service
public class StaffQualifications {

	static final String AUDIT = "PEOPLE_STAFF_QUALIFICATION";

	public static final Map<String, String> SORTS = Map.of("person", "pp.full_name", "qualification", "q.name",
			"level", "sq.level", "obtainedOn", "sq.obtained_on", "expiresOn", "sq.expires_on");

	static final DataScope.Columns COLUMNS = DataScope.Columns.of("pp.unit_id", "pp.staff_id");

	/**
	 * The list's filters: {@code q} a person's or qualification's name; {@code expiring} true keeps the holdings that
	 * expire within the warning days or have expired.
	 */
	public record Filter(@Nullable String q, @Nullable Long staffId, @Nullable Long unitId,
			@Nullable Long qualificationId, @Nullable QualificationKind kind, @Nullable Boolean expiring) {

		public static Filter ofPerson(long staffId) {
			return new Filter(null, staffId, null, null, null, null);
		}
	}

	public record HoldingDetails(@Nullable Long staffId, @Nullable Long qualificationId, @Nullable Integer level,
			@Nullable LocalDate obtainedOn, @Nullable LocalDate expiresOn, @Nullable String evidence) {
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final Qualifications catalogue;
	private final PeopleSettings settings;
	private final AuditTrail audit;
	private final ExportCursor cursor;
	private final Clock clock;

	StaffQualifications(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, Qualifications catalogue,
			PeopleSettings settings, AuditTrail audit, ExportCursor cursor, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.catalogue = catalogue;
		this.settings = settings;
		this.audit = audit;
		this.cursor = cursor;
		this.clock = clock;
	}

	private static final String FROM = """
			 FROM people_staff_qualification sq
			JOIN people_person pp ON pp.staff_id = sq.staff_id
			JOIN people_qualification q ON q.id = sq.qualification_id""";

	@Transactional(readOnly = true)
	public PageResponse<StaffQualificationView> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		long total = jdbc.sql("SELECT COUNT(*)" + FROM + where).params(params).query(Long.class).single();
		return PageResponse.of(named(jdbc.sql("SELECT sq.*, pp.full_name, pp.unit_id, q.code, q.name, q.kind" + FROM
				+ where + query.orderBy("sq.id") + query.limit()).params(params).query(this::row).list()), query, total);
	}

	/** Every holding the filter selects, for the exports, a thousand at a time. */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<StaffQualificationView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		cursor.each("SELECT sq.*, pp.full_name, pp.unit_id, q.code, q.name, q.kind" + FROM + where
				+ query.orderBy("sq.id"), params, this::row, this::named, sink);
	}

	/** A person's holdings, by qualification name; 404 when the person is outside the reader's scope. */
	@Transactional(readOnly = true)
	public List<StaffQualificationView> ofPerson(CurrentUser actor, long staffId) {
		requireVisible(actor, staffId);
		return list(actor, Filter.ofPerson(staffId),
				ListQuery.of(0, ListQuery.MAX_SIZE, List.of("qualification"), SORTS, "qualification")).content();
	}

	@Transactional(readOnly = true)
	public StaffQualificationView get(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, new Filter(null, null, null, null, null, null), params) + " AND sq.id = :id";
		params.put("id", id);
		List<StaffQualificationView> found = named(jdbc.sql("SELECT sq.*, pp.full_name, pp.unit_id, q.code, q.name, "
				+ "q.kind" + FROM + where).params(params).query(this::row).list());
		if (found.isEmpty()) {
			throw new NotFoundException("staffQualification", id);
		}
		return found.get(0);
	}

	/** The person's roster row when the reader sees them, else 404. */
	void requireVisible(CurrentUser actor, long staffId) {
		Map<String, Object> params = new HashMap<>();
		String scope = scopes.of(actor).sql(COLUMNS, params);
		params.put("staff", staffId);
		if (jdbc.sql("SELECT COUNT(*) FROM people_person pp WHERE pp.staff_id = :staff AND " + scope).params(params)
			.query(Long.class).single() == 0) {
			throw new NotFoundException("person", staffId);
		}
	}

	private String where(CurrentUser actor, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ").append(scopes.of(actor).sql(COLUMNS, params));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(pp.full_name) LIKE :q OR LOWER(q.name) LIKE :q OR LOWER(q.code) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase(java.util.Locale.ROOT) + "%");
		}
		if (filter.staffId() != null) {
			where.append(" AND sq.staff_id = :staffId");
			params.put("staffId", filter.staffId());
		}
		if (filter.unitId() != null) {
			where.append(" AND pp.unit_id IN (:units)");
			params.put("units", org.subtree(filter.unitId()));
		}
		if (filter.qualificationId() != null) {
			where.append(" AND sq.qualification_id = :qualificationId");
			params.put("qualificationId", filter.qualificationId());
		}
		if (filter.kind() != null) {
			where.append(" AND q.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (Boolean.TRUE.equals(filter.expiring())) {
			where.append(" AND sq.expires_on IS NOT NULL AND sq.expires_on < :warnUntil");
			params.put("warnUntil", LocalDate.now(clock).plusDays(settings.expiryWarningDays() + 1L));
		}
		return where.toString();
	}

	private StaffQualificationView row(ResultSet rs, int n) throws SQLException {
		LocalDate today = LocalDate.now(clock);
		LocalDate expires = rs.getObject("expires_on", LocalDate.class);
		boolean expired = expires != null && expires.isBefore(today);
		boolean expiring = expires != null && !expired
				&& !expires.isAfter(today.plusDays(settings.expiryWarningDays()));
		return new StaffQualificationView(rs.getLong("id"), rs.getLong("version"), rs.getLong("staff_id"),
				rs.getString("full_name"), rs.getLong("unit_id"), null, rs.getLong("qualification_id"),
				rs.getString("code"), rs.getString("name"), QualificationKind.valueOf(rs.getString("kind")),
				rs.getInt("level"), rs.getObject("obtained_on", LocalDate.class), expires, rs.getString("evidence"),
				rs.getString("source"), expired, expiring);
	}

	private List<StaffQualificationView> named(List<StaffQualificationView> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> units = org.unitNames(rows.stream().map(StaffQualificationView::unitId).distinct().toList());
		return rows.stream().map(r -> new StaffQualificationView(r.id(), r.version(), r.staffId(), r.personName(),
				r.unitId(), units.get(r.unitId()), r.qualificationId(), r.qualificationCode(), r.qualificationName(),
				r.kind(), r.level(), r.obtainedOn(), r.expiresOn(), r.evidence(), r.source(), r.expired(),
				r.expiring())).toList();
	}

	public static final Map<String, String> PEOPLE_SORTS = Map.of("name", "pp.full_name", "hireDate", "pp.hire_date",
			"jobRole", "pp.job_role");

	/** The active people of the reader's scope (a rep themselves, a manager their subtree), by name. */
	@Transactional(readOnly = true)
	public PageResponse<PeopleViews.PersonRow> people(CurrentUser actor, @Nullable String q, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE pp.active = TRUE AND ").append(scopes.of(actor).sql(COLUMNS,
				params));
		if (q != null && !q.isBlank()) {
			where.append(" AND LOWER(pp.full_name) LIKE :q");
			params.put("q", "%" + q.trim().toLowerCase(java.util.Locale.ROOT) + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM people_person pp" + where).params(params).query(Long.class)
			.single();
		List<PeopleViews.PersonRow> rows = jdbc.sql("SELECT pp.* FROM people_person pp" + where
				+ query.orderBy("pp.staff_id") + query.limit()).params(params)
			.query((rs, n) -> new PeopleViews.PersonRow(rs.getLong("staff_id"), rs.getString("full_name"),
					rs.getLong("unit_id"), null, io.rumbo.organization.JobRole.valueOf(rs.getString("job_role")),
					rs.getObject("hire_date", LocalDate.class)))
			.list();
		if (!rows.isEmpty()) {
			Map<Long, String> units = org.unitNames(rows.stream().map(PeopleViews.PersonRow::unitId).distinct().toList());
			rows = rows.stream().map(r -> new PeopleViews.PersonRow(r.id(), r.fullName(), r.unitId(),
					units.get(r.unitId()), r.jobRole(), r.hireDate())).toList();
		}
		return PageResponse.of(rows, query, total);
	}

	// ---- writing (PEOPLE)

	/**
	 * Records a qualification a person holds; left without an expiry, a qualification with a validity expires that
	 * many months after it was obtained. A person holds a qualification once: the second is refused (edit the first).
	 */
	@Transactional
	public StaffQualificationView record(CurrentUser actor, HoldingDetails details) {
		Qualifications.requireManager(actor);
		QualificationView qualification = validate(details, null);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO people_staff_qualification (staff_id, qualification_id, level, obtained_on, expires_on,
				    evidence, source, recorded_by, version)
				VALUES (:staff, :qualification, :level, :obtained, :expires, :evidence, 'MANUAL', :by, 0)""")
			.param("staff", details.staffId()).param("qualification", details.qualificationId())
			.param("level", details.level()).param("obtained", details.obtainedOn())
			.param("expires", expiry(qualification, details.obtainedOn(), details.expiresOn()))
			.param("evidence", blankToNull(details.evidence())).param("by", actor.username())
			.update(key, "id");
		StaffQualificationView created = get(actor, key.getKey().longValue());
		audit.record(AUDIT, created.id(), "CREATE", null, created, created.personName() + " · " + created.qualificationName());
		return created;
	}

	@Transactional
	public StaffQualificationView update(CurrentUser actor, long id, long version, HoldingDetails details) {
		Qualifications.requireManager(actor);
		StaffQualificationView before = get(actor, id);
		HoldingDetails same = new HoldingDetails(before.staffId(), before.qualificationId(), details.level(),
				details.obtainedOn(), details.expiresOn(), details.evidence());
		QualificationView qualification = validate(same, id);
		int updated = jdbc.sql("""
				UPDATE people_staff_qualification SET level = :level, obtained_on = :obtained, expires_on = :expires,
				    evidence = :evidence, recorded_by = :by, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("level", same.level()).param("obtained", same.obtainedOn())
			.param("expires", expiry(qualification, same.obtainedOn(), same.expiresOn()))
			.param("evidence", blankToNull(same.evidence())).param("by", actor.username()).param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new StaleVersionException(version, before);
		}
		StaffQualificationView after = get(actor, id);
		audit.record(AUDIT, id, "UPDATE", before, after, after.personName() + " · " + after.qualificationName());
		return after;
	}

	/**
	 * Grants a qualification on completing a training: a new holding, or the existing one renewed (obtained again, a
	 * new expiry) at the higher of the two levels. Answers the level and expiry granted.
	 */
	Grant grant(long staffId, QualificationView qualification, int level, LocalDate on, long enrolmentId, String by) {
		LocalDate expires = expiry(qualification, on, null);
		List<Integer> held = jdbc.sql("SELECT level FROM people_staff_qualification WHERE staff_id = :s AND "
				+ "qualification_id = :q").param("s", staffId).param("q", qualification.id()).query(Integer.class).list();
		if (held.isEmpty()) {
			jdbc.sql("""
					INSERT INTO people_staff_qualification (staff_id, qualification_id, level, obtained_on, expires_on,
					    evidence, source, enrolment_id, recorded_by, version)
					VALUES (:staff, :qualification, :level, :obtained, :expires, NULL, 'TRAINING', :enrolment, :by, 0)""")
				.param("staff", staffId).param("qualification", qualification.id()).param("level", level)
				.param("obtained", on).param("expires", expires).param("enrolment", enrolmentId).param("by", by)
				.update();
			return new Grant(level, expires);
		}
		int granted = Math.max(level, held.get(0));
		jdbc.sql("""
				UPDATE people_staff_qualification SET level = :level, obtained_on = :obtained, expires_on = :expires,
				    source = 'TRAINING', enrolment_id = :enrolment, recorded_by = :by, version = version + 1
				WHERE staff_id = :staff AND qualification_id = :qualification""")
			.param("staff", staffId).param("qualification", qualification.id()).param("level", granted)
			.param("obtained", on).param("expires", expires).param("enrolment", enrolmentId).param("by", by)
			.update();
		return new Grant(granted, expires);
	}

	record Grant(int level, @Nullable LocalDate expiresOn) {
	}

	static @Nullable LocalDate expiry(QualificationView qualification, LocalDate obtained, @Nullable LocalDate given) {
		if (given != null) {
			return given;
		}
		return qualification.validityMonths() == null ? null : obtained.plusMonths(qualification.validityMonths());
	}

	private QualificationView validate(HoldingDetails d, @Nullable Long id) {
		List<FieldError> errors = new ArrayList<>();
		if (d.staffId() == null) {
			errors.add(new FieldError("staffId", "shared.validation.required"));
		}
		else if (jdbc.sql("SELECT COUNT(*) FROM people_person WHERE staff_id = :s AND active = TRUE")
			.param("s", d.staffId()).query(Long.class).single() == 0) {
			errors.add(new FieldError("staffId", "people.holding.unknownPerson"));
		}
		QualificationView qualification = null;
		if (d.qualificationId() == null) {
			errors.add(new FieldError("qualificationId", "shared.validation.required"));
		}
		else {
			try {
				qualification = catalogue.get(QualificationId.of(d.qualificationId()));
				if (qualification.archived() && id == null) {
					// Archived: kept for the holdings already recorded, not offered for new ones.
					errors.add(new FieldError("qualificationId", "people.qualification.archivedNotOffered"));
				}
			}
			catch (NotFoundException | IllegalArgumentException ex) {
				errors.add(new FieldError("qualificationId", "people.requirement.unknownQualification"));
			}
		}
		if (d.level() == null || d.level() < 1 || (qualification != null && d.level() > qualification.maxLevel())) {
			errors.add(new FieldError("level", "people.qualification.levelRange", 1,
					qualification == null ? 10 : qualification.maxLevel()));
		}
		LocalDate today = LocalDate.now(clock);
		if (d.obtainedOn() == null) {
			errors.add(new FieldError("obtainedOn", "shared.validation.required"));
		}
		else if (d.obtainedOn().isAfter(today)) {
			errors.add(new FieldError("obtainedOn", "people.holding.obtainedFuture"));
		}
		if (d.expiresOn() != null && d.obtainedOn() != null && d.expiresOn().isBefore(d.obtainedOn())) {
			errors.add(new FieldError("expiresOn", "people.holding.expiresBeforeObtained"));
		}
		if (d.evidence() != null && d.evidence().trim().length() > 1000) {
			errors.add(new FieldError("evidence", "people.validation.tooLong", 1000));
		}
		if (errors.isEmpty() && id == null && jdbc.sql("SELECT COUNT(*) FROM people_staff_qualification WHERE "
				+ "staff_id = :s AND qualification_id = :q").param("s", d.staffId()).param("q", d.qualificationId())
			.query(Long.class).single() > 0) {
			errors.add(new FieldError("qualificationId", "people.holding.duplicate"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		return qualification;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
