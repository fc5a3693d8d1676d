package io.rumbo.territories;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerId;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.territories.domain.Alignment;
import io.rumbo.territories.domain.Territory;
import io.rumbo.territories.domain.TerritoryModel;
import io.rumbo.territories.domain.TerritoryModelRepository;
import io.rumbo.territories.domain.TerritoryRepository;

/**
 * Territory models and their territories: drafts created (empty or as a copy), edited and activated. Directors and
 * administrators edit every territory of a draft and alone activate; a manager edits, in a draft, the territories
 * assigned within the units they manage (others are 404 to them), and reads the models; a salesperson reads only the
 * territories assigned to them ({@link TerritoryAnalysis#mine}). Every change is audited; territories and models
 * carry a version (409 with the current one when stale).
 */
@Service
public class TerritoryModels {

	/** The sort keys of the model list. */
	public static final Map<String, String> SORTS = Map.of("name", "LOWER(m.name)", "status", "m.status",
			"effectiveFrom", "m.effective_from", "createdAt", "m.created_at");

	public record Filter(@Nullable String q, @Nullable ModelStatus status) {
	}

	/** A territory's editable fields; without a person the territory is assigned to {@code assigneeUnitId}. */
	public record TerritoryDetails(@Nullable Long parentId, @Nullable String code, @Nullable String name,
			@Nullable Integer rank, @Nullable Long assigneeStaffId, @Nullable Long assigneeUnitId) {
	}

	private final TerritoryModelRepository models;
	private final TerritoryRepository territories;
	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final CustomerDirectory customers;
	private final AuditTrail audit;
	private final Clock clock;
	private final Realignment realignment;
	private final jakarta.persistence.EntityManager entities;

	TerritoryModels(TerritoryModelRepository models, TerritoryRepository territories, JdbcClient jdbc,
			DataScopes scopes, OrgDirectory org, CustomerDirectory customers, AuditTrail audit, Clock clock,
			Realignment realignment, jakarta.persistence.EntityManager entities) {
		this.entities = entities;
		this.models = models;
		this.territories = territories;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.customers = customers;
		this.audit = audit;
		this.clock = clock;
		this.realignment = realignment;
	}

	// ---- who may do what

	public static boolean mayReadModels(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.VIEWER);
	}

	public static boolean mayCreate(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	public static boolean mayActivate(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	private static boolean companyWide(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	private boolean mayEdit(CurrentUser user, DataScope scope, long assigneeUnitId) {
		return companyWide(user) || (user.has(Role.MANAGER) && scope.managesUnit(assigneeUnitId));
	}

	// ---- reading

	@Transactional(readOnly = true)
	public PageResponse<ModelView> list(CurrentUser user, Filter filter, ListQuery query) {
		requireReader(user);
		Map<String, Object> params = new HashMap<>();
		String where = where(user, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM territories_model m" + where).params(params).query(Long.class)
			.single();
		List<ModelView> rows = jdbc.sql(MODEL_SELECT + where + " " + query.orderBy("m.id DESC")
				+ query.limit()).params(params).query(TerritoryModels::model).list();
		return PageResponse.of(rows, query, total);
	}

	@Transactional(readOnly = true)
	public void each(CurrentUser user, Filter filter, ListQuery query, Consumer<ModelView> sink) {
		requireReader(user);
		Map<String, Object> params = new HashMap<>();
		String where = where(user, filter, params);
		jdbc.sql(MODEL_SELECT + where + " " + query.orderBy("m.id DESC")).params(params)
			.query(TerritoryModels::model).list().forEach(sink);
	}

	private static final String MODEL_SELECT = """
			SELECT m.id, m.version, m.name, m.status, m.based_on_id, m.note, m.created_by, m.created_at,
			       m.effective_from, m.effective_to, m.activated_by, m.moved_accounts,
			       (SELECT COUNT(*) FROM territories_territory t WHERE t.model_id = m.id), m.scheduled_for, m.scheduled_by
			FROM territories_model m""";

	private String where(CurrentUser user, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ").append(modelScope(user, params));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(m.name) LIKE :q OR LOWER(m.note) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%");
		}
		if (filter.status() != null) {
			where.append(" AND m.status = :status");
			params.put("status", filter.status().name());
		}
		return where.toString();
	}

	/**
	 * The models the reader sees, in SQL (alias {@code m}): directors, admins and viewers every model; a manager the
	 * models with at least one territory assigned within the units they manage, and the drafts they created
	 * themselves (still empty, or holding only what they added); nobody else any.
	 */
	private String modelScope(CurrentUser user, Map<String, Object> params) {
		if (companyWide(user) || user.has(Role.VIEWER)) {
			return "TRUE";
		}
		if (!user.has(Role.MANAGER)) {
			return "1 = 0";
		}
		params.put("scopeCreator", user.username());
		return "(m.created_by = :scopeCreator OR EXISTS (SELECT 1 FROM territories_territory st WHERE st.model_id = m.id"
				+ " AND " + territoryScope(user, "st", params) + "))";
	}

	/**
	 * The territories (alias {@code alias}) assigned within the reader's scope, in SQL: every one for directors,
	 * admins and viewers; those assigned to a unit a manager manages (subtree expanded) for a manager.
	 */
	private String territoryScope(CurrentUser user, String alias, Map<String, Object> params) {
		if (companyWide(user) || user.has(Role.VIEWER)) {
			return "TRUE";
		}
		if (!user.has(Role.MANAGER)) {
			return "1 = 0";
		}
		return scopes.of(user).sql(new DataScope.Columns(List.of(alias + ".assignee_unit_id"), List.of(), List.of()),
				params);
	}

	private static ModelView model(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ModelView(rs.getLong(1), rs.getLong(2), rs.getString(3), ModelStatus.valueOf(rs.getString(4)),
				(Long) rs.getObject(5, Long.class), rs.getString(6), rs.getString(7),
				rs.getObject(8, java.time.OffsetDateTime.class).toInstant(), rs.getObject(9, LocalDate.class),
				rs.getObject(10, LocalDate.class), rs.getString(11), (Integer) rs.getObject(12, Integer.class),
				rs.getLong(13), rs.getObject(14, LocalDate.class), rs.getString(15));
	}

	/** A model the reader sees (see {@link #modelScope}); any other is 404. */
	@Transactional(readOnly = true)
	public ModelView get(CurrentUser user, long modelId) {
		if (!mayReadModels(user)) {
			throw new NotFoundException("territoryModel", modelId);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("id", modelId);
		return jdbc.sql(MODEL_SELECT + " WHERE m.id = :id AND " + modelScope(user, params)).params(params)
			.query(TerritoryModels::model)
			.optional()
			.orElseThrow(() -> new NotFoundException("territoryModel", modelId));
	}

	/** The active model, if there is one and the reader sees it. */
	@Transactional(readOnly = true)
	public java.util.Optional<ModelView> active(CurrentUser user) {
		return models.findByStatus(ModelStatus.ACTIVE).stream().findFirst().flatMap(m -> {
			try {
				return java.util.Optional.of(get(user, m.id()));
			}
			catch (NotFoundException outOfScope) {
				return java.util.Optional.empty();
			}
		});
	}

	/**
	 * The model's territories the reader sees (directors, admins and viewers all; a manager those assigned within
	 * their subtree and the ancestors of those, so the tree reads), with rules and named accounts, by rank.
	 */
	@Transactional(readOnly = true)
	public List<TerritoryView> territories(CurrentUser user, long modelId) {
		ModelView model = get(user, modelId);
		return views(user, scopes.of(user), model, visible(user, modelId, null));
	}

	@Transactional(readOnly = true)
	public TerritoryView territory(CurrentUser user, long modelId, long territoryId) {
		ModelView model = get(user, modelId);
		List<Territory> found = visible(user, modelId, territoryId);
		if (found.isEmpty()) {
			throw new NotFoundException("territory", territoryId);
		}
		return views(user, scopes.of(user), model, found).get(0);
	}

	/**
	 * The model's territories in the reader's scope, chosen in SQL: those assigned within it and, so the tree reads,
	 * their ancestors (a recursive query); {@code only} narrows it to one territory.
	 */
	private List<Territory> visible(CurrentUser user, long modelId, @Nullable Long only) {
		Map<String, Object> params = new HashMap<>();
		params.put("m", modelId);
		String sql = """
				WITH RECURSIVE vis (id, parent_id) AS (
				  SELECT t.id, t.parent_id FROM territories_territory t WHERE t.model_id = :m AND %s
				  UNION ALL
				  SELECT p.id, p.parent_id FROM territories_territory p JOIN vis v ON p.id = v.parent_id
				)
				SELECT DISTINCT id FROM vis""".formatted(territoryScope(user, "t", params));
		if (only != null) {
			sql += " WHERE id = :only";
			params.put("only", only);
		}
		List<Long> ids = jdbc.sql(sql).params(params).query(Long.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		return territories.findAllById(ids).stream()
			.sorted(java.util.Comparator.comparingInt(Territory::rank).thenComparingLong(Territory::id))
			.toList();
	}

	private List<TerritoryView> views(CurrentUser user, DataScope scope, ModelView model, List<Territory> shown) {
		if (shown.isEmpty()) {
			return List.of();
		}
		List<Long> ids = shown.stream().map(Territory::id).toList();
		Set<Long> parents = new HashSet<>(jdbc.sql(
				"SELECT DISTINCT parent_id FROM territories_territory WHERE parent_id IN (:ids)")
			.param("ids", ids).query(Long.class).list());
		Map<Long, List<TerritoryView.Rule>> rules = new HashMap<>();
		jdbc.sql("SELECT id, territory_id, field, value_from, value_to FROM territories_rule WHERE territory_id IN (:ids)"
				+ " ORDER BY field, value_from, id")
			.param("ids", ids)
			.query(rs -> {
				rules.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new TerritoryView.Rule(rs.getLong(1),
						RuleField.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
			});
		Map<Long, List<long[]>> namedIds = new HashMap<>();
		Map<Long, NamedMode> modes = new HashMap<>();
		List<Long> customerIds = new ArrayList<>();
		List<TerritoryView.Named> flat = new ArrayList<>();
		Map<Long, List<Object[]>> named = new HashMap<>();
		jdbc.sql("SELECT territory_id, customer_id, mode FROM territories_named_account WHERE territory_id IN (:ids)"
				+ " ORDER BY mode, customer_id")
			.param("ids", ids)
			.query(rs -> {
				named.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Object[] { rs.getLong(2), NamedMode.valueOf(rs.getString(3)) });
				customerIds.add(rs.getLong(2));
			});
		Map<Long, String> names = customers.names(customerIds);
		Set<Long> staff = new HashSet<>();
		Set<Long> units = new HashSet<>();
		shown.forEach(t -> {
			if (t.assigneeStaffId() != null) {
				staff.add(t.assigneeStaffId());
			}
			units.add(t.assigneeUnitId());
		});
		Map<Long, String> staffNames = org.staffNames(staff);
		Map<Long, String> unitNames = org.unitNames(units);
		boolean draft = model.status() == ModelStatus.DRAFT;
		List<TerritoryView> views = new ArrayList<>();
		for (Territory t : shown) {
			List<TerritoryView.Named> list = named.getOrDefault(t.id(), List.of()).stream()
				.map(o -> new TerritoryView.Named((Long) o[0], names.get((Long) o[0]), (NamedMode) o[1]))
				.toList();
			views.add(new TerritoryView(t.id(), t.version(), t.modelId(), t.parentId(), t.code(), t.name(),
					t.assigneeStaffId(), t.assigneeStaffId() == null ? null : staffNames.get(t.assigneeStaffId()),
					t.assigneeUnitId(), unitNames.get(t.assigneeUnitId()), t.rank(), !parents.contains(t.id()),
					rules.getOrDefault(t.id(), List.of()), list,
					draft && mayEdit(user, scope, t.assigneeUnitId())));
		}
		return views;
	}

	private static void requireReader(CurrentUser user) {
		if (!mayReadModels(user)) {
			throw new AccessRefusedException("territories");
		}
	}

	// ---- models

	/** A new draft: empty, or a copy of {@code basedOnId} (territories, rules and named accounts). */
	@Transactional
	public ModelView create(CurrentUser user, @Nullable String name, @Nullable String note, @Nullable Long basedOnId) {
		if (!mayCreate(user)) {
			throw new AccessRefusedException("territories");
		}
		if (name == null || name.isBlank()) {
			throw ValidationFailedException.of("name", "territories.model.name.required");
		}
		if (basedOnId != null) {
			get(user, basedOnId);
		}
		TerritoryModel model = models.saveAndFlush(new TerritoryModel(name.trim(), blank(note), basedOnId,
				user.username(), clock.instant()));
		if (basedOnId != null) {
			copyTerritories(basedOnId, model.id());
		}
		audit.record("TERRITORY_MODEL", model.id(), "CREATE", null, model.auditState(), model.name());
		return get(user, model.id());
	}

	/** Copies a model's territories (parents first), rules and named accounts into another model. */
	void copyTerritories(long fromModel, long toModel) {
		List<Territory> source = territories.findByModelIdOrderByRankAscIdAsc(fromModel);
		Map<Long, Long> ids = new HashMap<>();
		List<Territory> pending = new ArrayList<>(source);
		while (!pending.isEmpty()) {
			int before = pending.size();
			for (var it = pending.iterator(); it.hasNext();) {
				Territory t = it.next();
				if (t.parentId() == null || ids.containsKey(t.parentId())) {
					Long parent = t.parentId() == null ? null : ids.get(t.parentId());
					Territory copy = new Territory(toModel, parent, t.code(), t.name());
					copy.describe(parent, t.code(), t.name(), t.rank());
					copy.assign(t.assigneeStaffId(), t.assigneeUnitId());
					ids.put(t.id(), territories.saveAndFlush(copy).id());
					it.remove();
				}
			}
			if (pending.size() == before) {
				break;
			}
		}
		ids.forEach((from, to) -> {
			jdbc.sql("INSERT INTO territories_rule (territory_id, field, value_from, value_to) SELECT :to, field, "
					+ "value_from, value_to FROM territories_rule WHERE territory_id = :from ORDER BY id")
				.param("to", to).param("from", from).update();
			jdbc.sql("INSERT INTO territories_named_account (territory_id, customer_id, mode) SELECT :to, customer_id, "
					+ "mode FROM territories_named_account WHERE territory_id = :from")
				.param("to", to).param("from", from).update();
		});
	}

	@Transactional
	public ModelView describe(CurrentUser user, long modelId, long version, @Nullable String name,
			@Nullable String note) {
		TerritoryModel model = draft(user, modelId, version);
		if (!companyWide(user) && !user.username().equals(get(user, modelId).createdBy())) {
			throw new AccessRefusedException("territories");
		}
		if (name == null || name.isBlank()) {
			throw ValidationFailedException.of("name", "territories.model.name.required");
		}
		var before = model.auditState();
		model.describe(name.trim(), blank(note));
		save(user, model, version);
		audit.record("TERRITORY_MODEL", modelId, "UPDATE", before, model.auditState(), model.name());
		return get(user, modelId);
	}

	/**
	 * Activates a draft from {@code effectiveDate}, which must be today (the injected clock's): the active model
	 * becomes history that day and account ownership follows the draft at once (see {@link Realignment}). A past date
	 * would rewrite ownership history that already happened and a future one would change owners before their date,
	 * so both are refused (400 on {@code effectiveDate}). Directors and administrators only.
	 */
	@Transactional
	public ModelView activate(CurrentUser user, long modelId, long version, @Nullable LocalDate effectiveDate) {
		get(user, modelId);
		if (!mayActivate(user)) {
			throw new AccessRefusedException("territories");
		}
		if (effectiveDate == null) {
			throw ValidationFailedException.of("effectiveDate", "territories.model.effectiveDate.required");
		}
		requireToday(effectiveDate, clock);
		TerritoryModel model = draft(user, modelId, version);
		realignment.activate(user, model, effectiveDate);
		return get(user, modelId);
	}

	/** Activation takes effect today: an earlier or a later date is refused on {@code effectiveDate}. */
	static void requireToday(LocalDate effectiveDate, Clock clock) {
		LocalDate today = LocalDate.now(clock);
		if (effectiveDate.isBefore(today)) {
			throw ValidationFailedException.of("effectiveDate", "territories.model.effectiveDate.past", today);
		}
		if (effectiveDate.isAfter(today)) {
			throw ValidationFailedException.of("effectiveDate", "territories.model.effectiveDate.future", today);
		}
	}

	private TerritoryModel draft(CurrentUser user, long modelId, long version) {
		get(user, modelId);
		TerritoryModel model = models.findById(modelId).orElseThrow(() -> new NotFoundException("territoryModel",
				modelId));
		if (model.version() != version) {
			throw new StaleVersionException(version, get(user, modelId));
		}
		model.requireDraft();
		return model;
	}

	private void save(CurrentUser user, TerritoryModel model, long version) {
		StaleVersionException.guard(version, () -> models.saveAndFlush(model), () -> get(user, model.id()));
	}

	// ---- territories

	@Transactional
	public TerritoryView addTerritory(CurrentUser user, long modelId, TerritoryDetails details) {
		ModelView model = get(user, modelId);
		if (model.status() != ModelStatus.DRAFT) {
			throw new ConflictException("territories.model.notDraft");
		}
		if (!mayCreate(user)) {
			throw new AccessRefusedException("territories");
		}
		Territory territory = new Territory(modelId, null, "", "");
		apply(user, territory, details);
		territories.saveAndFlush(territory);
		audit.record("TERRITORY", territory.id(), "CREATE", null, territory.auditState(), territory.name());
		return territory(user, modelId, territory.id());
	}

	@Transactional
	public TerritoryView updateTerritory(CurrentUser user, long modelId, long territoryId, long version,
			TerritoryDetails details) {
		Territory territory = editable(user, modelId, territoryId, version);
		var before = territory.auditState();
		apply(user, territory, details);
		StaleVersionException.guard(version, () -> territories.saveAndFlush(territory),
				() -> territory(user, modelId, territoryId));
		audit.record("TERRITORY", territoryId, "UPDATE", before, territory.auditState(), territory.name());
		return territory(user, modelId, territoryId);
	}

	/** Adds a rule; POSTAL_CODE takes a range {@code from..to}, the other fields one value. */
	@Transactional
	public TerritoryView addRule(CurrentUser user, long modelId, long territoryId, long version,
			@Nullable RuleField field, @Nullable String from, @Nullable String to) {
		Territory territory = editable(user, modelId, territoryId, version);
		String[] value = ruleValue(field, from, to);
		jdbc.sql("INSERT INTO territories_rule (territory_id, field, value_from, value_to) VALUES (:t, :f, :a, :b)")
			.param("t", territoryId).param("f", field.name()).param("a", value[0]).param("b", value[1]).update();
		touched(user, modelId, territory, version, "ADD_RULE",
				Map.of("field", field.name(), "from", value[0], "to", String.valueOf(value[1])));
		return territory(user, modelId, territoryId);
	}

	@Transactional
	public TerritoryView removeRule(CurrentUser user, long modelId, long territoryId, long version, long ruleId) {
		Territory territory = editable(user, modelId, territoryId, version);
		int removed = jdbc.sql("DELETE FROM territories_rule WHERE id = :id AND territory_id = :t").param("id", ruleId)
			.param("t", territoryId).update();
		if (removed == 0) {
			throw new NotFoundException("territoryRule", ruleId);
		}
		touched(user, modelId, territory, version, "REMOVE_RULE", Map.of("ruleId", ruleId));
		return territory(user, modelId, territoryId);
	}

	/** Names an account for the territory (INCLUDE or EXCLUDE), replacing how the territory named it before. */
	@Transactional
	public TerritoryView nameAccount(CurrentUser user, long modelId, long territoryId, long version,
			@Nullable Long customerId, @Nullable NamedMode mode) {
		Territory territory = editable(user, modelId, territoryId, version);
		if (customerId == null || customers.find(customerId).filter(c -> !c.archived()).isEmpty()) {
			throw ValidationFailedException.of("customerId", "territories.named.customer.unknown");
		}
		if (mode == null) {
			throw ValidationFailedException.of("mode", "territories.named.mode.required");
		}
		jdbc.sql("DELETE FROM territories_named_account WHERE territory_id = :t AND customer_id = :c")
			.param("t", territoryId).param("c", customerId).update();
		jdbc.sql("INSERT INTO territories_named_account (territory_id, customer_id, mode) VALUES (:t, :c, :m)")
			.param("t", territoryId).param("c", customerId).param("m", mode.name()).update();
		touched(user, modelId, territory, version, "NAME_ACCOUNT", Map.of("customerId", customerId, "mode",
				mode.name()));
		return territory(user, modelId, territoryId);
	}

	@Transactional
	public TerritoryView unnameAccount(CurrentUser user, long modelId, long territoryId, long version,
			long customerId) {
		Territory territory = editable(user, modelId, territoryId, version);
		int removed = jdbc.sql("DELETE FROM territories_named_account WHERE territory_id = :t AND customer_id = :c")
			.param("t", territoryId).param("c", customerId).update();
		if (removed == 0) {
			throw new NotFoundException("territoryAccount", customerId);
		}
		touched(user, modelId, territory, version, "UNNAME_ACCOUNT", Map.of("customerId", customerId));
		return territory(user, modelId, territoryId);
	}

	/** Rules and named accounts belong to the territory: their change raises its version, checked first. */
	private void touched(CurrentUser user, long modelId, Territory territory, long version, String action,
			Map<String, Object> change) {
		StaleVersionException.guard(version, () -> {
			entities.lock(territory, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
			entities.flush();
			return territory;
		}, () -> territory(user, modelId, territory.id()));
		audit.record("TERRITORY", territory.id(), action, null, change, territory.name());
	}

	private Territory editable(CurrentUser user, long modelId, long territoryId, long version) {
		TerritoryView view = territory(user, modelId, territoryId);
		if (get(user, modelId).status() != ModelStatus.DRAFT) {
			throw new ConflictException("territories.model.notDraft");
		}
		if (!view.editable()) {
			throw new AccessRefusedException("territories");
		}
		if (view.version() != version) {
			throw new StaleVersionException(version, view);
		}
		return territories.findById(territoryId).orElseThrow(() -> new NotFoundException("territory", territoryId));
	}

	private void apply(CurrentUser user, Territory territory, TerritoryDetails d) {
		List<FieldError> errors = new ArrayList<>();
		DataScope scope = scopes.of(user);
		String code = blank(d.code());
		String name = blank(d.name());
		if (code == null) {
			errors.add(new FieldError("code", "territories.territory.code.required"));
		}
		else if (!code.matches("[A-Za-z0-9_.-]{1,32}")) {
			errors.add(new FieldError("code", "territories.territory.code.invalid"));
		}
		else if (jdbc.sql("SELECT COUNT(*) FROM territories_territory WHERE model_id = :m AND code = :c AND id <> :id")
			.param("m", territory.modelId()).param("c", code).param("id", idOf(territory))
			.query(Long.class).single() > 0) {
			errors.add(new FieldError("code", "territories.territory.code.taken", code));
		}
		if (name == null) {
			errors.add(new FieldError("name", "territories.territory.name.required"));
		}
		if (d.parentId() != null && territories.findById(d.parentId()).filter(p -> p.modelId() == territory.modelId())
			.isEmpty()) {
			errors.add(new FieldError("parentId", "territories.territory.parent.unknown"));
		}
		Long unit = d.assigneeUnitId();
		Long staff = d.assigneeStaffId();
		if (staff != null) {
			var person = org.staff(staff);
			if (person.isEmpty() || !person.get().active()) {
				errors.add(new FieldError("assigneeStaffId", "territories.territory.assignee.unknown"));
			}
			else {
				unit = person.get().unitId();
			}
		}
		if (unit == null) {
			errors.add(new FieldError("assigneeUnitId", "territories.territory.assignee.required"));
		}
		else if (!org.isActiveUnit(unit)) {
			errors.add(new FieldError("assigneeUnitId", "territories.territory.assignee.unknown"));
		}
		else if (!mayEdit(user, scope, unit)) {
			errors.add(new FieldError(staff != null ? "assigneeStaffId" : "assigneeUnitId",
					"territories.territory.assignee.outOfScope"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		territory.describe(d.parentId(), code, name, d.rank() == null ? 0 : d.rank());
		territory.assign(staff, unit);
	}

	private static long idOf(Territory territory) {
		try {
			return territory.id();
		}
		catch (IllegalStateException unsaved) {
			return -1L;
		}
	}

	/**
	 * The stored form of a rule: text folded to lower case, enumerations checked, postal codes as a range of two
	 * upper-case codes (letters and digits) of one length, compared with account codes of that length only.
	 */
	static String[] ruleValue(@Nullable RuleField field, @Nullable String from, @Nullable String to) {
		if (field == null) {
			throw ValidationFailedException.of("field", "territories.rule.field.required");
		}
		String a = blank(from);
		String b = blank(to);
		if (a == null) {
			throw ValidationFailedException.of("valueFrom", "territories.rule.value.required");
		}
		try {
			return switch (field) {
				case REGION, CITY, INDUSTRY -> new String[] { a.toLowerCase(Locale.ROOT), null };
				case COMPANY_SIZE -> new String[] { CompanySize.valueOf(a.toUpperCase(Locale.ROOT)).name(), null };
				case POTENTIAL_CLASS -> new String[] { PotentialClass.valueOf(a.toUpperCase(Locale.ROOT)).name(), null };
				case SEGMENT -> new String[] { Segment.valueOf(a.toUpperCase(Locale.ROOT)).name(), null };
				case UNIT -> new String[] { Long.toString(Long.parseLong(a)), null };
				case POSTAL_CODE -> {
					String start = a.toUpperCase(Locale.ROOT);
					String end = b == null ? start : b.toUpperCase(Locale.ROOT);
					if (!start.matches("[0-9A-Z]{1,16}")) {
						throw ValidationFailedException.of("valueFrom", "territories.rule.postalCode.invalid", a);
					}
					if (!end.matches("[0-9A-Z]{1,16}") || end.length() != start.length()) {
						throw ValidationFailedException.of("valueTo", "territories.rule.postalCode.length",
								start.length());
					}
					if (end.compareTo(start) < 0) {
						throw ValidationFailedException.of("valueTo", "territories.rule.range.invalid");
					}
					yield new String[] { start, end };
				}
			};
		}
		catch (IllegalArgumentException bad) {
			throw ValidationFailedException.of("valueFrom", "territories.rule.value.invalid", a);
		}
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	static CustomerManagement.Reassignment reassignment(long customer, @Nullable Long owner, long unit) {
		return new CustomerManagement.Reassignment(CustomerId.of(customer), owner == null ? null : StaffId.of(owner),
				UnitId.of(unit));
	}
}
