package io.rumbo.review;

/** A review was shared with the people of its unit (its figures are frozen from now on). */
public record PlanReviewShared(long reviewId, long unitId, int fiscalYear, String period, String sharedBy) {
}
