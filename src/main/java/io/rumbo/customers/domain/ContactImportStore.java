package io.rumbo.customers.domain;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.rumbo.customers.ContactRole;
import io.rumbo.shared.domain.StaleVersionException;

/**
 * The contact import's writes, a chunk at a time: new contacts in one batch, changed ones in another (each guarded
 * by the version read), and one primary contact per account kept with one statement per account that got a new
 * primary, so that an account with hundreds of contacts is never read whole.
 */
@Component
public class ContactImportStore {

	/** A contact as the file gives it; {@code id} and {@code version} those read for an update, else 0. */
	public record Values(long id, long version, long customerId, String externalId, String fullName,
			@Nullable String jobTitle, ContactRole role, @Nullable String email, @Nullable String phone,
			boolean primary) {
	}

	private final JdbcTemplate template;

	ContactImportStore(JdbcTemplate template) {
		this.template = template;
	}

	public void insert(List<Values> contacts) {
		if (contacts.isEmpty()) {
			return;
		}
		template.batchUpdate("INSERT INTO customer_contact (customer_id, external_id, full_name, job_title,"
				+ " contact_role, email, phone, is_primary, archived, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, 0)",
				contacts, contacts.size(), (ps, v) -> {
					ps.setLong(1, v.customerId());
					bind(ps, 2, v);
				});
	}

	public void update(List<Values> contacts) {
		if (contacts.isEmpty()) {
			return;
		}
		int[][] counts = template.batchUpdate("UPDATE customer_contact SET customer_id = ?, external_id = ?,"
				+ " full_name = ?, job_title = ?, contact_role = ?, email = ?, phone = ?, is_primary = ?,"
				+ " version = version + 1 WHERE id = ? AND version = ?", contacts, contacts.size(), (ps, v) -> {
					ps.setLong(1, v.customerId());
					int index = bind(ps, 2, v);
					ps.setLong(index++, v.id());
					ps.setLong(index, v.version());
				});
		int i = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				Values v = contacts.get(i++);
				if (count == 0) {
					throw new StaleVersionException(v.version(), v.externalId());
				}
			}
		}
	}

	/** Leaves {@code primaries}' contact (by external id) the only primary one of its account. */
	public void keepOnePrimary(Map<Long, String> primaries) {
		if (primaries.isEmpty()) {
			return;
		}
		List<Map.Entry<Long, String>> entries = List.copyOf(primaries.entrySet());
		template.batchUpdate("UPDATE customer_contact SET is_primary = FALSE, version = version + 1"
				+ " WHERE customer_id = ? AND is_primary = TRUE AND archived = FALSE"
				+ " AND (external_id IS NULL OR external_id <> ?)", entries, entries.size(), (ps, e) -> {
					ps.setLong(1, e.getKey());
					ps.setString(2, e.getValue());
				});
	}

	private static int bind(PreparedStatement ps, int index, Values v) throws SQLException {
		ps.setString(index++, v.externalId());
		ps.setString(index++, v.fullName());
		setString(ps, index++, v.jobTitle());
		ps.setString(index++, v.role().name());
		setString(ps, index++, v.email());
		setString(ps, index++, v.phone());
		ps.setBoolean(index++, v.primary());
		return index;
	}

	private static void setString(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.VARCHAR);
		}
		else {
			ps.setString(index, value);
		}
	}
}
