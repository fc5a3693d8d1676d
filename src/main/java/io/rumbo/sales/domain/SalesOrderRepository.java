package io.rumbo.sales.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {

	boolean existsByExternalNumber(String externalNumber);

	boolean existsByExternalNumberAndIdNot(String externalNumber, long id);
}
