package io.rumbo.territories.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TerritoryRepository extends JpaRepository<Territory, Long> {

	List<Territory> findByModelIdOrderByRankAscIdAsc(long modelId);
}
