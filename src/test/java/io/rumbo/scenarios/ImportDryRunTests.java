package io.rumbo.scenarios;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.rumbo.catalog.ProductCostChanged;
import io.rumbo.customers.ServiceCaseOpened;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.imports.ImportError;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportSummary;
import io.rumbo.sales.ActivityDone;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run checks everything an import checks, including what the module's facade checks when it writes, and
 * writes nothing: no row, no audit entry, no event. For contacts, service cases, visits and products (customers in
 * {@code CustomerImportTests}, orders in their own tests); on H2 and PostgreSQL.
 */
@RumboIntegrationTest
@RecordApplicationEvents
class ImportDryRunTests {

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

	private ImportSummary run(String kind, String csv, boolean dryRun) {
		return imports.run(admin, kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH, dryRun,
				ImportRows.Progress.NONE);
	}

	private long rows(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private long audit() {
		return rows("identity_audit_event");
	}

	/** The bad file gets the same errors either way; the good file is counted, and only the real run writes it. */
	private void sameErrorsThenNothingWritten(String kind, String table, String bad, String good, long... badRows) {
		ImportSummary dry = run(kind, bad, true);
		ImportSummary real = run(kind, bad, false);
		assertThat(dry.errors()).as(kind).isNotEmpty().isEqualTo(real.errors());
		assertThat(dry.errors()).extracting(ImportError::row).as(kind).contains(badRows.length == 0 ? new Long[0]
				: java.util.Arrays.stream(badRows).boxed().toArray(Long[]::new));

		long before = rows(table);
		long audited = audit();
		ImportSummary check = run(kind, good, true);
		assertThat(check.errors()).as(kind).isEmpty();
		assertThat(check.written()).isFalse();
		assertThat(check.created()).as(kind).isEqualTo(1);
		assertThat(rows(table)).as(kind + " rows").isEqualTo(before);
		assertThat(audit()).as(kind + " audit").isEqualTo(audited);

		ImportSummary written = run(kind, good, false);
		assertThat(written.errors()).as(kind).isEmpty();
		assertThat(written.created()).as(kind).isEqualTo(1);
		assertThat(rows(table)).as(kind + " rows").isEqualTo(before + 1);
	}

	@Test
	void contacts() {
		String header = "external_id,customer,full_name,job_title,role,email,phone,primary\n";
		sameErrorsThenNothingWritten("contacts", "customer_contact",
				header + "DRY-CON-1,CLI-00115,Ana Ruiz,,BUYER,not-an-email,,true\n"
						+ "DRY-CON-2,NO-SUCH-CUSTOMER,Luis Gil,,BUYER,,,\n",
				header + "DRY-CON-3,CLI-00115,Ana Ruiz,,BUYER,ana@example.com,,true\n", 2, 3);
		long customer = jdbc.sql("SELECT id FROM customer_account WHERE external_id = 'CLI-00115'").query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT external_id FROM customer_contact WHERE customer_id = :id AND is_primary = TRUE"
				+ " AND archived = FALSE").param("id", customer).query(String.class).list())
			.as("the imported primary contact is the account's only one").containsExactly("DRY-CON-3");
	}

	@Test
	void serviceCases() {
		String header = "external_id,customer,order,subject,category,priority,opened_on,resolved_on,resolution\n";
		String future = LocalDate.now().plusDays(3).toString();
		sameErrorsThenNothingWritten("service-cases", "customer_service_case",
				header + "DRY-CAS-1,CLI-00115,,Tóner,QUALITY,HIGH," + future + ",,\n"
						+ "DRY-CAS-2,CLI-00115,PED-1900-000001,Tóner,QUALITY,HIGH,2026-01-05,,\n",
				header + "DRY-CAS-3,CLI-00115,,Tóner,QUALITY,HIGH,2026-01-05,,\n", 2, 3);
		assertThat(events.stream(ServiceCaseOpened.class)).as("only the real run opens a case").hasSize(1);
	}

	@Test
	void visits() {
		String header = "external_id,customer,type,salesperson,planned_on,done_on,duration_minutes,outcome,notes,"
				+ "next_step\n";
		sameErrorsThenNothingWritten("visits", "sales_activity",
				header + "DRY-VIS-1,CLI-00115,VISIT,E0019,2026-11-03,2024-01-03,60,,,\n"
						+ "DRY-VIS-2,CLI-00115,VISIT,NOBODY,2026-11-03,,,,,\n",
				header + "DRY-VIS-3,CLI-00115,VISIT,E0019,2026-11-03,2026-11-03,60,,,\n", 2, 3);
		assertThat(events.stream(ActivityDone.class)).as("only the real run announces the visit").hasSize(1);
	}

	@Test
	void products() {
		String header = "sku,name_es,name_en,line,unit,list_price,standard_cost,cost_from,active\n";
		sameErrorsThenNothingWritten("products", "catalog_product",
				header + "BAD SKU!,Agenda,Diary,PAP,UNIT,12.50,5.10,2026-01-01,true\n"
						+ "DRY-PRD-2,Agenda,Diary,NO-LINE,UNIT,12.50,,,true\n",
				header + "DRY-PRD-3,Agenda,Diary,PAP,UNIT,12.50,5.10,2026-01-01,true\n", 2, 3);
		assertThat(events.stream(ProductCostChanged.class)).as("only the real run sets a cost").hasSize(1);
	}
}
