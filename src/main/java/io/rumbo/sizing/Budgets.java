package io.rumbo.sizing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.incentives.ApprovedPayouts;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.PositionView;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Budgets and cost of sales (decision 0038): a budget per fiscal year and unit by fiscal month and cost type, entered
 * on the page or imported, and actual costs imported the same way; commissions actually paid come from approved payout
 * runs (incentives' {@link ApprovedPayouts}), by the unit of each statement and the month the run's period ends.
 * A unit's figures in the report are its subtree's: its own rows and every sub-unit's. Directors and finance edit;
 * managers read the subtree they lead (the rows are selected in SQL by the reader's scope); others see nothing.
 */
@Service
public class Budgets {

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final OrgUnitManagement units;
	private final FiscalCalendar calendar;
	private final MetricsQuery metrics;
	private final ApprovedPayouts payouts;
	private final AuditTrail audit;
	private final Clock clock;
	/** A read-only transaction of its own, for re-reading what a concurrent first save committed. */
	private final TransactionTemplate afresh;

	Budgets(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, OrgUnitManagement units, FiscalCalendar calendar,
			MetricsQuery metrics, ApprovedPayouts payouts, AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.units = units;
		this.calendar = calendar;
		this.metrics = metrics;
		this.payouts = payouts;
		this.audit = audit;
		this.clock = clock;
		this.afresh = new TransactionTemplate(transactions);
		this.afresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.afresh.setReadOnly(true);
	}

	/** Who enters and imports budgets and actual costs: directors, finance and administrators (as for plans). */
	public static boolean mayEdit(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.FINANCE);
	}

	/** Who reads them: the editors, administrators and viewers everything, managers their subtree. */
	public static boolean mayRead(CurrentUser actor) {
		return mayEdit(actor) || actor.hasAny(Role.ADMIN, Role.VIEWER, Role.MANAGER);
	}

	@Transactional(readOnly = true)
	public BudgetViews.Grid grid(CurrentUser actor, int fiscalYear, long unitId) {
		requireReader(actor, unitId);
		long version = jdbc.sql("SELECT version FROM sizing_budget WHERE fiscal_year = :y AND unit_id = :u")
			.param("y", fiscalYear).param("u", unitId).query(Long.class).optional().orElse(0L);
		List<BudgetViews.Cell> cells = jdbc.sql("""
				SELECT fiscal_month, cost_type, amount FROM sizing_cost
				WHERE kind = 'BUDGET' AND fiscal_year = :y AND unit_id = :u ORDER BY fiscal_month, cost_type""")
			.param("y", fiscalYear).param("u", unitId)
			.query((rs, n) -> new BudgetViews.Cell(rs.getInt(1), CostType.valueOf(rs.getString(2)),
					rs.getBigDecimal(3)))
			.list();
		return new BudgetViews.Grid(fiscalYear, unitId, org.unitNames(List.of(unitId)).getOrDefault(unitId, ""),
				version, cells);
	}

	/**
	 * Replaces the unit's budget of the year with {@code cells} (a cell left out is zero) at {@code version} (0 for a
	 * first budget); audited with the totals before and after.
	 */
	@Transactional
	public BudgetViews.Grid save(CurrentUser actor, int fiscalYear, long unitId, long version,
			List<BudgetViews.Cell> cells) {
		requireEditor(actor);
		requireReader(actor, unitId);
		checkYear(fiscalYear);
		checkCells(cells);
		BudgetViews.Grid before = grid(actor, fiscalYear, unitId);
		if (before.version() != version) {
			throw new StaleVersionException(version, before);
		}
		claim(actor, fiscalYear, unitId, version);
		write(actor, CostKind.BUDGET, fiscalYear, Map.of(unitId, cells), true);
		audit.record("BUDGET", fiscalYear + ":" + unitId, before.cells().isEmpty() ? "CREATE" : "UPDATE",
				Map.of("total", total(before.cells())), Map.of("total", total(cells)), fiscalYear + " " + unitId);
		return grid(actor, fiscalYear, unitId);
	}

	/**
	 * Writes imported figures: for each unit named, its cells of {@code kind} in the year replace those of the same
	 * month and type (other months stay), and a budget's version moves on. Answers how many cells changed and how
	 * many were already so. The importer has checked units, months and amounts.
	 */
	@Transactional
	public int[] importCells(CurrentUser actor, CostKind kind, int fiscalYear, Map<Long, List<BudgetViews.Cell>> cells,
			boolean write) {
		requireEditor(actor);
		int changed = 0;
		int unchanged = 0;
		for (Map.Entry<Long, List<BudgetViews.Cell>> e : cells.entrySet()) {
			Map<String, BigDecimal> now = new HashMap<>();
			jdbc.sql("""
					SELECT fiscal_month, cost_type, amount FROM sizing_cost
					WHERE kind = :k AND fiscal_year = :y AND unit_id = :u""")
				.param("k", kind.name()).param("y", fiscalYear).param("u", e.getKey())
				.query(rs -> {
					now.put(rs.getInt(1) + ":" + rs.getString(2), rs.getBigDecimal(3));
				});
			for (BudgetViews.Cell c : e.getValue()) {
				BigDecimal was = now.get(c.month() + ":" + c.type().name());
				if (was != null && was.compareTo(c.amount()) == 0) {
					unchanged++;
				}
				else {
					changed++;
				}
			}
		}
		if (write && changed > 0) {
			write(actor, kind, fiscalYear, cells, false);
			audit.record(kind.name(), fiscalYear, "IMPORT", null, Map.of("units", cells.size(), "changed", changed),
					kind.name() + " " + fiscalYear);
		}
		return new int[] { changed, unchanged };
	}

	/**
	 * Moves the budget's version on from {@code version} before its cells are written, in one conditional statement:
	 * a concurrent save of the same version waits for this one's row lock and then finds no row at its version, so it
	 * is stale (409) instead of overwriting what this one wrote. A first budget (version 0) inserts the row; a
	 * concurrent first save then breaks {@code uk_sizing_budget}, stale too, and what won is re-read in a transaction
	 * of its own (PostgreSQL refuses any statement in a transaction after a failed one).
	 */
	private void claim(CurrentUser actor, int fiscalYear, long unitId, long version) {
		Timestamp now = Timestamp.from(clock.instant());
		if (version == 0) {
			try {
				jdbc.sql("""
						INSERT INTO sizing_budget (fiscal_year, unit_id, updated_by, updated_at, version)
						VALUES (:y, :u, :by, :at, 1)""")
					.param("y", fiscalYear).param("u", unitId).param("by", actor.username()).param("at", now)
					.update();
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				throw new StaleVersionException(version, afresh.execute(status -> grid(actor, fiscalYear, unitId)));
			}
			return;
		}
		int claimed;
		try {
			claimed = jdbc.sql("""
					UPDATE sizing_budget SET version = version + 1, updated_by = :by, updated_at = :at
					WHERE fiscal_year = :y AND unit_id = :u AND version = :v""")
				.param("by", actor.username()).param("at", now).param("y", fiscalYear).param("u", unitId)
				.param("v", version).update();
		}
		catch (ConcurrencyFailureException ex) {
			// H2 may refuse the row another transaction changed meanwhile instead of re-reading it.
			throw new StaleVersionException(version, afresh.execute(status -> grid(actor, fiscalYear, unitId)));
		}
		if (claimed == 0) {
			throw new StaleVersionException(version, grid(actor, fiscalYear, unitId));
		}
	}

	private void write(CurrentUser actor, CostKind kind, int fiscalYear, Map<Long, List<BudgetViews.Cell>> cells,
			boolean replaceAll) {
		Timestamp now = Timestamp.from(clock.instant());
		for (Map.Entry<Long, List<BudgetViews.Cell>> e : cells.entrySet()) {
			long unit = e.getKey();
			if (replaceAll) {
				jdbc.sql("DELETE FROM sizing_cost WHERE kind = :k AND fiscal_year = :y AND unit_id = :u")
					.param("k", kind.name()).param("y", fiscalYear).param("u", unit).update();
			}
			for (BudgetViews.Cell c : e.getValue()) {
				if (!replaceAll) {
					jdbc.sql("""
							DELETE FROM sizing_cost WHERE kind = :k AND fiscal_year = :y AND unit_id = :u
							  AND fiscal_month = :m AND cost_type = :t""")
						.param("k", kind.name()).param("y", fiscalYear).param("u", unit).param("m", c.month())
						.param("t", c.type().name()).update();
				}
				if (replaceAll && c.amount().signum() == 0) {
					continue;
				}
				jdbc.sql("""
						INSERT INTO sizing_cost (kind, fiscal_year, unit_id, fiscal_month, cost_type, amount)
						VALUES (:k, :y, :u, :m, :t, :a)""")
					.param("k", kind.name()).param("y", fiscalYear).param("u", unit).param("m", c.month())
					.param("t", c.type().name()).param("a", c.amount()).update();
			}
			if (kind == CostKind.BUDGET && !replaceAll) {
				// An import moves the version on whatever it was (a grid open elsewhere is then stale).
				int bumped = jdbc.sql("""
						UPDATE sizing_budget SET version = version + 1, updated_by = :by, updated_at = :at
						WHERE fiscal_year = :y AND unit_id = :u""")
					.param("by", actor.username()).param("at", now).param("y", fiscalYear).param("u", unit).update();
				if (bumped == 0) {
					jdbc.sql("""
							INSERT INTO sizing_budget (fiscal_year, unit_id, updated_by, updated_at, version)
							VALUES (:y, :u, :by, :at, 1)""")
						.param("y", fiscalYear).param("u", unit).param("by", actor.username()).param("at", now)
						.update();
				}
			}
		}
	}

	/**
	 * Budget against actual for {@code unitId}'s subtree in a fiscal year: the unit and each of its direct sub-units
	 * (each with its own subtree), month by month and by cost type, with revenue and margin of the metrics facts and
	 * cost of sales as a percentage of them and per salesperson. The cost rows are read within the reader's scope.
	 */
	@Transactional(readOnly = true)
	public BudgetViews.Report report(CurrentUser actor, int fiscalYear, long unitId) {
		requireReader(actor, unitId);
		FiscalYears years = calendar.years();
		FiscalPeriod year = years.year(fiscalYear);
		Set<Long> subtree = org.subtree(unitId);
		// Each line: the unit itself, then its direct children (each standing for its subtree).
		List<Long> lines = new ArrayList<>();
		lines.add(unitId);
		org.unitTree().stream()
			.filter(n -> n.parentId() != null && n.parentId() == unitId)
			.sorted(java.util.Comparator.comparing(OrgDirectory.UnitNode::name))
			.forEach(n -> lines.add(n.id()));
		Map<Long, Set<Long>> subtrees = new LinkedHashMap<>();
		for (Long line : lines) {
			subtrees.put(line, line == unitId ? subtree : org.subtree(line));
		}
		// unit -> month -> type -> [budget, actual, paid]
		Map<Long, Map<Integer, Map<CostType, BigDecimal[]>>> cells = new HashMap<>();
		Map<String, Object> params = new HashMap<>();
		DataScope scope = scopes.of(actor);
		params.put("y", fiscalYear);
		params.put("units", subtree);
		jdbc.sql("SELECT unit_id, kind, fiscal_month, cost_type, amount FROM sizing_cost c WHERE fiscal_year = :y"
				+ " AND unit_id IN (:units) AND " + scope.sql(new DataScope.Columns(List.of("c.unit_id"), List.of(),
						List.of()), params))
			.params(params)
			.query(rs -> {
				BigDecimal[] cell = cell(cells, rs.getLong(1), rs.getInt(3), CostType.valueOf(rs.getString(4)));
				int at = CostKind.valueOf(rs.getString(2)) == CostKind.BUDGET ? 0 : 1;
				cell[at] = cell[at].add(rs.getBigDecimal(5));
			});
		for (io.rumbo.incentives.UnitPayout p : payouts.byUnit(year.start(), year.end())) {
			long unit = p.unit().value();
			if (subtree.contains(unit) && scope.managesUnit(unit)) {
				BigDecimal[] cell = cell(cells, unit, years.monthOf(p.lastDay()), CostType.COMMISSIONS);
				cell[1] = cell[1].add(p.payable());
				cell[2] = cell[2].add(p.payable());
			}
		}
		List<UnitId> lineIds = lines.stream().map(UnitId::of).toList();
		Map<UnitId, BigDecimal> revenue = metrics.byUnit(Metric.REVENUE, year, lineIds);
		Map<UnitId, BigDecimal> margin = metrics.byUnit(Metric.MARGIN, year, lineIds);
		Map<LocalDate, BigDecimal> revenueByMonth = metrics
			.byUnitAndMonth(Metric.REVENUE, year, List.of(UnitId.of(unitId)))
			.getOrDefault(UnitId.of(unitId), Map.of());
		Map<Long, Integer> sellers = new HashMap<>();
		for (PositionView p : units.positionsInScope(actor)) {
			if (p.jobRole() == JobRole.SALESPERSON) {
				sellers.merge(p.unitId(), p.filled(), Integer::sum);
			}
		}
		Map<Long, String> names = org.unitNames(lines);
		List<BudgetViews.UnitLine> unitLines = new ArrayList<>();
		for (Long line : lines) {
			BigDecimal[] sum = sum(cells, subtrees.get(line), null, null);
			BigDecimal rev = revenue.getOrDefault(UnitId.of(line), BigDecimal.ZERO);
			BigDecimal mar = margin.getOrDefault(UnitId.of(line), BigDecimal.ZERO);
			int people = subtrees.get(line).stream().mapToInt(u -> sellers.getOrDefault(u, 0)).sum();
			unitLines.add(new BudgetViews.UnitLine(line, names.getOrDefault(line, ""), sum[0], sum[1], sum[2], rev, mar,
					percent(sum[1], rev), percent(sum[1], mar), people, people == 0 ? null
							: sum[1].divide(BigDecimal.valueOf(people), Amounts.MONEY_SCALE, Amounts.ROUNDING)));
		}
		List<BudgetViews.MonthLine> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			LocalDate start = years.month(fiscalYear, m).start();
			BigDecimal[] sum = sum(cells, subtree, m, null);
			String ym = start.toString().substring(0, 7);
			months.add(new BudgetViews.MonthLine(m, ym, sum[0], sum[1], revenueByMonth.getOrDefault(start,
					BigDecimal.ZERO)));
		}
		List<BudgetViews.TypeLine> types = new ArrayList<>();
		for (CostType t : CostType.values()) {
			BigDecimal[] sum = sum(cells, subtree, null, t);
			types.add(new BudgetViews.TypeLine(t, sum[0], sum[1]));
		}
		return new BudgetViews.Report(fiscalYear, unitId, names.getOrDefault(unitId, ""), unitLines, months, types);
	}

	private static BigDecimal[] cell(Map<Long, Map<Integer, Map<CostType, BigDecimal[]>>> cells, long unit, int month,
			CostType type) {
		return cells.computeIfAbsent(unit, u -> new HashMap<>())
			.computeIfAbsent(month, m -> new EnumMap<>(CostType.class))
			.computeIfAbsent(type, t -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
	}

	private static BigDecimal[] sum(Map<Long, Map<Integer, Map<CostType, BigDecimal[]>>> cells, Set<Long> units,
			Integer month, CostType type) {
		BigDecimal[] total = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
		for (Long unit : units) {
			for (Map.Entry<Integer, Map<CostType, BigDecimal[]>> m : cells.getOrDefault(unit, Map.of()).entrySet()) {
				if (month != null && !month.equals(m.getKey())) {
					continue;
				}
				for (Map.Entry<CostType, BigDecimal[]> t : m.getValue().entrySet()) {
					if (type != null && type != t.getKey()) {
						continue;
					}
					for (int i = 0; i < 3; i++) {
						total[i] = total[i].add(t.getValue()[i]);
					}
				}
			}
		}
		return total;
	}

	/** Cost as a percentage of a base, 42.50; undefined for a base that is zero or less. */
	static BigDecimal percent(BigDecimal cost, BigDecimal base) {
		if (base.signum() <= 0) {
			return null;
		}
		return cost.multiply(Amounts.HUNDRED).divide(base, 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal total(List<BudgetViews.Cell> cells) {
		return cells.stream().map(BudgetViews.Cell::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private void requireEditor(CurrentUser actor) {
		if (!mayEdit(actor)) {
			throw new AccessRefusedException("budgets");
		}
	}

	private void requireReader(CurrentUser actor, long unitId) {
		if (!mayRead(actor) || !org.isActiveUnit(unitId) || !scopes.of(actor).managesUnit(unitId)) {
			throw new NotFoundException("orgUnit", unitId);
		}
	}

	private static void checkYear(int fiscalYear) {
		if (fiscalYear < 2000 || fiscalYear > 2100) {
			throw ValidationFailedException.of("fiscalYear", "sizing.error.year");
		}
	}

	/** Amounts stay below this (NUMERIC(19, 4) holds less than 10^15), on the grid and in imports. */
	public static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000000");

	/** Months 1-12, no cell twice, amounts not negative with at most two decimals. */
	static void checkCells(List<BudgetViews.Cell> cells) {
		Set<String> seen = new HashSet<>();
		for (BudgetViews.Cell c : cells) {
			if (c.month() < 1 || c.month() > 12) {
				throw ValidationFailedException.of("cells", "sizing.error.month");
			}
			if (c.amount() == null || c.amount().signum() < 0 || c.amount().stripTrailingZeros().scale() > 2
					|| c.amount().compareTo(AMOUNT_LIMIT) >= 0) {
				throw ValidationFailedException.of("cells", "sizing.error.amount");
			}
			if (!seen.add(c.month() + ":" + c.type())) {
				throw ValidationFailedException.of("cells", "sizing.error.repeated");
			}
		}
	}

	/** A unit and every unit below it today. */
	public Set<Long> subtreeOf(long unitId) {
		return org.subtree(unitId);
	}

	/** The units of the reader's scope a budget can be entered for, for the pickers. */
	@Transactional(readOnly = true)
	public List<OrgDirectory.UnitNode> unitsInScope(CurrentUser actor) {
		DataScope scope = scopes.of(actor);
		return org.unitTree().stream().filter(n -> scope.managesUnit(n.id())).toList();
	}

	/** The unit a reader's report starts from: the company for everyone who sees everything, else a unit they lead. */
	@Transactional(readOnly = true)
	public Optional<Long> defaultUnit(CurrentUser actor) {
		List<OrgDirectory.UnitNode> tree = unitsInScope(actor);
		Set<Long> ids = new HashSet<>();
		tree.forEach(n -> ids.add(n.id()));
		return tree.stream().filter(n -> n.parentId() == null || !ids.contains(n.parentId())).map(
				OrgDirectory.UnitNode::id).findFirst();
	}
}
