package io.rumbo.incentives;

import java.math.BigDecimal;
import java.util.List;

/**
 * Finance approved a payout run: it is locked, its statements are final and visible to the people they are for, and
 * it may be exported to payroll. {@code total}: what the run pays, in cents.
 */
public record PayoutRunApproved(PayoutRunId run, String periodCode, List<String> planCodes, int people,
		BigDecimal total, String approvedBy) {
}
