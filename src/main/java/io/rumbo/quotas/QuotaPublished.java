package io.rumbo.quotas;

import java.time.Instant;
import java.util.List;

import io.rumbo.organization.UnitId;

/**
 * Quotas became binding: a director published a version (its company level, or more levels at once), or a manager
 * released the level of a unit in their subtree. Published in the transaction that makes them binding.
 *
 * @param units the units whose levels (their split among sub-units and members) were released
 */
public record QuotaPublished(int fiscalYear, long versionId, int versionNumber, List<UnitId> units, String publishedBy,
		Instant publishedAt) {
}
