package io.rumbo.incentives;

import io.rumbo.organization.StaffId;

/**
 * A person questioned a line of their statement: the run and plan it is in, the line, whose statement it is and who
 * raised it (a notification for finance may listen).
 */
public record DisputeRaised(DisputeId dispute, PayoutRunId run, String planCode, long lineId, StaffId staff,
		String periodCode, String raisedBy) {
}
