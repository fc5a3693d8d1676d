package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the disputes API reads. */
public final class DisputeViews {

	private DisputeViews() {
	}

	/**
	 * A dispute: the line it questions (run, period, plan, person, component, the period the line pays and its
	 * amount), the comment and who raised it, and finance's outcome: the answer or reason, the adjustment granted
	 * and the run that paid it ({@code paidRunId}; absent while it waits for the next run).
	 */
	@Schema(name = "IncentivesDispute")
	public record DisputeView(long id, long runId, String periodCode, long lineId, String planCode, long staffId,
			String staffName, long unitId, int component, String componentName, String forPeriod,
			BigDecimal lineAmount, DisputeState state, String comment, String raisedBy, Instant raisedAt,
			@Nullable String response, @Nullable BigDecimal adjustment, @Nullable String resolvedBy,
			@Nullable Instant resolvedAt, @Nullable Long paidRunId, long version) {
	}

	/** A statement line's latest dispute, as the statement shows it. */
	@Schema(name = "IncentivesLineDispute")
	public record LineDispute(long id, DisputeState state) {
	}
}
