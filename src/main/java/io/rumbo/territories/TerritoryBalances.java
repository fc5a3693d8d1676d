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

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.territories.domain.Alignment;

/**
 * How even a model is: the balance of its leaf territories with an index against their average, grouped in SQL over
 * the alignment statement the preview reads (decision 0044), and a suggestion that evens out one index between sibling territories as a new
 * draft (a person reviews, previews and activates it).
 */
@Service
public class TerritoryBalances {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	/** The suggestion stops after this many moves (a person reviews the draft anyway). */
	static final int MAX_MOVES = 200;

	private final TerritoryModels models;
	private final Realignment realignment;
	private final Alignment alignment;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;
	private final io.rumbo.organization.OrgDirectory org;

	TerritoryBalances(TerritoryModels models, Realignment realignment, Alignment alignment, JdbcClient jdbc,
			AuditTrail audit, Clock clock, io.rumbo.organization.OrgDirectory org) {
		this.models = models;
		this.realignment = realignment;
		this.alignment = alignment;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.org = org;
	}

	/**
	 * The load of each leaf territory of the model the reader sees, and {@code index} of each against the average of
	 * all the model's leaves (100 = average; 0 when the average is 0).
	 */
	@Transactional
	public List<BalanceRow> balance(CurrentUser user, long modelId, BalanceIndex index, @Nullable LocalDate on) {
		List<TerritoryView> visible = models.territories(user, modelId);
		realignment.prepare(on == null ? LocalDate.now(clock) : on);
		List<TerritoryView> leaves = leaves(modelId);
		List<BalanceRow> all = balance(leaves, alignment.byTerritory(Alignment.Selection.all(modelId)), index);
		Set<Long> shown = new java.util.HashSet<>();
		visible.forEach(t -> shown.add(t.id()));
		return all.stream().filter(b -> shown.contains(b.territoryId())).toList();
	}

	/** Every leaf of the model, whatever the reader's scope (the average is the model's). */
	List<TerritoryView> leaves(long modelId) {
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

	/**
	 * The balance figures of the leaves from what each holds ({@link Alignment#byTerritory}, grouped in SQL): the
	 * worked example in docs/territories.md.
	 */
	static List<BalanceRow> balance(List<TerritoryView> leaves, Map<Long, Alignment.TerritorySums> held,
			BalanceIndex index) {
		Map<Long, Alignment.TerritorySums> sums = new LinkedHashMap<>();
		leaves.forEach(l -> sums.put(l.id(), held.getOrDefault(l.id(), Alignment.TerritorySums.NONE)));
		Function<Alignment.TerritorySums, BigDecimal> figure = s -> switch (index) {
			case ACCOUNTS -> BigDecimal.valueOf(s.accounts());
			case POTENTIAL -> s.potential();
			case WORKLOAD -> s.workloadHours();
			case SALES -> s.lastYearNet();
			case MARGIN -> s.lastYearMargin();
		};
		BigDecimal total = sums.values().stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal average = sums.isEmpty() ? BigDecimal.ZERO
				: total.divide(BigDecimal.valueOf(sums.size()), 10, RoundingMode.HALF_UP);
		List<BalanceRow> result = new ArrayList<>();
		for (TerritoryView l : leaves) {
			Alignment.TerritorySums s = sums.get(l.id());
			BigDecimal idx = average.signum() == 0 ? BigDecimal.ZERO
					: figure.apply(s).multiply(HUNDRED).divide(average, 1, RoundingMode.HALF_UP);
			result.add(new BalanceRow(l.id(), l.code(), l.name(), l.parentId(), l.assigneeName(), s.accounts(),
					s.classA(), s.classB(), s.classC(), s.potential(), s.workloadHours(), s.lastYearNet(),
					s.lastYearMargin(), idx));
		}
		return result;
	}

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
		realignment.prepare(LocalDate.now(clock));
		List<TerritoryView> leaves = leaves(modelId);
		// The plan weighs accounts one by one, so it reads the rows of the territories it works on (leaves with a
		// sibling), not the whole company: bounded by what those territories hold, not by every account.
		List<Long> worked = balanced(leaves);
		List<Alignment.Row> rows = worked.isEmpty() ? List.of()
				: alignment.page(new Alignment.Selection(modelId, "TRUE", "x.to_territory IN (:worked)",
						Map.of("worked", worked)), "x.customer_id", 0, Integer.MAX_VALUE);
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

	/** The leaves the plan works on: those with a sibling leaf (the plan moves accounts between siblings only). */
	static List<Long> balanced(List<TerritoryView> leaves) {
		Map<Long, List<Long>> groups = new HashMap<>();
		leaves.forEach(l -> groups.computeIfAbsent(l.parentId() == null ? 0L : l.parentId(), k -> new ArrayList<>())
			.add(l.id()));
		return groups.values().stream().filter(g -> g.size() > 1).flatMap(List::stream).sorted().toList();
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
}
