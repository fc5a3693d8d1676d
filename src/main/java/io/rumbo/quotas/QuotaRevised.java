package io.rumbo.quotas;

import java.time.Instant;

/**
 * A published quota plan changed: a new version, published at once with the reason for the change, replaced the one
 * that counted until then. Acknowledgements carry over only for people whose quota stayed exactly the same.
 */
public record QuotaRevised(int fiscalYear, long versionId, int versionNumber, long replacedVersionId, String reason,
		String revisedBy, Instant revisedAt) {
}
