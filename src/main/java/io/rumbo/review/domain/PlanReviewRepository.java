package io.rumbo.review.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanReviewRepository extends JpaRepository<PlanReview, Long> {
}
