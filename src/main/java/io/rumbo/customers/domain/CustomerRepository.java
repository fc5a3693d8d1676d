package io.rumbo.customers.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

	boolean existsByTaxIdIgnoreCase(String taxId);

	boolean existsByTaxIdIgnoreCaseAndIdNot(String taxId, long id);

	boolean existsByExternalId(String externalId);

	boolean existsByExternalIdAndIdNot(String externalId, long id);

	java.util.List<Customer> findByTaxIdIgnoreCase(String taxId);

	java.util.List<Customer> findByExternalId(String externalId);
}
