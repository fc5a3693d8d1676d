package io.rumbo.planning;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A plan version became the one that counts for its fiscal year: its targets are now the ones results are measured
 * against. Published in the transaction that activates it.
 *
 * @param versionId the version now active
 * @param fiscalYear the plan's fiscal year (named by the calendar year it starts in)
 * @param replacedVersionId the version active until then, now closed; absent for a plan's first active version
 * @param activatedOn the day it was activated
 */
public record PlanVersionActivated(PlanVersionId versionId, int fiscalYear, @Nullable PlanVersionId replacedVersionId,
		LocalDate activatedOn) {
}
