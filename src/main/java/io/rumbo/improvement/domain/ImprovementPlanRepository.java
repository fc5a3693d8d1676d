package io.rumbo.improvement.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ImprovementPlanRepository extends JpaRepository<ImprovementPlan, Long> {
}
