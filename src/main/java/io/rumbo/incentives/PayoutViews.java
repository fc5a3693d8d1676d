package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.metrics.Metric;

/** What the payout runs and statements API reads. */
public final class PayoutViews {

	private PayoutViews() {
	}

	/**
	 * A run: its period (first and last day), its population (a plan code; absent: every approved plan), its state,
	 * how many statements and what it pays, and the audit trail of who calculated, approved and exported it.
	 * {@code planNames} are the names of the plan versions the run paid, in the order of {@code planCodes}.
	 */
	public record RunView(long id, String periodCode, LocalDate from, LocalDate to, @Nullable String planCode,
			List<String> planCodes, List<String> planNames, RunState state, int people, BigDecimal total, String calculatedBy,
			Instant calculatedAt, @Nullable String approvedBy, @Nullable Instant approvedAt,
			@Nullable String exportedBy, @Nullable Instant exportedAt, long version) {
	}

	/**
	 * A person's statement in a run for a plan (its code and the name of the version the run paid): the sum of the earning lines, what the plan's cap took, the
	 * adjustments and clawbacks of earlier periods, the draw (positive: an advance; negative: a recovery), what the
	 * person owed before and after, and what is payable.
	 */
	public record StatementSummary(long runId, String periodCode, RunState runState, String planCode,
			String planName, long staffId,
			String staffName, long unitId, BigDecimal earned, BigDecimal planCapped, BigDecimal adjustments,
			BigDecimal clawbacks, DrawKind drawKind, BigDecimal draw, BigDecimal owedBefore, BigDecimal owedAfter,
			BigDecimal payable) {
	}

	/**
	 * A line of a statement, with everything that explains its amount (IncentiveCalculation's line as persisted);
	 * for a correction, the period it corrects, what was paid for it and the difference. {@code records}: the
	 * metrics API listing the orders (or other records) behind the measure value. {@code dispute}: the line's latest
	 * dispute, if any; {@code citesDispute}: for an adjustment line, the dispute whose adjustment it pays.
	 */
	public record StatementLine(long id, PayoutLineKind kind, int component, String componentName, Metric metric,
			@Nullable Long productLineId, MeasuredOn measuredOn, String forPeriod, LocalDate from, LocalDate to,
			@Nullable BigDecimal value, @Nullable BigDecimal quota, @Nullable BigDecimal attainment, int tier,
			@Nullable BigDecimal rate, @Nullable BigDecimal tableAmount, @Nullable BigDecimal multiplied,
			@Nullable BigDecimal bonus, @Nullable BigDecimal proration, @Nullable BigDecimal capped,
			@Nullable String held, @Nullable BigDecimal paidBefore, @Nullable BigDecimal difference,
			BigDecimal amount, String records, DisputeViews.@Nullable LineDispute dispute,
			@Nullable Long citesDispute) {
	}

	/** A statement in full. */
	public record StatementView(StatementSummary summary, List<StatementLine> lines) {
	}
}
