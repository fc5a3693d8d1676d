package io.rumbo.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.PeopleViews.LevelView;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.people.PeopleViews.RequirementView;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * The catalogue of qualifications with their levels, and the requirements of each job role (optionally for one unit):
 * everyone reads them, PEOPLE keeps them. Edits carry the version read (409 when stale) and go to the audit trail; a
 * qualification that people hold or roles require is archived, never deleted.
 */
@Service
public class Qualifications {

	static final String AUDIT = "PEOPLE_QUALIFICATION";
	static final String AUDIT_REQUIREMENT = "PEOPLE_REQUIREMENT";

	/** A qualification as a form or request gives it; {@code levels}: the names of levels 1, 2... (optional). */
	public record QualificationDetails(@Nullable String code, @Nullable String name, @Nullable QualificationKind kind,
			@Nullable String description, @Nullable Integer maxLevel, @Nullable Integer validityMonths,
			@Nullable List<String> levels) {
	}

	public record RequirementDetails(@Nullable JobRole jobRole, @Nullable Long unitId, @Nullable Long qualificationId,
			@Nullable Integer minLevel, @Nullable Importance importance) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final OrgDirectory org;

	Qualifications(JdbcClient jdbc, AuditTrail audit, OrgDirectory org) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.org = org;
	}

	// ---- reading

	/** The catalogue, by name; {@code archived} true includes archived qualifications. */
	@Transactional(readOnly = true)
	public List<QualificationView> catalogue(@Nullable String q, @Nullable QualificationKind kind, boolean archived) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (!archived) {
			where.append(" AND q.archived = FALSE");
		}
		if (kind != null) {
			where.append(" AND q.kind = :kind");
			params.put("kind", kind.name());
		}
		if (q != null && !q.isBlank()) {
			where.append(" AND (LOWER(q.name) LIKE :q OR LOWER(q.code) LIKE :q)");
			params.put("q", "%" + q.trim().toLowerCase(java.util.Locale.ROOT) + "%");
		}
		return read(where + " ORDER BY q.name, q.id", params);
	}

	@Transactional(readOnly = true)
	public QualificationView get(QualificationId id) {
		List<QualificationView> found = read(" WHERE q.id = :id", Map.of("id", id.value()));
		if (found.isEmpty()) {
			throw new NotFoundException("qualification", id.value());
		}
		return found.get(0);
	}

	private List<QualificationView> read(String where, Map<String, Object> params) {
		List<QualificationView> rows = jdbc.sql("SELECT q.* FROM people_qualification q" + where).params(params)
			.query((rs, n) -> new QualificationView(rs.getLong("id"), rs.getLong("version"), rs.getString("code"),
					rs.getString("name"), QualificationKind.valueOf(rs.getString("kind")), rs.getString("description"),
					rs.getInt("max_level"), (Integer) rs.getObject("validity_months", Integer.class),
					rs.getBoolean("archived"), List.of()))
			.list();
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<LevelView>> levels = new HashMap<>();
		jdbc.sql("SELECT qualification_id, level, name FROM people_qualification_level WHERE qualification_id IN (:ids)"
				+ " ORDER BY level")
			.param("ids", rows.stream().map(QualificationView::id).toList())
			.query((rs, n) -> levels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new LevelView(rs.getInt(2), rs.getString(3))))
			.list();
		return rows.stream().map(r -> new QualificationView(r.id(), r.version(), r.code(), r.name(), r.kind(),
				r.description(), r.maxLevel(), r.validityMonths(), r.archived(), levels.getOrDefault(r.id(), List.of())))
			.toList();
	}

	/** The requirements, by job role then qualification; filters optional. */
	@Transactional(readOnly = true)
	public List<RequirementView> requirements(@Nullable JobRole jobRole, @Nullable Long unitId,
			@Nullable Long qualificationId) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (jobRole != null) {
			where.append(" AND r.job_role = :role");
			params.put("role", jobRole.name());
		}
		if (unitId != null) {
			where.append(" AND (r.unit_id IS NULL OR r.unit_id = :unit)");
			params.put("unit", unitId);
		}
		if (qualificationId != null) {
			where.append(" AND r.qualification_id = :qualification");
			params.put("qualification", qualificationId);
		}
		return requirementRows(where + " ORDER BY r.job_role, q.name, r.unit_id, r.id", params);
	}

	/**
	 * The requirements that apply to a job role in a unit: the role's company-wide ones and those of that unit, the
	 * higher level and REQUIRED winning where both name a qualification. What a requisition copies.
	 */
	@Transactional(readOnly = true)
	public List<RequirementView> requirementsOf(JobRole jobRole, long unitId) {
		Map<Long, RequirementView> merged = new LinkedHashMap<>();
		for (RequirementView r : requirements(jobRole, unitId, null)) {
			merged.merge(r.qualificationId(), r, (a, b) -> {
				RequirementView wins = b.minLevel() > a.minLevel() ? b : a;
				Importance importance = a.importance() == Importance.REQUIRED || b.importance() == Importance.REQUIRED
						? Importance.REQUIRED : Importance.DESIRABLE;
				return new RequirementView(wins.id(), wins.version(), wins.jobRole(), wins.unitId(), wins.unitName(),
						wins.qualificationId(), wins.qualificationCode(), wins.qualificationName(),
						Math.max(a.minLevel(), b.minLevel()), importance);
			});
		}
		return List.copyOf(merged.values());
	}

	@Transactional(readOnly = true)
	public RequirementView requirement(long id) {
		List<RequirementView> found = requirementRows(" WHERE r.id = :id", Map.of("id", id));
		if (found.isEmpty()) {
			throw new NotFoundException("requirement", id);
		}
		return found.get(0);
	}

	private List<RequirementView> requirementRows(String where, Map<String, Object> params) {
		List<RequirementView> rows = jdbc.sql("""
				SELECT r.*, q.code, q.name FROM people_role_requirement r
				JOIN people_qualification q ON q.id = r.qualification_id""" + where)
			.params(params)
			.query((rs, n) -> new RequirementView(rs.getLong("id"), rs.getLong("version"),
					JobRole.valueOf(rs.getString("job_role")), (Long) rs.getObject("unit_id", Long.class), null,
					rs.getLong("qualification_id"), rs.getString("code"), rs.getString("name"), rs.getInt("min_level"),
					Importance.valueOf(rs.getString("importance"))))
			.list();
		List<Long> units = rows.stream().map(RequirementView::unitId).filter(java.util.Objects::nonNull).distinct()
			.toList();
		if (units.isEmpty()) {
			return rows;
		}
		Map<Long, String> names = org.unitNames(units);
		return rows.stream().map(r -> r.unitId() == null ? r : new RequirementView(r.id(), r.version(), r.jobRole(),
				r.unitId(), names.get(r.unitId()), r.qualificationId(), r.qualificationCode(), r.qualificationName(),
				r.minLevel(), r.importance())).toList();
	}

	// ---- keeping the catalogue

	@Transactional
	public QualificationView create(CurrentUser actor, QualificationDetails details) {
		requireManager(actor);
		validate(details, null);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO people_qualification (code, name, kind, description, max_level, validity_months, archived,
				    version)
				VALUES (:code, :name, :kind, :description, :maxLevel, :validity, FALSE, 0)""")
			.params(columns(details))
			.update(key, "id");
		long id = key.getKey().longValue();
		writeLevels(id, details);
		QualificationView created = get(QualificationId.of(id));
		audit.record(AUDIT, id, "CREATE", null, created, created.name());
		return created;
	}

	@Transactional
	public QualificationView update(CurrentUser actor, QualificationId id, long version, QualificationDetails details) {
		requireManager(actor);
		QualificationView before = get(id);
		validate(details, id.value());
		refuseLevelsInUse(id.value(), before.maxLevel(), details.maxLevel());
		Map<String, Object> params = columns(details);
		params.put("id", id.value());
		params.put("version", version);
		int updated = jdbc.sql("""
				UPDATE people_qualification SET code = :code, name = :name, kind = :kind, description = :description,
				    max_level = :maxLevel, validity_months = :validity, version = version + 1
				WHERE id = :id AND version = :version""").params(params).update();
		if (updated == 0) {
			throw new StaleVersionException(version, before);
		}
		jdbc.sql("DELETE FROM people_qualification_level WHERE qualification_id = :id").param("id", id.value()).update();
		writeLevels(id.value(), details);
		QualificationView after = get(id);
		audit.record(AUDIT, id.value(), "UPDATE", before, after, after.name());
		return after;
	}

	/**
	 * Archives (or restores) a qualification: it leaves the pickers and the gap report, and is not offered for new
	 * requirements or holdings; the holdings recorded stay, as history. Archiving is refused (409) while a requirement
	 * names it or a programme not archived grants it: those would silently stop counting, so they go first.
	 */
	@Transactional
	public QualificationView archive(CurrentUser actor, QualificationId id, long version, boolean archived) {
		requireManager(actor);
		QualificationView before = get(id);
		if (archived && !before.archived()) {
			long requirements = jdbc.sql("SELECT COUNT(*) FROM people_role_requirement WHERE qualification_id = :id")
				.param("id", id.value()).query(Long.class).single();
			long programmes = jdbc.sql("SELECT COUNT(*) FROM people_programme WHERE qualification_id = :id AND "
					+ "archived = FALSE").param("id", id.value()).query(Long.class).single();
			if (requirements + programmes > 0) {
				throw new ConflictException("people.qualification.inUse", before.name(), requirements, programmes);
			}
		}
		int updated = jdbc.sql("""
				UPDATE people_qualification SET archived = :archived, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("archived", archived).param("id", id.value()).param("version", version).update();
		if (updated == 0) {
			throw new StaleVersionException(version, before);
		}
		QualificationView after = get(id);
		audit.record(AUDIT, id.value(), archived ? "ARCHIVE" : "RESTORE", before, after, after.name());
		return after;
	}

	/**
	 * Fewer levels than before are refused (at the field, 422) while a person holds a level above the new number, or a
	 * role requirement, an open requisition or a programme not archived asks one: those would name a level that no
	 * longer exists. The message says how many of each, so the manager knows what to change first.
	 */
	private void refuseLevelsInUse(long id, int before, int after) {
		if (after >= before) {
			return;
		}
		long holdings = jdbc.sql("SELECT COUNT(*) FROM people_staff_qualification WHERE qualification_id = :id "
				+ "AND level > :max").param("id", id).param("max", after).query(Long.class).single();
		long requirements = jdbc.sql("SELECT COUNT(*) FROM people_role_requirement WHERE qualification_id = :id "
				+ "AND min_level > :max").param("id", id).param("max", after).query(Long.class).single()
				+ jdbc.sql("""
						SELECT COUNT(*) FROM people_requisition_requirement r
						JOIN people_requisition q ON q.id = r.requisition_id
						WHERE r.qualification_id = :id AND r.min_level > :max
						  AND q.status IN ('DRAFT', 'SUBMITTED', 'APPROVED')""")
					.param("id", id).param("max", after).query(Long.class).single();
		long programmes = jdbc.sql("SELECT COUNT(*) FROM people_programme WHERE qualification_id = :id "
				+ "AND grant_level > :max AND archived = FALSE").param("id", id).param("max", after)
			.query(Long.class).single();
		if (holdings + requirements + programmes > 0) {
			throw ValidationFailedException.of("maxLevel", "people.qualification.levelsInUse", after, holdings,
					requirements, programmes);
		}
	}

	private void validate(QualificationDetails d, @Nullable Long id) {
		List<FieldError> errors = new ArrayList<>();
		CatalogueFields.codeAndName(jdbc, "people_qualification", d.code(), d.name(), id, errors);
		if (d.kind() == null) {
			errors.add(new FieldError("kind", "shared.validation.required"));
		}
		if (d.maxLevel() == null || d.maxLevel() < 1 || d.maxLevel() > 10) {
			errors.add(new FieldError("maxLevel", "people.qualification.levelRange", 1, 10));
		}
		if (d.validityMonths() != null && (d.validityMonths() < 1 || d.validityMonths() > 240)) {
			errors.add(new FieldError("validityMonths", "people.qualification.validityRange", 1, 240));
		}
		if (d.levels() != null && d.maxLevel() != null && d.levels().stream().filter(l -> l != null && !l.isBlank())
			.count() > d.maxLevel()) {
			errors.add(new FieldError("levels", "people.qualification.tooManyLevels", d.maxLevel()));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	private static Map<String, Object> columns(QualificationDetails d) {
		Map<String, Object> params = new HashMap<>();
		params.put("code", d.code().trim().toUpperCase(java.util.Locale.ROOT));
		params.put("name", d.name().trim());
		params.put("kind", d.kind().name());
		params.put("description", d.description() == null || d.description().isBlank() ? null : d.description().trim());
		params.put("maxLevel", d.maxLevel());
		params.put("validity", d.validityMonths());
		return params;
	}

	private void writeLevels(long id, QualificationDetails d) {
		if (d.levels() == null) {
			return;
		}
		int level = 0;
		for (String name : d.levels()) {
			level++;
			if (name != null && !name.isBlank() && level <= d.maxLevel()) {
				jdbc.sql("INSERT INTO people_qualification_level (qualification_id, level, name) VALUES (:q, :l, :n)")
					.param("q", id).param("l", level).param("n", name.trim()).update();
			}
		}
	}

	// ---- requirements

	@Transactional
	public RequirementView require(CurrentUser actor, RequirementDetails details) {
		requireManager(actor);
		validate(details, null);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO people_role_requirement (job_role, unit_id, qualification_id, min_level, importance, version)
				VALUES (:role, :unit, :qualification, :level, :importance, 0)""")
			.params(requirementColumns(details))
			.update(key, "id");
		RequirementView created = requirement(key.getKey().longValue());
		audit.record(AUDIT_REQUIREMENT, created.id(), "CREATE", null, created,
				created.jobRole() + " " + created.qualificationCode());
		return created;
	}

	@Transactional
	public RequirementView updateRequirement(CurrentUser actor, long id, long version, RequirementDetails details) {
		requireManager(actor);
		RequirementView before = requirement(id);
		validate(details, id);
		Map<String, Object> params = requirementColumns(details);
		params.put("id", id);
		params.put("version", version);
		int updated = jdbc.sql("""
				UPDATE people_role_requirement SET job_role = :role, unit_id = :unit, qualification_id = :qualification,
				    min_level = :level, importance = :importance, version = version + 1
				WHERE id = :id AND version = :version""").params(params).update();
		if (updated == 0) {
			throw new StaleVersionException(version, before);
		}
		RequirementView after = requirement(id);
		audit.record(AUDIT_REQUIREMENT, id, "UPDATE", before, after, after.jobRole() + " " + after.qualificationCode());
		return after;
	}

	/** Drops a requirement (nothing refers to one: a requisition keeps its own copy). */
	@Transactional
	public void dropRequirement(CurrentUser actor, long id, long version) {
		requireManager(actor);
		RequirementView before = requirement(id);
		int deleted = jdbc.sql("DELETE FROM people_role_requirement WHERE id = :id AND version = :version")
			.param("id", id).param("version", version).update();
		if (deleted == 0) {
			throw new StaleVersionException(version, before);
		}
		audit.record(AUDIT_REQUIREMENT, id, "DELETE", before, null, before.jobRole() + " " + before.qualificationCode());
	}

	private void validate(RequirementDetails d, @Nullable Long id) {
		List<FieldError> errors = new ArrayList<>();
		if (d.jobRole() == null) {
			errors.add(new FieldError("jobRole", "shared.validation.required"));
		}
		if (d.unitId() != null && !org.isActiveUnit(d.unitId())) {
			errors.add(new FieldError("unitId", "people.requirement.unknownUnit"));
		}
		QualificationView qualification = null;
		if (d.qualificationId() == null) {
			errors.add(new FieldError("qualificationId", "shared.validation.required"));
		}
		else {
			List<QualificationView> found = read(" WHERE q.id = :id AND q.archived = FALSE",
					Map.of("id", d.qualificationId()));
			if (found.isEmpty()) {
				errors.add(new FieldError("qualificationId", "people.requirement.unknownQualification"));
			}
			else {
				qualification = found.get(0);
			}
		}
		if (d.minLevel() == null || d.minLevel() < 1
				|| (qualification != null && d.minLevel() > qualification.maxLevel())) {
			errors.add(new FieldError("minLevel", "people.qualification.levelRange", 1,
					qualification == null ? 10 : qualification.maxLevel()));
		}
		if (d.importance() == null) {
			errors.add(new FieldError("importance", "shared.validation.required"));
		}
		if (errors.isEmpty() && jdbc.sql("""
				SELECT COUNT(*) FROM people_role_requirement
				WHERE job_role = :role AND qualification_id = :qualification AND id <> :id
				  AND (unit_id = :unit OR (unit_id IS NULL AND :noUnit = TRUE))""")
			.param("role", d.jobRole().name()).param("qualification", d.qualificationId())
			.param("unit", d.unitId() == null ? -1L : d.unitId()).param("noUnit", d.unitId() == null)
			.param("id", id == null ? -1L : id)
			.query(Long.class).single() > 0) {
			errors.add(new FieldError("qualificationId", "people.requirement.duplicate"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	private static Map<String, Object> requirementColumns(RequirementDetails d) {
		Map<String, Object> params = new HashMap<>();
		params.put("role", d.jobRole().name());
		params.put("unit", d.unitId());
		params.put("qualification", d.qualificationId());
		params.put("level", d.minLevel());
		params.put("importance", d.importance().name());
		return params;
	}

	static void requireManager(CurrentUser actor) {
		if (!PeopleAccess.mayManage(actor)) {
			throw new AccessRefusedException("people");
		}
	}
}
