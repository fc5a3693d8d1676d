package io.rumbo.incentives.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import io.rumbo.incentives.PlanState;

/** The plan versions; lists and scoped reads are set-based SQL in {@link PlanQueries}. */
public interface IncentivePlanRepository extends JpaRepository<IncentivePlan, Long> {

	@Query("SELECT COALESCE(MAX(p.number), 0) FROM IncentivePlan p WHERE p.code = :code")
	int lastNumber(String code);

	boolean existsByCode(String code);

	boolean existsByCodeAndState(String code, PlanState state);

	Optional<IncentivePlan> findByCodeAndState(String code, PlanState state);
}
