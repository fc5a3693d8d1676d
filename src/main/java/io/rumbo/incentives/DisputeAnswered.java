package io.rumbo.incentives;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;

/**
 * Finance closed a dispute: {@code outcome} ANSWERED (an explanation), ADJUSTED ({@code adjustment}, the amount the
 * next payout run of the person and plan pays) or REJECTED; {@code response} the answer or the reason (a
 * notification for the person may listen).
 */
public record DisputeAnswered(DisputeId dispute, PayoutRunId run, String planCode, StaffId staff,
		DisputeState outcome, String response, @Nullable BigDecimal adjustment, String answeredBy) {
}
