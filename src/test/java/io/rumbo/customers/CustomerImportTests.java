package io.rumbo.customers;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.imports.ImportError;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportSummary;
import io.rumbo.organization.StaffId;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer import over several chunks: accounts created and changed in batches with their ownership history,
 * one audit entry and one {@link CustomersImported} per file, tax ids unique whatever their case (an index lookup),
 * and a dry run that reports what the import would and writes nothing. On H2 and PostgreSQL.
 */
@RumboIntegrationTest
@RecordApplicationEvents
class CustomerImportTests {

	private static final String HEADER = "external_id,legal_name,tax_id,segment,company_size,city,potential_class,"
			+ "annual_potential,status,owner,unit\n";

	@Autowired
	ImportService imports;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	CurrentUser admin;

	@BeforeEach
	void setUp() {
		admin = users.actAs("admin").orElseThrow();
	}

	/**
	 * The accounts this class imports leave the shared demo database again, so tests that count the demo's accounts
	 * (about four hundred) do not depend on the order the classes run in.
	 */
	@AfterEach
	void removeImportedAccounts() {
		String ours = "SELECT id FROM customer_account WHERE external_id LIKE 'BULK-%'";
		jdbc.sql("DELETE FROM customer_ownership WHERE customer_id IN (" + ours + ")").update();
		jdbc.sql("DELETE FROM customer_account WHERE id IN (" + ours + ")").update();
	}

	private ImportSummary run(String prefix, String csv, boolean dryRun) {
		return imports.run(admin, "customers", prefix + ".csv", csv.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH,
				dryRun, ImportRows.Progress.NONE);
	}

	private long count(String sql, Object... likes) {
		var spec = jdbc.sql(sql);
		for (int i = 0; i < likes.length; i++) {
			spec = spec.param("p" + i, likes[i]);
		}
		return spec.query(Long.class).single();
	}

	private long importEntries() {
		return count("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'IMPORT'");
	}

	@Test
	void twoThousandFiveHundredAccountsLoadAcrossChunksWithHistoryOneAuditEntryAndOneEvent() {
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 1; i <= 2_500; i++) {
			file.append("BULK-%05d,Bulk %d S.L.,bk-%05d,SMALL_BUSINESS,SMALL,Getafe,C,%d.5,ACTIVE,E0019,\n".formatted(i, i,
					i, i));
		}
		long auditBefore = importEntries();
		long customerAuditBefore = count("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'CUSTOMER'");

		ImportSummary first = run("bulk", file.toString(), false);

		assertThat(first.errors()).isEmpty();
		assertThat(first.created()).isEqualTo(2_500);
		assertThat(count("SELECT COUNT(*) FROM customer_account WHERE external_id LIKE 'BULK-%'")).isEqualTo(2_500);
		assertThat(count("SELECT COUNT(*) FROM customer_account WHERE external_id LIKE 'BULK-%'"
				+ " AND tax_key = UPPER(tax_id) AND tax_key LIKE 'BK-%' AND version = 0 AND archived = FALSE"))
			.as("the tax key is kept by the import as by the form").isEqualTo(2_500);
		assertThat(count("""
				SELECT COUNT(*) FROM customer_ownership o JOIN customer_account c ON c.id = o.customer_id
				WHERE c.external_id LIKE 'BULK-%' AND o.valid_to IS NULL AND o.owner_staff_id = c.owner_staff_id
				AND o.unit_id = c.unit_id""")).isEqualTo(2_500);
		assertThat(importEntries()).as("one summary entry for the file").isEqualTo(auditBefore + 1);
		assertThat(count("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'CUSTOMER'"))
			.as("no entry per account").isEqualTo(customerAuditBefore);
		List<CustomersImported> announced = events.stream(CustomersImported.class).toList();
		assertThat(announced).singleElement().satisfies(e -> {
			assertThat(e.created()).isEqualTo(2_500);
			assertThat(e.reassigned()).isZero();
			assertThat(e.updated()).isZero();
			assertThat(e.owners()).hasSize(1);
			assertThat(e.units()).hasSize(1);
		});
		assertThat(events.stream(CustomerCreated.class)).isEmpty();

		ImportSummary again = run("bulk", file.toString(), false);
		assertThat(again.unchanged()).isEqualTo(2_500);
		assertThat(again.created() + again.updated()).isZero();
		assertThat(events.stream(CustomersImported.class)).as("an unchanged file announces nothing").hasSize(1);

		// One account changes hands and one only its city: the first gets a new ownership period, both a version.
		long otherOwner = jdbc.sql("SELECT id FROM org_staff WHERE employee_number = 'E0022'").query(Long.class).single();
		String changed = HEADER + "BULK-00001,Bulk 1 S.L.,BK-00001,SMALL_BUSINESS,SMALL,Getafe,C,1.5,ACTIVE,E0022,\n"
				+ "BULK-00002,Bulk 2 S.L.,bk-00002,SMALL_BUSINESS,SMALL,Leganés,C,2.5,ACTIVE,,\n";
		ImportSummary third = run("bulk-changed", changed, false);
		assertThat(third.errors()).isEmpty();
		assertThat(third.updated()).isEqualTo(2);
		Map<String, Object> moved = jdbc.sql("SELECT id, owner_staff_id, version, tax_key FROM customer_account"
				+ " WHERE external_id = 'BULK-00001'").query().singleRow();
		assertThat(((Number) moved.get("owner_staff_id")).longValue()).isEqualTo(otherOwner);
		assertThat(((Number) moved.get("version")).longValue()).isEqualTo(1);
		assertThat(moved.get("tax_key")).isEqualTo("BK-00001");
		long movedId = ((Number) moved.get("id")).longValue();
		assertThat(count("SELECT COUNT(*) FROM customer_ownership WHERE customer_id = :p0", movedId))
			.as("the ownership opened today is corrected, not split in two").isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM customer_ownership WHERE customer_id = :p0 AND valid_to IS NULL"
				+ " AND owner_staff_id = :p1", movedId, otherOwner)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT city FROM customer_account WHERE external_id = 'BULK-00002'").query(String.class)
			.single()).isEqualTo("Leganés");
		assertThat(events.stream(CustomersImported.class).toList().get(1)).satisfies(e -> {
			assertThat(e.created()).isZero();
			assertThat(e.reassigned()).isEqualTo(1);
			assertThat(e.updated()).as("the city changed too: a copy of account fields must learn of it").isEqualTo(2);
			assertThat(e.owners()).contains(StaffId.of(otherOwner));
			assertThat(e.effectiveDate()).isEqualTo(LocalDate.now());
		});
	}

	@Test
	void aTaxIdIsTakenWhateverItsCaseAndTwiceInAFileIsADuplicate() {
		String existing = jdbc.sql("SELECT tax_id FROM customer_account WHERE tax_id IS NOT NULL AND archived = FALSE"
				+ " ORDER BY id FETCH FIRST 1 ROWS ONLY").query(String.class).single();
		String file = HEADER + "TAX-1,Uno S.L.," + existing.toLowerCase(Locale.ROOT)
				+ ",SMALL_BUSINESS,SMALL,Getafe,C,,ACTIVE,E0019,\n"
				+ "TAX-2,Dos S.L.,x-777,SMALL_BUSINESS,SMALL,Getafe,C,,ACTIVE,E0019,\n"
				+ "TAX-3,Tres S.L.,X-777,SMALL_BUSINESS,SMALL,Getafe,C,,ACTIVE,E0019,\n"
				+ "TAX-4,Cuatro S.L.,x!,SMALL_BUSINESS,SMALL,Getafe,C,-5,ACTIVE,E0019,\n";

		ImportSummary answer = run("tax", file, false);

		assertThat(error(answer, 2, "tax_id")).contains(existing.toLowerCase(Locale.ROOT));
		assertThat(error(answer, 4, "tax_id")).contains("row 3");
		assertThat(error(answer, 5, "tax_id")).isNotBlank();
		assertThat(error(answer, 5, "annual_potential")).isNotBlank();
		assertThat(count("SELECT COUNT(*) FROM customer_account WHERE external_id LIKE 'TAX-%'")).isZero();
	}

	@Test
	void aDryRunReportsWhatTheImportReportsAndWritesNothing() {
		String bad = HEADER + "DRY-1,Seco S.L.,DRY-0001,SMALL_BUSINESS,SMALL,Getafe,C,,ACTIVE,E0019,\n"
				+ "DRY-2,Seco Dos S.L.,,SMALL_BUSINESS,HUGE,Getafe,C,,ACTIVE,NOBODY,\n"
				+ "DRY-3,Seco Tres S.L.,,SMALL_BUSINESS,SMALL,Getafe,C,,ACTIVE,,NO-UNIT\n"
				+ "DRY-1,Seco Otra Vez S.L.,dry-0001,SMALL_BUSINESS,SMALL,Getafe,C,,ACTIVE,E0019,\n";
		long accounts = count("SELECT COUNT(*) FROM customer_account");
		long audit = count("SELECT COUNT(*) FROM identity_audit_event");

		ImportSummary dry = run("dry", bad, true);
		ImportSummary real = run("dry", bad, false);

		assertThat(dry.errors()).isNotEmpty().isEqualTo(real.errors());
		assertThat(dry.errors()).extracting(ImportError::row).contains(3L, 4L, 5L);

		String good = HEADER + "DRY-1,Seco S.L.,DRY-0001,SMALL_BUSINESS,SMALL,Getafe,C,,ACTIVE,E0019,\n";
		ImportSummary check = run("dry", good, true);
		assertThat(check.errors()).isEmpty();
		assertThat(check.written()).isFalse();
		assertThat(check.created()).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM customer_account")).isEqualTo(accounts);
		assertThat(count("SELECT COUNT(*) FROM identity_audit_event")).as("no audit entry").isEqualTo(audit);
		assertThat(events.stream(CustomersImported.class)).as("no event").isEmpty();
		assertThat(events.stream(CustomerCreated.class)).as("no event").isEmpty();
	}

	private static String error(ImportSummary summary, long row, String column) {
		return summary.errors()
			.stream()
			.filter(e -> e.row() == row && column.equals(e.column()))
			.map(ImportError::message)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no error at row " + row + " " + column + ": " + summary.errors()));
	}
}
