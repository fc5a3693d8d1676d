package io.rumbo.organization.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.rumbo.organization.JobRole;

public interface PositionRepository extends JpaRepository<Position, Long> {

	Optional<Position> findByUnitIdAndJobRole(long unitId, JobRole jobRole);
}
