package io.rumbo.incentives;

import java.time.Instant;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * An award was granted to a person: by a rule's decision for a closed period, by a manager, or from an evaluation
 * nomination. {@code kind}: the award kind's code; {@code period}: the fiscal period's code ({@code FY2026-Q2}).
 */
public record AwardGranted(AwardId award, String kind, StaffId staff, UnitId unit, String period, AwardSource source,
		String citation, String grantedBy, Instant grantedAt) {
}
