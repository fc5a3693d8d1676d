package io.rumbo.quotas;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;

/**
 * Where a person stands with their quota of a fiscal year: the published version that holds it and whether they have
 * acknowledged it (when, with what comment).
 *
 * @param versionNumber the number of the published quota version within the fiscal year
 * @param publishedAt when that version was published
 */
public record QuotaStatus(StaffId staff, int fiscalYear, long versionId, int versionNumber, Instant publishedAt,
		boolean acknowledged, @Nullable Instant acknowledgedAt, @Nullable String comment) {
}
