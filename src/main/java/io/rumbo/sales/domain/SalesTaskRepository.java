package io.rumbo.sales.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SalesTaskRepository extends JpaRepository<SalesTask, Long> {
}
