package io.rumbo.territories;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerId;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.Formats;
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
 * territories assigned to them ({@link AccountTerritories#mine}). Every change is audited; territories and models
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
	private final AuditTrail audit;
	private final Clock clock;
	private final Realignment realignment;
	private final Territories territoryAggregate;

	TerritoryModels(TerritoryModelRepository models, TerritoryRepository territories, JdbcClient jdbc,
			DataScopes scopes, AuditTrail audit, Clock clock,
			Realignment realignment,
			@org.springframework.context.annotation.Lazy Territories territoryAggregate) {
		this.territoryAggregate = territoryAggregate;
		this.models = models;
		this.territories = territories;
		this.jdbc = jdbc;
		this.scopes = scopes;
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

	static boolean companyWide(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	static boolean mayEdit(CurrentUser user, DataScope scope, long assigneeUnitId) {
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
	String territoryScope(CurrentUser user, String alias, Map<String, Object> params) {
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
	 * so both are refused (400 on {@code effectiveDate}). Directors and administrators only. While another model is
	 * scheduled the activation is refused (409 naming it and its date): the job would replace this model on that date,
	 * so the director takes the scheduled one back to a draft first (decision 0041).
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
		models.findByStatus(ModelStatus.SCHEDULED).stream().findFirst().ifPresent(scheduled -> {
			throw new ConflictException("territories.model.activate.scheduled", scheduled.name(),
					readerDate(scheduled.scheduledFor()));
		});
		realignment.activate(user, model, effectiveDate);
		return get(user, modelId);
	}

	/** Activation takes effect today: an earlier or a later date is refused on {@code effectiveDate}. */
	static void requireToday(LocalDate effectiveDate, Clock clock) {
		LocalDate today = LocalDate.now(clock);
		if (effectiveDate.isBefore(today)) {
			throw ValidationFailedException.of("effectiveDate", "territories.model.effectiveDate.past",
					readerDate(today));
		}
		if (effectiveDate.isAfter(today)) {
			throw ValidationFailedException.of("effectiveDate", "territories.model.effectiveDate.future",
					readerDate(today));
		}
	}

	/** A date for a message to the person asking, in their language ("30 abr 2031", "Apr 30, 2031"). */
	static String readerDate(@Nullable LocalDate date) {
		return Formats.date(date, LocaleContextHolder.getLocale());
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

	// ---- territories (the aggregate's reads and writes are in Territories; these keep the facade's API)

	/** See {@link Territories#territories}. */
	public List<TerritoryView> territories(CurrentUser user, long modelId) {
		return territoryAggregate.territories(user, modelId);
	}

	/** See {@link Territories#territory}. */
	public TerritoryView territory(CurrentUser user, long modelId, long territoryId) {
		return territoryAggregate.territory(user, modelId, territoryId);
	}

	/** See {@link Territories#addTerritory}. */
	public TerritoryView addTerritory(CurrentUser user, long modelId, TerritoryDetails details) {
		return territoryAggregate.addTerritory(user, modelId, details);
	}

	/** See {@link Territories#updateTerritory}. */
	public TerritoryView updateTerritory(CurrentUser user, long modelId, long territoryId, long version,
			TerritoryDetails details) {
		return territoryAggregate.updateTerritory(user, modelId, territoryId, version, details);
	}

	/** See {@link Territories#addRule}. */
	public TerritoryView addRule(CurrentUser user, long modelId, long territoryId, long version,
			@Nullable RuleField field, @Nullable String from, @Nullable String to) {
		return territoryAggregate.addRule(user, modelId, territoryId, version, field, from, to);
	}

	/** See {@link Territories#removeRule}. */
	public TerritoryView removeRule(CurrentUser user, long modelId, long territoryId, long version, long ruleId) {
		return territoryAggregate.removeRule(user, modelId, territoryId, version, ruleId);
	}

	/** See {@link Territories#nameAccount}. */
	public TerritoryView nameAccount(CurrentUser user, long modelId, long territoryId, long version,
			@Nullable Long customerId, @Nullable NamedMode mode) {
		return territoryAggregate.nameAccount(user, modelId, territoryId, version, customerId, mode);
	}

	/** See {@link Territories#unnameAccount}. */
	public TerritoryView unnameAccount(CurrentUser user, long modelId, long territoryId, long version,
			long customerId) {
		return territoryAggregate.unnameAccount(user, modelId, territoryId, version, customerId);
	}

	static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	static CustomerManagement.Reassignment reassignment(long customer, @Nullable Long owner, long unit) {
		return new CustomerManagement.Reassignment(CustomerId.of(customer), owner == null ? null : StaffId.of(owner),
				UnitId.of(unit));
	}
}
