package io.rumbo.organization.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffRepository extends JpaRepository<Staff, Long> {

	Optional<Staff> findByUserId(long userId);

	boolean existsByEmployeeNumberIgnoreCase(String employeeNumber);

	boolean existsByEmployeeNumberIgnoreCaseAndIdNot(String employeeNumber, long id);

	boolean existsByUserIdAndIdNot(long userId, long id);

	long countByUnitIdAndArchivedFalse(long unitId);
}
