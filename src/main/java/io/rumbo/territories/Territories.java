package io.rumbo.territories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.territories.TerritoryModels.TerritoryDetails;
import io.rumbo.territories.domain.Territory;
import io.rumbo.territories.domain.TerritoryRepository;

/**
 * The territory aggregate of a model: a territory with its rules and the accounts it names, read in the reader's scope
 * and edited while the model is a draft (decision 0037). Directors and administrators edit every territory; a manager
 * those assigned within their units. Rules and named accounts belong to their territory: changing them raises its
 * version. {@link TerritoryModels} keeps the models and delegates its territory methods here.
 */
@Service
public class Territories {

	private final TerritoryModels models;
	private final TerritoryRepository territories;
	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final CustomerDirectory customers;
	private final AuditTrail audit;
	private final jakarta.persistence.EntityManager entities;

	Territories(TerritoryModels models, TerritoryRepository territories, JdbcClient jdbc, DataScopes scopes,
			OrgDirectory org, CustomerDirectory customers, AuditTrail audit, jakarta.persistence.EntityManager entities) {
		this.models = models;
		this.territories = territories;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.customers = customers;
		this.audit = audit;
		this.entities = entities;
	}

	/**
	 * The model's territories the reader sees (directors, admins and viewers all; a manager those assigned within
	 * their subtree and the ancestors of those, so the tree reads), with rules and named accounts, by rank.
	 */
	@Transactional(readOnly = true)
	public List<TerritoryView> territories(CurrentUser user, long modelId) {
		ModelView model = models.get(user, modelId);
		return views(user, scopes.of(user), model, visible(user, modelId, null));
	}

	@Transactional(readOnly = true)
	public TerritoryView territory(CurrentUser user, long modelId, long territoryId) {
		ModelView model = models.get(user, modelId);
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
				SELECT DISTINCT id FROM vis""".formatted(models.territoryScope(user, "t", params));
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
					draft && TerritoryModels.mayEdit(user, scope, t.assigneeUnitId())));
		}
		return views;
	}



	@Transactional
	public TerritoryView addTerritory(CurrentUser user, long modelId, TerritoryDetails details) {
		ModelView model = models.get(user, modelId);
		if (model.status() != ModelStatus.DRAFT) {
			throw new ConflictException("territories.model.notDraft");
		}
		if (!TerritoryModels.mayCreate(user)) {
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
		if (models.get(user, modelId).status() != ModelStatus.DRAFT) {
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
		String code = TerritoryModels.blank(d.code());
		String name = TerritoryModels.blank(d.name());
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
		else if (!TerritoryModels.mayEdit(user, scope, unit)) {
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
		String a = TerritoryModels.blank(from);
		String b = TerritoryModels.blank(to);
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

}
