package io.rumbo.territories.domain;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.rumbo.territories.ModelStatus;

public interface TerritoryModelRepository extends JpaRepository<TerritoryModel, Long> {

	List<TerritoryModel> findByStatus(ModelStatus status);

	/** The scheduled models whose date has come ({@code scheduledFor <= on}), earliest first. */
	List<TerritoryModel> findByStatusAndScheduledForLessThanEqualOrderByScheduledForAsc(ModelStatus status,
			LocalDate on);
}
