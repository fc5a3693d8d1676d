package io.rumbo.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductCostRepository extends JpaRepository<ProductCost, Long> {

	Optional<ProductCost> findByProductIdAndValidFrom(long productId, LocalDate validFrom);

	List<ProductCost> findByProductIdOrderByValidFrom(long productId);
}
