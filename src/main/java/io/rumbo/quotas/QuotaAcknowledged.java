package io.rumbo.quotas;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;

/** A salesperson acknowledged their quota of a published version, with an optional comment. */
public record QuotaAcknowledged(int fiscalYear, long versionId, StaffId staff, Instant acknowledgedAt,
		@Nullable String comment) {
}
