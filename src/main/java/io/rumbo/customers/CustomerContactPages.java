package io.rumbo.customers;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;

/**
 * A customer's contacts a page at a time, for the customer page: an account migrated from another system may hold
 * hundreds of them, and the page must open without reading them all. The primary contact comes first, then by name.
 */
@Service
public class CustomerContactPages {

	private final CustomerManagement customers;
	private final JdbcClient jdbc;

	CustomerContactPages(CustomerManagement customers, JdbcClient jdbc) {
		this.customers = customers;
		this.jdbc = jdbc;
	}

	/** One page of the customer's current contacts with their count; a customer out of scope is not found. */
	@Transactional(readOnly = true)
	public CustomerSalesHistory.Page<ContactView> page(CurrentUser actor, long customerId, int page, int size) {
		customers.get(actor, customerId);
		long total = jdbc.sql("SELECT COUNT(*) FROM customer_contact WHERE customer_id = :id AND archived = FALSE")
			.param("id", customerId)
			.query(Long.class)
			.single();
		List<ContactView> rows = jdbc.sql("""
				SELECT * FROM customer_contact WHERE customer_id = :id AND archived = FALSE
				ORDER BY is_primary DESC, full_name, id LIMIT :size OFFSET :offset""")
			.param("id", customerId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new ContactView(rs.getLong("id"), rs.getLong("version"), rs.getLong("customer_id"),
					rs.getString("external_id"), rs.getString("full_name"), rs.getString("job_title"),
					ContactRole.valueOf(rs.getString("contact_role")), rs.getString("email"), rs.getString("phone"),
					rs.getBoolean("is_primary")))
			.list();
		return new CustomerSalesHistory.Page<>(rows, total, page, size);
	}
}
