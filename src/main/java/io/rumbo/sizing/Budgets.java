package io.rumbo.sizing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Budgets (decision 0038): a budget per fiscal year and unit by fiscal month and cost type, entered on the page or
 * imported, and actual costs imported the same way; {@link BudgetReports} sets them against actual costs and revenue.
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
	private final AuditTrail audit;
	private final Clock clock;
	/** A read-only transaction of its own, for re-reading what a concurrent first save committed. */
	private final TransactionTemplate afresh;

	Budgets(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, OrgUnitManagement units, FiscalCalendar calendar,
			AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.units = units;
		this.calendar = calendar;
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

	private static BigDecimal total(List<BudgetViews.Cell> cells) {
		return cells.stream().map(BudgetViews.Cell::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private void requireEditor(CurrentUser actor) {
		if (!mayEdit(actor)) {
			throw new AccessRefusedException("budgets");
		}
	}

	void requireReader(CurrentUser actor, long unitId) {
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
