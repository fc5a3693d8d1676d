package io.rumbo.incentives;

import java.time.Instant;

import io.rumbo.organization.StaffId;

/** An award was revoked, with the reason; its record stays, marked revoked. */
public record AwardRevoked(AwardId award, StaffId staff, String reason, String revokedBy, Instant revokedAt) {
}
