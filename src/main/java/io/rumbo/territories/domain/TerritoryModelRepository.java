package io.rumbo.territories.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.rumbo.territories.ModelStatus;

public interface TerritoryModelRepository extends JpaRepository<TerritoryModel, Long> {

	List<TerritoryModel> findByStatus(ModelStatus status);
}
