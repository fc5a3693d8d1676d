package io.rumbo.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The read shapes of plans, their versions, grids, differences and performance. */
public final class PlanViews {

	private PlanViews() {
	}

	public record Totals(BigDecimal revenue, BigDecimal units, BigDecimal margin, long newCustomers) {
	}

	public record VersionView(long id, long planId, int number, PlanState state, @Nullable Integer basedOnNumber,
			@Nullable String note, String createdBy, LocalDate createdOn, @Nullable String submittedBy,
			@Nullable LocalDate submittedOn, @Nullable String approvedBy, @Nullable LocalDate approvedOn, long version,
			Totals totals) {
	}

	public record PlanView(long id, int fiscalYear, String yearLabel, String name, List<VersionView> versions) {

		/** The version that counts: the active one, else the latest approved, else the latest. */
		public @Nullable VersionView current() {
			for (PlanState state : List.of(PlanState.ACTIVE, PlanState.APPROVED)) {
				for (VersionView v : versions) {
					if (v.state() == state) {
						return v;
					}
				}
			}
			return versions.isEmpty() ? null : versions.get(0);
		}
	}

	/** One row of the targets grid: a unit with its twelve months, quarters and year (its subtree's sums). */
	public record GridRow(long unitId, String unitName, int depth, boolean leaf, boolean editable,
			List<MeasureValue> months, List<MeasureValue> quarters, MeasureValue year) {
	}

	/** A column of the grid: the code a cell edit posts ({@code FY2026-M03}) and the header's label. */
	public record GridColumn(String code, String label) {
	}

	public record GridView(long versionId, Measure measure, @Nullable Long lineId, List<GridColumn> months,
			List<GridColumn> quarters, GridColumn year, List<GridRow> rows, boolean editable) {
	}

	/** A target cell as the API reads and writes it in bulk. */
	public record TargetCell(long unitId, long lineId, int month, BigDecimal revenue, BigDecimal units,
			BigDecimal margin) {
	}

	public record UnitGoal(long unitId, int month, int newCustomers) {
	}

	/** How a version differs from the one it is based on, per unit and line over the year. */
	public record DiffRow(long unitId, String unitName, long lineId, String lineCode, BigDecimal previousRevenue,
			BigDecimal revenue, BigDecimal previousMargin, BigDecimal margin, BigDecimal previousUnits, BigDecimal units) {

		public BigDecimal revenueChange() {
			return revenue.subtract(previousRevenue);
		}
	}

	/** What a spread did: the total asked, the parts written (which add up to it) and any difference left. */
	/** {@code version} is the plan version's version after the change: the next edit of its targets sends it. */
	public record SpreadResult(BigDecimal total, int cells, BigDecimal written, BigDecimal difference, long version) {
	}

	/**
	 * A line of plan versus actual: the period's target, the actual to date, the target expected by today (in
	 * proportion to the days elapsed of each month), the gap (actual - expected) and the forecast to the period's end
	 * (actual + the open part: calls where they exist, else the pipeline weighted by probability, expected to close by
	 * then; {@code forecastSources} says which).
	 */
	public record PerformanceRow(String key, String label, int depth, BigDecimal target, BigDecimal actual, BigDecimal expected,
			BigDecimal gap, BigDecimal pipeline, BigDecimal forecast,
			@io.swagger.v3.oas.annotations.media.Schema(description = "Where the forecast's open part comes from, the "
					+ "most authoritative first: TEAM_CALL (a manager's own call for their unit), MONTH_CALL (a "
					+ "salesperson's call of the month), QUARTER_CALL (a quarter's call spread over its months), "
					+ "PIPELINE (open deals weighted by probability)") java.util.List<SalesHistory.ForecastSource> forecastSources) {

		public @Nullable BigDecimal attainment() {
			return target.signum() == 0 ? null
					: actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, java.math.RoundingMode.HALF_UP);
		}
	}

	public record Performance(long planId, long versionId, String by, String period, LocalDate from, LocalDate to,
			LocalDate asOf, List<PerformanceRow> rows, PerformanceRow total, int forecastCalls) {
	}
}
