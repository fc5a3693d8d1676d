package io.rumbo.organization.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

	boolean existsByCodeIgnoreCase(String code);

	java.util.List<OrgUnit> findByManagerStaffId(long staffId);

	boolean existsByCodeIgnoreCaseAndIdNot(String code, long id);
}
