package io.rumbo.quotas;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What {@link Attainment} answers: the API's and the pages' read models. */
public final class AttainmentViews {

	private AttainmentViews() {
	}

	/**
	 * The period asked for: its code ({@code FY2026-Q1}), first and last day, the fiscal year it lies in, the day the
	 * pace is taken at and how it is paced.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "AttainmentPeriod")
	public record PeriodView(String code, LocalDate from, LocalDate to, int fiscalYear, LocalDate asOf,
			PaceMethod method, BigDecimal atRiskThreshold) {
	}

	/** One fiscal month of a quota: its own figures and the running totals from the period's start. */
	public record MonthPoint(LocalDate month, BigDecimal quota, BigDecimal actual, BigDecimal cumulativeQuota,
			BigDecimal cumulativeActual) {
	}

	/**
	 * One measure of one person or unit in the period: the pace, and the month by month figures behind the chart.
	 * {@code unit} is the measure's unit (MONEY, COUNT, PERCENT...), {@code accumulates} false for a rate or an average.
	 */
	public record MeasureView(String measure, String unit, boolean accumulates, Pace pace, List<MonthPoint> months) {
	}

	/** A person's attainment ("My targets"): every measure they hold a quota of, and where they stand with it. */
	public record PersonView(long staffId, String name, @Nullable Long unitId, @Nullable String unitName,
			PeriodView period, List<MeasureView> measures, @Nullable QuotaStatus status) {
	}

	/** A month passed and the cumulative attainment at its end, in percent; absent while there is no quota yet. */
	public record TrendPoint(java.time.LocalDate month, @Nullable BigDecimal attainment) {
	}

	/**
	 * A line of a list: one person or unit ({@code kind} "person" or "unit") and one measure, with its pace and a
	 * trend (the cumulative attainment in percent at the end of each month passed, for a small chart).
	 */
	// Named for the OpenAPI document: several modules answer a "Row", and schemas are named by simple class name.
	@io.swagger.v3.oas.annotations.media.Schema(name = "AttainmentRow")
	public record Row(String kind, long id, String name, @Nullable Long unitId, @Nullable String unitName,
			String measure, int depth, Pace pace, List<TrendPoint> trend) {

		/** The trend's figures alone, for the small chart. */
		public List<@Nullable BigDecimal> attainments() {
			return trend.stream().map(TrendPoint::attainment).toList();
		}

	}

	/**
	 * How a unit's quota of a measure in the period is split: its own figure, what its sub-units and members hold,
	 * and the difference (positive: not yet allocated; negative: over-assigned). Never hidden, even when zero.
	 */
	public record Mismatch(long unitId, String unitName, String measure, BigDecimal unitQuota, BigDecimal allocated,
			BigDecimal mismatch) {
	}

	/**
	 * A place on the leaderboard: the rank among {@code outOf} people ranked; {@code self} marks the reader's own.
	 */
	public record Place(int rank, int outOf, long staffId, String name, @Nullable String unitName,
			@Nullable BigDecimal attainment, BigDecimal actual, BigDecimal quota, boolean self) {
	}

	/** A leaderboard of one measure and period: every quota holder ranked, the rows the reader may read. */
	public record Leaderboard(PeriodView period, String measure, int ranked, boolean named, List<Place> places) {
	}
}
