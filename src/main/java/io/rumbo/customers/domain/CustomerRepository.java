package io.rumbo.customers.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

	boolean existsByExternalId(String externalId);

	boolean existsByExternalIdAndIdNot(String externalId, long id);

	/** Holders of a tax id, compared as {@link Customer#taxKey(String)} does (an index lookup). */
	java.util.List<Customer> findByTaxKey(String taxKey);

	java.util.List<Customer> findByExternalId(String externalId);
}
