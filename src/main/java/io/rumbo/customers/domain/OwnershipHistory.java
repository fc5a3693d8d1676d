package io.rumbo.customers.domain;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.customers.OwnershipPeriod;
import io.rumbo.shared.history.PeriodTable;

/** Who owned an account, and in which unit, from which date to which. */
@Component
public class OwnershipHistory {

	private final JdbcClient jdbc;
	private final PeriodTable periods;

	OwnershipHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.periods = new PeriodTable(jdbc, "customer_ownership", "customer_id", "owner_staff_id", "unit_id");
	}

	public void assign(Customer customer, @Nullable Long ownerStaffId, long unitId, LocalDate effective) {
		periods.change(customer.id(), effective, ownerStaffId, unitId);
		customer.assign(ownerStaffId, unitId);
	}

	public List<OwnershipPeriod> of(long customerId) {
		return jdbc.sql("""
				SELECT owner_staff_id, unit_id, valid_from, valid_to FROM customer_ownership
				WHERE customer_id = :id ORDER BY valid_from DESC""")
			.param("id", customerId)
			.query((rs, n) -> new OwnershipPeriod((Long) rs.getObject(1, Long.class), rs.getLong(2),
					rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
			.list();
	}
}
