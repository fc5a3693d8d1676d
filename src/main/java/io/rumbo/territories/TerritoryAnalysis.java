package io.rumbo.territories;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.territories.domain.Alignment;

/**
 * What a model does and how even it is: the preview of a draft (every account from whom to whom, with what moves),
 * the balance of a model's leaf territories with an index against their average, a suggestion that evens out one
 * index between sibling territories as a new draft, the territories assigned to the reader, the territory of an
 * account on a date (what an order takes on its order date), the accounts frozen against realignment and the call
 * norms that turn account classes into workload.
 */
@Service
public class TerritoryAnalysis {

	/** A model's preview: the rows in the reader's scope and the sums of those that move. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesPreviewResult")
	public record Preview(ModelView model, List<AccountMove> accounts, Realignment.Summary summary,
			LocalDate lastYearFrom, LocalDate lastYearTo) {
	}

	/** Visits a year and minutes a visit for a potential class. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesCallNorm")
	public record CallNorm(String potentialClass, int callsPerYear, int callMinutes, long version) {
	}

	/** An account kept out of every realignment. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesFrozenAccount")
	public record FrozenAccount(long customerId, @Nullable String legalName, @Nullable String reason, String markedBy,
			LocalDate markedOn, @Nullable String potentialClass, @Nullable Long unitId, @Nullable String unitName,
			@Nullable Long ownerStaffId, @Nullable String ownerName) {

		/** A frozen account without its class, unit and owner (the constructor before the list was paged in SQL). */
		public FrozenAccount(long customerId, @Nullable String legalName, @Nullable String reason, String markedBy,
				LocalDate markedOn) {
			this(customerId, legalName, reason, markedBy, markedOn, null, null, null, null, null);
		}
	}

	/** An account's territory period (what an order of that date takes). */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesAccountTerritory")
	public record AccountTerritory(long customerId, long territoryId, String territoryCode, String territoryName,
			long modelId, @Nullable Long ownerStaffId, long unitId, LocalDate validFrom, @Nullable LocalDate validTo) {
	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	/** The suggestion stops after this many moves (a person reviews the draft anyway). */
	static final int MAX_MOVES = 200;

	private final TerritoryModels models;
	private final Realignment realignment;
	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final CustomerDirectory customers;
	private final AuditTrail audit;
	private final Clock clock;
	private final FrozenAccounts frozen;
	private final io.rumbo.organization.OrgDirectory org;

	TerritoryAnalysis(TerritoryModels models, Realignment realignment, JdbcClient jdbc, DataScopes scopes,
			CustomerDirectory customers, AuditTrail audit, Clock clock, io.rumbo.organization.OrgDirectory org,
			FrozenAccounts frozen) {
		this.frozen = frozen;
		this.org = org;
		this.models = models;
		this.realignment = realignment;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.customers = customers;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- preview

	/**
	 * Where the model puts every account the reader sees (from or to a unit they manage; everything for directors,
	 * admins and viewers), from the same rows activation writes. {@code movesOnly} keeps the accounts that change
	 * owner or unit.
	 */
	@Transactional
	public Preview preview(CurrentUser user, long modelId, @Nullable LocalDate on, boolean movesOnly) {
		ModelView model = models.get(user, modelId);
		// A scheduled model is previewed as of its date unless another date is asked for (decision 0041).
		LocalDate date = on != null ? on
				: model.status() == ModelStatus.SCHEDULED && model.scheduledFor() != null ? model.scheduledFor()
						: LocalDate.now(clock);
		Map<String, Object> params = new HashMap<>();
		List<Alignment.Row> rows = realignment.align(modelId, date, previewScope(user, params), params);
		if (movesOnly) {
			rows = rows.stream().filter(Alignment.Row::moves).toList();
		}
		var year = realignment.lastYear(date);
		return new Preview(model, realignment.describe(rows), Realignment.summary(rows), year.start(),
				year.lastDay());
	}

	/**
	 * The preview rows the reader sees, as an SQL condition: every row for directors, admins and viewers; for a
	 * manager the accounts coming from or going to a unit they manage (subtree expanded).
	 */
	private String previewScope(CurrentUser user, Map<String, Object> params) {
		if (user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.VIEWER)) {
			return "TRUE";
		}
		if (!user.has(Role.MANAGER)) {
			return "1 = 0";
		}
		return scopes.of(user).sql(new DataScope.Columns(List.of(Alignment.FROM_UNIT, Alignment.TO_UNIT), List.of(),
				List.of()), params);
	}

	// ---- balance

	/**
	 * The load of each leaf territory of the model the reader sees, and {@code index} of each against the average of
	 * all the model's leaves (100 = average; 0 when the average is 0).
	 */
	@Transactional
	public List<BalanceRow> balance(CurrentUser user, long modelId, BalanceIndex index, @Nullable LocalDate on) {
		List<TerritoryView> visible = models.territories(user, modelId);
		List<Alignment.Row> rows = realignment.align(modelId, on == null ? LocalDate.now(clock) : on);
		List<TerritoryView> leaves = leaves(modelId);
		List<BalanceRow> all = balance(leaves, rows, index);
		Set<Long> shown = new java.util.HashSet<>();
		visible.forEach(t -> shown.add(t.id()));
		return all.stream().filter(b -> shown.contains(b.territoryId())).toList();
	}

	/** Every leaf of the model, whatever the reader's scope (the average is the model's). */
	private List<TerritoryView> leaves(long modelId) {
		List<TerritoryView> leaves = jdbc.sql("""
				SELECT t.id, t.code, t.name, t.parent_id, t.assignee_staff_id, t.assignee_unit_id, t.rank_no, t.version
				FROM territories_territory t WHERE t.model_id = :m
				AND NOT EXISTS (SELECT 1 FROM territories_territory c WHERE c.parent_id = t.id)
				ORDER BY t.rank_no, t.id""")
			.param("m", modelId)
			.query((rs, n) -> new TerritoryView(rs.getLong(1), rs.getLong(8), modelId,
					(Long) rs.getObject(4, Long.class), rs.getString(2), rs.getString(3),
					(Long) rs.getObject(5, Long.class), null, rs.getLong(6), null, rs.getInt(7), true, List.of(),
					List.of(), false))
			.list();
		Map<Long, String> names = org.staffNames(leaves.stream().map(TerritoryView::assigneeStaffId)
			.filter(java.util.Objects::nonNull).toList());
		return leaves.stream().map(t -> new TerritoryView(t.id(), t.version(), t.modelId(), t.parentId(), t.code(),
				t.name(), t.assigneeStaffId(), t.assigneeStaffId() == null ? null : names.get(t.assigneeStaffId()),
				t.assigneeUnitId(), null, t.rank(), true, List.of(), List.of(), false)).toList();
	}

	/** The balance figures of the leaves from the alignment rows: the worked example in docs/territories.md. */
	static List<BalanceRow> balance(List<TerritoryView> leaves, List<Alignment.Row> rows, BalanceIndex index) {
		record Sum(long[] counts, BigDecimal[] money) {
		}
		Map<Long, Sum> sums = new LinkedHashMap<>();
		leaves.forEach(l -> sums.put(l.id(), new Sum(new long[4], new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, BigDecimal.ZERO })));
		for (Alignment.Row r : rows) {
			Sum s = r.toTerritoryId() == null ? null : sums.get(r.toTerritoryId());
			if (s == null) {
				continue;
			}
			s.counts()[0]++;
			s.counts()[switch (r.potentialClass()) {
				case "A" -> 1;
				case "B" -> 2;
				default -> 3;
			}]++;
			s.money()[0] = s.money()[0].add(r.potential());
			s.money()[1] = s.money()[1].add(r.workloadHours());
			s.money()[2] = s.money()[2].add(r.lastYearNet());
			s.money()[3] = s.money()[3].add(r.lastYearMargin());
		}
		Function<Sum, BigDecimal> figure = s -> switch (index) {
			case ACCOUNTS -> BigDecimal.valueOf(s.counts()[0]);
			case POTENTIAL -> s.money()[0];
			case WORKLOAD -> s.money()[1];
			case SALES -> s.money()[2];
			case MARGIN -> s.money()[3];
		};
		BigDecimal total = sums.values().stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal average = sums.isEmpty() ? BigDecimal.ZERO
				: total.divide(BigDecimal.valueOf(sums.size()), 10, RoundingMode.HALF_UP);
		List<BalanceRow> result = new ArrayList<>();
		for (TerritoryView l : leaves) {
			Sum s = sums.get(l.id());
			BigDecimal idx = average.signum() == 0 ? BigDecimal.ZERO
					: figure.apply(s).multiply(HUNDRED).divide(average, 1, RoundingMode.HALF_UP);
			result.add(new BalanceRow(l.id(), l.code(), l.name(), l.parentId(), l.assigneeName(), s.counts()[0],
					s.counts()[1], s.counts()[2], s.counts()[3], s.money()[0], s.money()[1], s.money()[2],
					s.money()[3], idx));
		}
		return result;
	}

	// ---- suggestion

	/**
	 * A new draft copied from the model in which accounts move between sibling leaves (same parent) to even out
	 * {@code index}: repeatedly, the account of the most loaded sibling whose move narrows the gap to the least loaded
	 * one the most goes there (named INCLUDE in its new territory). Frozen accounts and accounts named by hand stay.
	 * Nothing is activated: a person reviews, previews and activates the draft.
	 */
	@Transactional
	public ModelView suggest(CurrentUser user, long modelId, BalanceIndex index, @Nullable String name) {
		ModelView source = models.get(user, modelId);
		if (!TerritoryModels.mayActivate(user)) {
			throw new AccessRefusedException("territories");
		}
		List<Alignment.Row> rows = realignment.align(modelId, LocalDate.now(clock));
		List<TerritoryView> leaves = leaves(modelId);
		Set<Long> named = new java.util.HashSet<>(jdbc.sql("""
				SELECT n.customer_id FROM territories_named_account n JOIN territories_territory t ON t.id = n.territory_id
				WHERE t.model_id = :m""").param("m", modelId).query(Long.class).list());
		Map<Long, Long> moves = plan(leaves, rows, index, named);
		ModelView draft = models.create(user, name == null || name.isBlank() ? source.name() + " *" : name,
				source.note(), modelId);
		Map<String, Long> copied = new HashMap<>();
		jdbc.sql("SELECT code, id FROM territories_territory WHERE model_id = :m").param("m", draft.id())
			.query(rs -> {
				copied.put(rs.getString(1), rs.getLong(2));
			});
		Map<Long, String> codes = new HashMap<>();
		leaves.forEach(l -> codes.put(l.id(), l.code()));
		moves.forEach((customer, territory) -> jdbc.sql("""
				INSERT INTO territories_named_account (territory_id, customer_id, mode) VALUES (:t, :c, 'INCLUDE')""")
			.param("t", copied.get(codes.get(territory)))
			.param("c", customer)
			.update());
		audit.record("TERRITORY_MODEL", draft.id(), "SUGGEST", null,
				Map.of("basedOn", modelId, "index", index.name(), "moves", moves.size()), draft.name());
		return models.get(user, draft.id());
	}

	/** The greedy plan: account id to its new leaf. Worked example in TerritoryBalanceTests. */
	static Map<Long, Long> plan(List<TerritoryView> leaves, List<Alignment.Row> rows, BalanceIndex index,
			Set<Long> fixed) {
		Function<Alignment.Row, BigDecimal> value = r -> switch (index) {
			case ACCOUNTS -> BigDecimal.ONE;
			case POTENTIAL -> r.potential();
			case WORKLOAD -> r.workloadHours();
			case SALES -> r.lastYearNet();
			case MARGIN -> r.lastYearMargin();
		};
		Map<Long, Long> parentOf = new HashMap<>();
		leaves.forEach(l -> parentOf.put(l.id(), l.parentId() == null ? 0L : l.parentId()));
		Map<Long, List<Alignment.Row>> held = new HashMap<>();
		leaves.forEach(l -> held.put(l.id(), new ArrayList<>()));
		for (Alignment.Row r : rows) {
			if (r.toTerritoryId() != null && held.containsKey(r.toTerritoryId())) {
				held.get(r.toTerritoryId()).add(r);
			}
		}
		Map<Long, BigDecimal> load = new HashMap<>();
		held.forEach((t, list) -> load.put(t, list.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add)));
		Map<Long, Long> moves = new LinkedHashMap<>();
		Map<Long, List<Long>> groups = new LinkedHashMap<>();
		leaves.forEach(l -> groups.computeIfAbsent(parentOf.get(l.id()), k -> new ArrayList<>()).add(l.id()));
		for (List<Long> siblings : groups.values()) {
			if (siblings.size() < 2) {
				continue;
			}
			for (int step = 0; step < MAX_MOVES; step++) {
				Comparator<Long> byLoad = Comparator.comparing(load::get);
				long most = siblings.stream().max(byLoad.thenComparing(Comparator.reverseOrder())).orElseThrow();
				long least = siblings.stream().min(byLoad.thenComparing(Comparator.naturalOrder())).orElseThrow();
				BigDecimal gap = load.get(most).subtract(load.get(least));
				Optional<Alignment.Row> best = held.get(most).stream()
					.filter(r -> !r.frozen() && !fixed.contains(r.customerId()))
					.filter(r -> value.apply(r).signum() > 0 && value.apply(r).compareTo(gap) < 0)
					.min(Comparator.comparing((Alignment.Row r) -> gap.subtract(value.apply(r).multiply(BigDecimal.valueOf(2)))
						.abs()).thenComparing(Alignment.Row::customerId));
				if (best.isEmpty()) {
					break;
				}
				Alignment.Row r = best.get();
				held.get(most).remove(r);
				held.get(least).add(r);
				load.put(most, load.get(most).subtract(value.apply(r)));
				load.put(least, load.get(least).add(value.apply(r)));
				moves.put(r.customerId(), least);
			}
		}
		return moves;
	}

	// ---- the reader's territories and an account's territory on a date

	/**
	 * The leaves of the active model in the reader's scope, with their balance against the model's average: a
	 * salesperson's own territories, a manager's those assigned within their units, everything for company-wide roles.
	 * Read from what the activation stored (the open periods of the active model in {@code territories_account_period}
	 * and the account figures copied at the last evaluation): a read writes nothing and runs no evaluation.
	 */
	@Transactional(readOnly = true)
	public List<BalanceRow> mine(CurrentUser user) {
		Long active = jdbc.sql("SELECT id FROM territories_model WHERE status = 'ACTIVE'").query(Long.class).optional()
			.orElse(null);
		if (active == null) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("m", active);
		Set<Long> mine = new java.util.HashSet<>(jdbc.sql("SELECT t.id FROM territories_territory t WHERE t.model_id = :m"
				+ " AND " + scopes.of(user).sql("t.assignee_unit_id", "t.assignee_staff_id", params))
			.params(params).query(Long.class).list());
		if (mine.isEmpty()) {
			return List.of();
		}
		return balance(leaves(active), stored(active), BalanceIndex.WORKLOAD).stream()
			.filter(b -> mine.contains(b.territoryId()))
			.toList();
	}

	/**
	 * The accounts each territory of a model holds today as its activation stored them (open periods), with the
	 * figures of the account snapshot (accounts no longer live have left the snapshot and are not counted).
	 */
	private List<Alignment.Row> stored(long modelId) {
		return jdbc.sql("""
				SELECT p.customer_id, a.legal_name, a.potential_class, p.territory_id, p.owner_staff_id, p.unit_id,
				       a.annual_potential, COALESCE(cn.calls_per_year * cn.call_minutes, 0), a.last_year_net,
				       a.last_year_margin
				FROM territories_account_period p
				JOIN territories_account a ON a.customer_id = p.customer_id
				LEFT JOIN territories_call_norm cn ON cn.potential_class = a.potential_class
				WHERE p.model_id = :m AND p.valid_to IS NULL AND p.valid_from <= :d""")
			.param("m", modelId)
			.param("d", LocalDate.now(clock))
			.query((rs, n) -> {
				Long owner = (Long) rs.getObject(5, Long.class);
				long territory = rs.getLong(4);
				return new Alignment.Row(rs.getLong(1), rs.getString(2), rs.getString(3), territory, owner,
						rs.getLong(6), territory, owner, rs.getLong(6), false, false, rs.getBigDecimal(7),
						rs.getBigDecimal(8).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP), rs.getBigDecimal(9),
						rs.getBigDecimal(10));
			})
			.list();
	}

	/** The sort keys of the account periods. */
	public static final Map<String, String> PERIOD_SORTS = Map.of("validFrom", "p.valid_from", "customerId",
			"p.customer_id", "territory", "t.code");

	/**
	 * Which territory held each account from which date to which, as activations wrote it, for the accounts the
	 * reader sees (the period's unit or owner in their scope, in SQL). {@code customerId} and {@code on} narrow it to
	 * one account on one date: the territory an order of that date takes from its customer.
	 */
	@Transactional(readOnly = true)
	public io.rumbo.shared.web.PageResponse<AccountTerritory> periods(CurrentUser user, @Nullable Long customerId,
			@Nullable LocalDate on, @Nullable Long modelId, io.rumbo.shared.web.ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ")
			.append(scopes.of(user).sql("p.unit_id", "p.owner_staff_id", params));
		if (customerId != null) {
			where.append(" AND p.customer_id = :c");
			params.put("c", customerId);
		}
		if (on != null) {
			where.append(" AND p.valid_from <= :d AND (p.valid_to IS NULL OR p.valid_to > :d)");
			params.put("d", on);
		}
		if (modelId != null) {
			where.append(" AND p.model_id = :m");
			params.put("m", modelId);
		}
		String from = " FROM territories_account_period p JOIN territories_territory t ON t.id = p.territory_id";
		long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
		List<AccountTerritory> rows = jdbc.sql("""
				SELECT p.customer_id, p.territory_id, t.code, t.name, p.model_id, p.owner_staff_id, p.unit_id,
				       p.valid_from, p.valid_to""" + from + where + " " + query.orderBy("p.id") + query.limit())
			.params(params)
			.query((rs, n) -> new AccountTerritory(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), (Long) rs.getObject(6, Long.class), rs.getLong(7), rs.getObject(8, LocalDate.class),
					rs.getObject(9, LocalDate.class)))
			.list();
		return io.rumbo.shared.web.PageResponse.of(rows, query, total);
	}

	// ---- frozen accounts

	/** Every frozen account the reader sees, by customer id (see {@link FrozenAccounts#list} for a page). */
	public List<FrozenAccount> frozen(CurrentUser user) {
		return frozen.list(user, new FrozenAccounts.Filter(null, null, null),
				new io.rumbo.shared.web.ListQuery(0, io.rumbo.shared.web.ListQuery.UNBOUNDED, List.of())).content();
	}

	/** See {@link FrozenAccounts#freeze}. */
	public void freeze(CurrentUser user, @Nullable Long customerId, @Nullable String reason) {
		frozen.freeze(user, customerId, reason);
	}

	/** See {@link FrozenAccounts#unfreeze}. */
	public void unfreeze(CurrentUser user, long customerId) {
		frozen.unfreeze(user, customerId, null);
	}

	// ---- call norms

	@Transactional(readOnly = true)
	public List<CallNorm> callNorms() {
		return jdbc.sql("SELECT potential_class, calls_per_year, call_minutes, version FROM territories_call_norm "
				+ "ORDER BY potential_class")
			.query((rs, n) -> new CallNorm(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}

	/** Changes a class's calls a year and minutes a call (directors and admins). */
	@Transactional
	public CallNorm changeCallNorm(CurrentUser user, String potentialClass, long version, @Nullable Integer calls,
			@Nullable Integer minutes) {
		if (!TerritoryModels.mayActivate(user)) {
			throw new AccessRefusedException("territories");
		}
		CallNorm current = callNorms().stream().filter(c -> c.potentialClass().equalsIgnoreCase(potentialClass))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("callNorm", potentialClass));
		if (calls == null || calls < 0 || calls > 365) {
			throw ValidationFailedException.of("callsPerYear", "territories.norm.calls.invalid");
		}
		if (minutes == null || minutes < 0 || minutes > 600) {
			throw ValidationFailedException.of("callMinutes", "territories.norm.minutes.invalid");
		}
		int updated = jdbc.sql("""
				UPDATE territories_call_norm SET calls_per_year = :c, call_minutes = :m, version = version + 1
				WHERE potential_class = :p AND version = :v""")
			.param("c", calls).param("m", minutes).param("p", current.potentialClass()).param("v", version).update();
		if (updated == 0) {
			throw new StaleVersionException(version, current);
		}
		audit.record("TERRITORY_CALL_NORM", current.potentialClass(), "UPDATE",
				Map.of("callsPerYear", current.callsPerYear(), "callMinutes", current.callMinutes()),
				Map.of("callsPerYear", calls, "callMinutes", minutes), current.potentialClass());
		return callNorms().stream().filter(c -> c.potentialClass().equals(current.potentialClass())).findFirst()
			.orElseThrow();
	}
}
