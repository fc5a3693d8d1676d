package io.rumbo.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.organization.DataScope;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports resolve only the external ids their file names, in batches of a thousand, within the reader's scope;
 * pickers offer a few accounts in scope. On the demo company, on H2 and PostgreSQL.
 */
@RumboIntegrationTest
class CustomerLookupTests {

	@Autowired
	CustomerDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void externalIdsResolveAcrossBatchesWithinTheScopeAndUnknownOnesAreLeftOut() {
		List<String> all = jdbc.sql("SELECT external_id FROM customer_account WHERE external_id IS NOT NULL"
				+ " AND archived = FALSE ORDER BY id").query(String.class).list();
		assertThat(all).hasSizeGreaterThan(100);
		// More than two batches: the demo's ids, padded with ids nobody carries.
		List<String> asked = new ArrayList<>(all);
		for (int i = 0; asked.size() < 2_500; i++) {
			asked.add("NOBODY-" + i);
		}
		Map<String, CustomerView> found = directory.byExternalIds(DataScope.EVERYTHING, asked, false);
		assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(all);
		assertThat(found.values()).allSatisfy(c -> assertThat(c.ownerName() == null || !c.ownerName().isBlank()).isTrue());

		Map<String, Object> owner = jdbc.sql("SELECT owner_staff_id, unit_id FROM customer_account"
				+ " WHERE owner_staff_id IS NOT NULL AND external_id IS NOT NULL ORDER BY id FETCH FIRST 1 ROWS ONLY")
			.query().singleRow();
		long staff = ((Number) owner.get("owner_staff_id")).longValue();
		List<String> own = jdbc.sql("SELECT external_id FROM customer_account WHERE owner_staff_id = :staff"
				+ " AND external_id IS NOT NULL AND archived = FALSE").param("staff", staff).query(String.class).list();
		DataScope rep = new DataScope(false, Set.of(), staff, ((Number) owner.get("unit_id")).longValue());
		assertThat(directory.byExternalIds(rep, asked, false).keySet()).containsExactlyInAnyOrderElementsOf(own);
		assertThat(directory.byExternalIds(DataScope.NOTHING, asked, false)).isEmpty();
		assertThat(directory.byExternalIds(DataScope.EVERYTHING, List.of(), false)).isEmpty();

		List<CustomerId> ids = directory.byExternalIds(DataScope.EVERYTHING, all, false).values().stream()
			.map(c -> CustomerId.of(c.id())).toList();
		assertThat(directory.visible(rep, ids)).hasSize(own.size());
		assertThat(directory.visible(DataScope.EVERYTHING, ids)).hasSize(ids.size());
	}
}
