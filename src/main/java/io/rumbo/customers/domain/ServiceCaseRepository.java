package io.rumbo.customers.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {

	boolean existsByExternalId(String externalId);

	boolean existsByExternalIdAndIdNot(String externalId, long id);
}
