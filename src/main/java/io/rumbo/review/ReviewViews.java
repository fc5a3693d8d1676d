package io.rumbo.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.planning.ObjectiveKind;
import io.rumbo.review.VarianceAnalysis.Effects;
import io.rumbo.review.VarianceAnalysis.MarginSplit;
import io.swagger.v3.oas.annotations.media.Schema;

/** The read shapes of plan reviews. */
public final class ReviewViews {

	private ReviewViews() {
	}

	static @Nullable BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null
				: part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
	}

	@Schema(name = "ReviewRow")
	public record ReviewRow(long id, long version, String title, long planId, int fiscalYear, String period,
			String periodLabel, long unitId, String unitName, ReviewState state, String createdBy, LocalDate createdOn,
			@Nullable LocalDate sharedOn) {
	}

	/** A unit of the review's subtree: target, actual and gap of revenue and margin, and last year's revenue. */
	@Schema(name = "ReviewUnitRow")
	public record UnitRow(long unitId, String name, int depth, BigDecimal target, BigDecimal actual, BigDecimal gap,
			@Nullable BigDecimal gapPercent, BigDecimal targetMargin, BigDecimal actualMargin, BigDecimal marginGap,
			BigDecimal lastYear) {
	}

	@Schema(name = "ReviewLineVariance")
	public record LineVariance(long lineId, String name, Effects effects, MarginSplit margin) {
	}

	@Schema(name = "ReviewUnitVariance")
	public record UnitVariance(long unitId, String name, int depth, Effects effects, MarginSplit margin) {
	}

	/** The gap against one base ({@code PLAN} or {@code LAST_YEAR}) by product line and by unit. */
	@Schema(name = "ReviewVarianceTable")
	public record VarianceTable(String basis, List<LineVariance> lines, List<UnitVariance> units, Effects total,
			MarginSplit margin) {
	}

	@Schema(name = "ReviewStrategyFigures")
	public record StrategyFigures(long strategyId, String name, @Nullable String segmentName,
			@Nullable BigDecimal expectedRevenue, @Nullable BigDecimal expectedMargin, BigDecimal revenue,
			BigDecimal margin, @Nullable BigDecimal revenueAttainment, long orders, long opportunities, long won,
			long lost, @Nullable BigDecimal winRate, int initiatives, int initiativesDone, int initiativesOverdue,
			long targets, long visited, long bought, int initiativesDoneLate) {
	}

	@Schema(name = "ReviewCoverageMonth")
	public record CoverageMonth(String month, LocalDate start, long targets, long visited, long bought) {
	}

	/** A target market month by month: its accounts and how many had been visited and had bought by each month's end. */
	@Schema(name = "ReviewCoverage")
	public record Coverage(long segmentId, String name, List<CoverageMonth> months) {
	}

	@Schema(name = "ReviewObjectiveRow")
	public record ObjectiveRow(long objectiveId, ObjectiveKind kind, String title, @Nullable BigDecimal target,
			@Nullable BigDecimal actual, @Nullable BigDecimal attainment) {

		/** Whether its figures are amounts of money (revenue, margin) rather than counts. */
		public boolean money() {
			return kind == ObjectiveKind.REVENUE || kind == ObjectiveKind.MARGIN;
		}
	}

	/** Every figure of a review: computed live for a draft, frozen when it was shared. */
	@Schema(name = "ReviewFigures")
	public record Figures(String period, String periodLabel, LocalDate from, LocalDate to, LocalDate asOf,
			long planVersionId, List<UnitRow> units, VarianceTable plan, VarianceTable lastYear,
			List<StrategyFigures> strategies, long untaggedWon, long untaggedLost, @Nullable BigDecimal untaggedWinRate,
			List<Coverage> coverage, List<ObjectiveRow> objectives) {
	}

	@Schema(name = "ReviewExplanation")
	public record Explanation(long unitId, String text) {
	}

	@Schema(name = "ReviewStrategyVerdict")
	public record VerdictView(long strategyId, Verdict verdict, @Nullable String conclusion) {
	}

	/** A review with its figures, the reviewer's explanations per unit and verdicts per strategy. */
	@Schema(name = "ReviewView")
	public record ReviewView(long id, long version, String title, @Nullable String summary, long planId, int fiscalYear,
			String period, String periodLabel, long unitId, String unitName, boolean companyReview, ReviewState state,
			String createdBy,
			LocalDate createdOn, @Nullable String sharedBy, @Nullable String sharedByName, @Nullable LocalDate sharedOn,
			boolean editable, List<Explanation> explanations, List<VerdictView> verdicts, Figures figures) {

		public @Nullable String explanation(long unitId) {
			return explanations.stream().filter(e -> e.unitId() == unitId).map(Explanation::text).findFirst()
				.orElse(null);
		}

		public @Nullable VerdictView verdict(long strategyId) {
			return verdicts.stream().filter(v -> v.strategyId() == strategyId).findFirst().orElse(null);
		}
	}
}
