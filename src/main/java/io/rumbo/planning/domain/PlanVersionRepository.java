package io.rumbo.planning.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanVersionRepository extends JpaRepository<PlanVersion, Long> {

	List<PlanVersion> findByPlanIdOrderByNumberDesc(long planId);
}
