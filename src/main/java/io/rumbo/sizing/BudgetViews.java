package io.rumbo.sizing;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the budget pages and API show. */
public final class BudgetViews {

	private BudgetViews() {
	}

	/** One figure: a fiscal month (1-12), a cost type, an amount. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SizingBudgetCell")
	public record Cell(int month, CostType type, BigDecimal amount) {
	}

	/**
	 * A unit's own budget of a fiscal year, the cells entered for it (not its sub-units'); {@code version} 0 before
	 * anything was entered.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SizingBudgetGrid")
	public record Grid(int fiscalYear, long unitId, String unitName, long version, List<Cell> cells) {

		public BigDecimal amount(int month, CostType type) {
			return cells.stream()
				.filter(c -> c.month() == month && c.type() == type)
				.map(Cell::amount)
				.findFirst()
				.orElse(BigDecimal.ZERO);
		}
	}

	/**
	 * Budget against actual for a unit's subtree: {@code actualCommissionsPaid} is what approved payout runs paid
	 * (part of {@code actual}, besides the imported actual costs); revenue and margin from the metrics facts;
	 * percentages of them undefined (null) when they are zero; {@code perSalesperson} the actual cost per salesperson.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SizingBudgetUnitLine")
	public record UnitLine(long unitId, String unitName, BigDecimal budget, BigDecimal actual,
			BigDecimal actualCommissionsPaid, BigDecimal revenue, BigDecimal margin, @Nullable BigDecimal costOfRevenue,
			@Nullable BigDecimal costOfMargin, int salespeople, @Nullable BigDecimal perSalesperson) {

		public BigDecimal variance() {
			return actual.subtract(budget);
		}
	}

	/** A fiscal month of the unit's subtree: its first day as yyyy-MM, budget, actual and revenue. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SizingBudgetMonthLine")
	public record MonthLine(int month, String yearMonth, BigDecimal budget, BigDecimal actual, BigDecimal revenue) {
	}

	/** The year's budget and actual of the subtree per cost type. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SizingBudgetTypeLine")
	public record TypeLine(CostType type, BigDecimal budget, BigDecimal actual) {
	}

	/** The report for a unit: the unit itself first, then each sub-unit; months; cost types. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SizingBudgetReport")
	public record Report(int fiscalYear, long unitId, String unitName, List<UnitLine> units, List<MonthLine> months,
			List<TypeLine> types) {
	}
}
