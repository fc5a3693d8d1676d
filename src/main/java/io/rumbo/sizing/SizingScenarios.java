package io.rumbo.sizing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.PositionView;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.sizing.domain.Calculators;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sizing scenarios (decision 0038): a calculator's inputs for a unit's subtree and a fiscal year, saved with the
 * result, compared side by side, and turned into planned positions in one step. Directors see and size every unit,
 * managers the subtree they lead (in SQL); anyone else has no scenarios. A scenario's working is worked out again
 * from its inputs whenever it is shown, so the saved result and the lines always agree.
 */
@Service
public class SizingScenarios {

	public static final Map<String, String> SORTS = Map.of("name", "s.name", "method", "s.method", "fiscalYear",
			"s.fiscal_year", "createdAt", "s.created_at", "result", "s.result");

	/** The list's filters: words of the name, a method, a unit (its subtree), a fiscal year, archived ones too. */
	public record Filter(@Nullable String q, @Nullable SizingMethod method, @Nullable Long unitId,
			@Nullable Integer fiscalYear, boolean archived) {
	}

	/**
	 * What a person saves: a name, the method, the unit and year it sizes, its inputs and a note; the selling job roles
	 * it sizes (absent: {@link #DEFAULT_ROLES}) and the role its gap is planned in (absent: the first of them).
	 */
	public record Draft(@Nullable String name, @Nullable SizingMethod method, @Nullable Long unitId,
			@Nullable Integer fiscalYear, @Nullable SizingInputs inputs, @Nullable String note,
			@Nullable List<JobRole> roles, @Nullable JobRole positionRole) {

		public Draft(@Nullable String name, @Nullable SizingMethod method, @Nullable Long unitId,
				@Nullable Integer fiscalYear, @Nullable SizingInputs inputs, @Nullable String note) {
			this(name, method, unitId, fiscalYear, inputs, note, null, null);
		}
	}

	/** The roles a scenario sizes unless it says otherwise. */
	public static final List<JobRole> DEFAULT_ROLES = List.of(JobRole.SALESPERSON, JobRole.KEY_ACCOUNT_MANAGER);

	/** The roles a scenario may size: the job roles that sell. */
	public static final List<JobRole> SELLING_ROLES = List.of(JobRole.SALESPERSON, JobRole.KEY_ACCOUNT_MANAGER,
			JobRole.AGENT);

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final OrgUnitManagement units;
	private final SizingFigures figures;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final Clock clock;

	SizingScenarios(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, OrgUnitManagement units,
			SizingFigures figures, AuditTrail audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.units = units;
		this.figures = figures;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Who sizes: directors (and administrators) every unit, managers their subtree. */
	public static boolean maySize(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	/** Works out a scenario without saving it (the calculator page as the person types). */
	public Working calculate(SizingMethod method, SizingInputs inputs) {
		return Calculators.calculate(method, inputs);
	}

	@Transactional(readOnly = true)
	public PageResponse<ScenarioView> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM sizing_scenario s" + where).params(params).query(Long.class)
			.single();
		List<Row> rows = jdbc.sql("SELECT s.* FROM sizing_scenario s" + where + query.orderBy("s.id")
				+ query.limit()).params(params).query(this::row).list();
		return PageResponse.of(named(rows), query, total);
	}

	/** Every scenario the filter selects, in order (the export). */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<ScenarioView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		named(jdbc.sql("SELECT s.* FROM sizing_scenario s" + where + query.orderBy("s.id")).params(params)
			.query(this::row).list()).forEach(sink);
	}

	@Transactional(readOnly = true)
	public ScenarioView get(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, new Filter(null, null, null, null, true), params) + " AND s.id = :id";
		params.put("id", id);
		List<Row> found = jdbc.sql("SELECT s.* FROM sizing_scenario s" + where).params(params)
			.query(this::row).list();
		if (found.isEmpty()) {
			throw new NotFoundException("sizingScenario", id);
		}
		return named(found).get(0);
	}

	/** The scenario's result against the subtree's salespeople and planned positions today. */
	@Transactional(readOnly = true)
	public Headcount headcount(CurrentUser actor, ScenarioView scenario) {
		int needed = scenario.method().headcount() ? scenario.result().intValue() : 0;
		return figures.headcount(actor, org.subtree(scenario.unitId()), needed, scenario.roles());
	}

	@Transactional
	public ScenarioView save(CurrentUser actor, Draft draft) {
		Checked c = check(actor, draft);
		Instant now = clock.instant();
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO sizing_scenario (name, method, unit_id, fiscal_year, inputs, result, note, created_by,
				    created_at, archived, version, job_roles, position_role)
				VALUES (:name, :method, :unit, :year, :inputs, :result, :note, :by, :at, FALSE, 0, :roles,
				    :positionRole)""")
			.param("roles", c.rolesText()).param("positionRole", c.positionRole.name())
			.param("name", c.name).param("method", c.method.name()).param("unit", c.unitId)
			.param("year", c.fiscalYear).param("inputs", c.inputsJson).param("result", c.working.result())
			.param("note", blankToNull(draft.note())).param("by", actor.username()).param("at", Timestamp.from(now))
			.update(key, "id");
		long id = key.getKey().longValue();
		audit.record("SIZING_SCENARIO", id, "CREATE", null, Map.of("name", c.name, "method", c.method.name(),
				"unitId", c.unitId, "result", c.working.result()), c.name);
		return get(actor, id);
	}

	/** The same scenario with other inputs, at {@code version}; an applied scenario stays as it was applied. */
	@Transactional
	public ScenarioView update(CurrentUser actor, long id, long version, Draft draft) {
		ScenarioView before = get(actor, id);
		if (before.version() != version) {
			throw new StaleVersionException(version, before);
		}
		if (before.appliedAt() != null || before.archived()) {
			throw new ConflictException("sizing.error.locked");
		}
		Checked c = check(actor, draft);
		int changed = jdbc.sql("""
				UPDATE sizing_scenario SET name = :name, method = :method, unit_id = :unit, fiscal_year = :year,
				    inputs = :inputs, result = :result, note = :note, job_roles = :roles,
				    position_role = :positionRole, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("roles", c.rolesText()).param("positionRole", c.positionRole.name())
			.param("name", c.name).param("method", c.method.name()).param("unit", c.unitId)
			.param("year", c.fiscalYear).param("inputs", c.inputsJson).param("result", c.working.result())
			.param("note", blankToNull(draft.note())).param("id", id).param("version", version).update();
		if (changed == 0) {
			throw new StaleVersionException(version, before);
		}
		audit.record("SIZING_SCENARIO", id, "UPDATE", Map.of("result", before.result()), Map.of("result",
				c.working.result()), c.name);
		return get(actor, id);
	}

	@Transactional
	public ScenarioView archive(CurrentUser actor, long id, long version) {
		ScenarioView before = get(actor, id);
		if (before.archived()) {
			throw new ConflictException("sizing.error.archived");
		}
		if (jdbc.sql("UPDATE sizing_scenario SET archived = TRUE, version = version + 1 WHERE id = :id AND version = :v")
			.param("id", id).param("v", version).update() == 0) {
			throw new StaleVersionException(version, before);
		}
		audit.record("SIZING_SCENARIO", id, "ARCHIVE", null, null, before.name());
		return get(actor, id);
	}

	/**
	 * Turns the scenario's gap into vacancies in one step: the planned positions of the scenario's position role (a
	 * salesperson unless it says otherwise) of {@code unitId} (the
	 * scenario's unit or one in its subtree) rise by the gap, through organization's positions (audited there), and
	 * the scenario records that it was applied. Nothing to add answers 409.
	 */
	@Transactional
	public ScenarioView apply(CurrentUser actor, long id, long version, @Nullable Long unitId) {
		ScenarioView scenario = get(actor, id);
		if (scenario.version() != version) {
			throw new StaleVersionException(version, scenario);
		}
		if (!scenario.method().headcount()) {
			throw new ConflictException("sizing.error.notHeadcount");
		}
		if (scenario.appliedAt() != null || scenario.archived()) {
			throw new ConflictException("sizing.error.locked");
		}
		long target = unitId == null ? scenario.unitId() : unitId;
		if (!org.subtree(scenario.unitId()).contains(target)) {
			throw ValidationFailedException.of("unitId", "sizing.error.unitOutside");
		}
		Headcount headcount = headcount(actor, scenario);
		if (headcount.gap() == 0) {
			throw new ConflictException("sizing.error.noGap");
		}
		int current = units.positions(actor, target)
			.stream()
			.filter(p -> p.jobRole() == scenario.positionRole())
			.mapToInt(PositionView::planned)
			.sum();
		// Claim the scenario first: a concurrent apply of the same version waits for this row lock, then finds no row
		// at its version and is stale, before it plans any position.
		if (jdbc.sql("""
				UPDATE sizing_scenario SET applied_by = :by, applied_at = :at, version = version + 1
				WHERE id = :id AND version = :v AND applied_at IS NULL""")
			.param("by", actor.username()).param("at", Timestamp.from(clock.instant())).param("id", id)
			.param("v", version).update() == 0) {
			throw new StaleVersionException(version, get(actor, id));
		}
		units.planPosition(actor, target, scenario.positionRole(), current + headcount.gap());
		audit.record("SIZING_SCENARIO", id, "APPLY", Map.of("planned", headcount.planned()), Map.of("planned",
				headcount.planned() + headcount.gap(), "unitId", target, "jobRole", scenario.positionRole().name()),
				scenario.name());
		return get(actor, id);
	}

	private record Checked(String name, SizingMethod method, long unitId, int fiscalYear, Working working,
			String inputsJson, List<JobRole> roles, JobRole positionRole) {

		String rolesText() {
			return roles.stream().map(JobRole::name).collect(java.util.stream.Collectors.joining(","));
		}
	}

	private Checked check(CurrentUser actor, Draft draft) {
		if (!maySize(actor)) {
			throw new AccessRefusedException("sizing");
		}
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		String name = draft.name() == null ? "" : draft.name().trim();
		if (name.isEmpty() || name.length() > 200) {
			errors.add(new ValidationFailedException.FieldError("name", "sizing.error.name"));
		}
		if (draft.method() == null) {
			errors.add(new ValidationFailedException.FieldError("method", "sizing.error.required"));
		}
		if (draft.unitId() == null) {
			errors.add(new ValidationFailedException.FieldError("unitId", "sizing.error.required"));
		}
		if (draft.fiscalYear() == null || draft.fiscalYear() < 2000 || draft.fiscalYear() > 2100) {
			errors.add(new ValidationFailedException.FieldError("fiscalYear", "sizing.error.year"));
		}
		List<JobRole> roles = draft.roles() == null || draft.roles().isEmpty() ? DEFAULT_ROLES
				: SELLING_ROLES.stream().filter(draft.roles()::contains).toList();
		if (draft.roles() != null && !SELLING_ROLES.containsAll(draft.roles())) {
			errors.add(new ValidationFailedException.FieldError("roles", "sizing.error.roles"));
			roles = roles.isEmpty() ? DEFAULT_ROLES : roles;
		}
		JobRole positionRole = draft.positionRole() == null ? roles.get(0) : draft.positionRole();
		if (!roles.contains(positionRole)) {
			errors.add(new ValidationFailedException.FieldError("positionRole", "sizing.error.positionRole"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		DataScope scope = scopes.of(actor);
		if (!org.isActiveUnit(draft.unitId()) || !scope.managesUnit(draft.unitId())) {
			throw ValidationFailedException.of("unitId", "sizing.error.unit");
		}
		SizingInputs inputs = draft.inputs() == null ? new SizingInputs(Map.of(), List.of()) : draft.inputs();
		Working working = Calculators.calculate(draft.method(), inputs);
		String text = json.writeValueAsString(inputs);
		if (text.length() > 8000) {
			throw ValidationFailedException.of("inputs", "sizing.error.tooLarge");
		}
		return new Checked(name, draft.method(), draft.unitId(), draft.fiscalYear(), working, text, roles,
				positionRole);
	}

	private String where(CurrentUser actor, Filter filter, Map<String, Object> params) {
		if (!maySize(actor) && !actor.seesEverything()) {
			return " WHERE 1 = 0";
		}
		DataScope scope = scopes.of(actor);
		StringBuilder where = new StringBuilder(" WHERE ").append(scope.sql(new DataScope.Columns(List.of("s.unit_id"),
				List.of(), List.of()), params));
		if (!filter.archived()) {
			where.append(" AND s.archived = FALSE");
		}
		if (filter.method() != null) {
			where.append(" AND s.method = :method");
			params.put("method", filter.method().name());
		}
		if (filter.fiscalYear() != null) {
			where.append(" AND s.fiscal_year = :year");
			params.put("year", filter.fiscalYear());
		}
		if (filter.unitId() != null) {
			where.append(" AND s.unit_id IN (:units)");
			params.put("units", org.subtree(filter.unitId()));
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			int i = 0;
			for (String word : filter.q().trim().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
				where.append(" AND LOWER(s.name) LIKE :q").append(i);
				params.put("q" + i++, "%" + word.replace("%", "").replace("_", "") + "%");
			}
		}
		return where.toString();
	}

	private record Row(long id, long version, String name, SizingMethod method, long unitId, int fiscalYear,
			SizingInputs inputs, BigDecimal result, @Nullable String note, String createdBy, Instant createdAt,
			@Nullable String appliedBy, @Nullable Instant appliedAt, boolean archived, List<JobRole> roles,
			JobRole positionRole) {
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		Timestamp applied = rs.getTimestamp("applied_at");
		return new Row(rs.getLong("id"), rs.getLong("version"), rs.getString("name"),
				SizingMethod.valueOf(rs.getString("method")), rs.getLong("unit_id"), rs.getInt("fiscal_year"),
				json.readValue(rs.getString("inputs"), SizingInputs.class), rs.getBigDecimal("result"),
				rs.getString("note"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("applied_by"), applied == null ? null : applied.toInstant(), rs.getBoolean("archived"),
				java.util.Arrays.stream(rs.getString("job_roles").split(",")).map(JobRole::valueOf).toList(),
				JobRole.valueOf(rs.getString("position_role")));
	}

	private List<ScenarioView> named(List<Row> rows) {
		Map<Long, String> names = org.unitNames(rows.stream().map(Row::unitId).distinct().toList());
		List<ScenarioView> views = new ArrayList<>();
		for (Row r : rows) {
			Working working = Calculators.calculate(r.method(), r.inputs());
			views.add(new ScenarioView(r.id(), r.version(), r.name(), r.method(), r.unitId(),
					names.getOrDefault(r.unitId(), ""), r.fiscalYear(), r.inputs(), r.result(), r.note(), r.createdBy(),
					r.createdAt(), r.appliedBy(), r.appliedAt(), r.archived(), working, r.roles(), r.positionRole()));
		}
		return views;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
