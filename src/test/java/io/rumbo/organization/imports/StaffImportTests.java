package io.rumbo.organization.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.imports.ImportError;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportSummary;
import io.rumbo.organization.StaffMoved;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The staff import on the demo company: people with optional sign-in accounts (opened without a usable password,
 * decision 0012), moves effective on a date, problems by row and column, all or nothing, idempotent, dry run, and
 * who may open accounts. On H2 and PostgreSQL.
 */
@RumboIntegrationTest
@RecordApplicationEvents
class StaffImportTests {

	static final String HEADER = "employee_number,first_name,last_name,email,phone,hire_date,unit,job_role,"
			+ "qualification_level,status,effective_date,username,user_roles\n";

	@Autowired
	ImportService imports;

	@Autowired
	UserManagement users;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Clock clock;

	CurrentUser admin;

	String p;

	@BeforeEach
	void setUp() {
		admin = users.actAs("admin").orElseThrow();
		p = "OIS" + System.nanoTime() % 100_000;
		ImportSummary units = run(admin, "org-units", OrgUnitImportTests.HEADER
				+ p + "-T1,Equipo Uno,TEAM,S-BIO,,,2025-01-01,\n" + p + "-T2,Equipo Dos,TEAM,S-BIO,,,2025-01-01,\n"
				+ p + "-TM,Equipo Madrid,TEAM,S-MAD,,,2025-01-01,\n", false);
		assertThat(units.errors()).isEmpty();
	}

	@AfterEach
	void removeImported() {
		OrgImportCleanup.remove(jdbc, "OIS");
	}

	ImportSummary run(CurrentUser actor, String kind, String csv, boolean dryRun) {
		return imports.run(actor, kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH, dryRun,
				ImportRows.Progress.NONE);
	}

	ImportSummary staff(CurrentUser actor, String rows) {
		return run(actor, "staff", HEADER + rows, false);
	}

	long people() {
		return jdbc.sql("SELECT COUNT(*) FROM org_staff WHERE employee_number LIKE :p").param("p", p + "%")
			.query(Long.class).single();
	}

	@Test
	void peopleWithAccountsAreCreatedWithoutAUsablePasswordAndTheSameFileAgainChangesNothing() {
		String file = HEADER + p + "-E1,Ana,Ruiz Gil,ana@alba.example,+34 600 000 001,2025-03-01," + p
				+ "-T1,SALESPERSON,2,ACTIVE,," + p + "-ana,REP\n"
				+ p + "-E2,Luis,Mora Paz,,,2025-04-01," + p.toLowerCase() + "-t2,team_leader,4,,,,\n";

		ImportSummary dry = run(admin, "staff", file, true);
		assertThat(dry.errors()).isEmpty();
		assertThat(dry.created()).isEqualTo(2);
		assertThat(people()).as("a dry run writes nothing").isZero();
		assertThat(users.findByUsername(p + "-ana")).as("nor opens an account").isEmpty();

		ImportSummary first = run(admin, "staff", file, false);
		assertThat(first.errors()).isEmpty();
		assertThat(first.created()).isEqualTo(2);
		UserView account = users.findByUsername(p + "-ana").orElseThrow();
		assertThat(account.roles()).containsExactly(Role.REP);
		assertThat(account.displayName()).isEqualTo("Ana Ruiz Gil");
		assertThat(account.email()).isEqualTo("ana@alba.example");
		assertThat(jdbc.sql("SELECT user_id FROM org_staff WHERE employee_number = :n").param("n", p + "-E1")
			.query(Long.class).single()).isEqualTo(account.id());
		String hash = jdbc.sql("SELECT password_hash FROM identity_user WHERE id = :id").param("id", account.id())
			.query(String.class).single();
		for (String guess : List.of("", "demo", p + "-ana", "password")) {
			assertThat(passwords.matches(guess, hash)).as("no password signs in: " + guess).isFalse();
		}

		ImportSummary again = run(admin, "staff", file, false);
		assertThat(again.errors()).isEmpty();
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.created() + again.updated()).isZero();

		// New roles for the account are a change of the person's row, made by an administrator.
		ImportSummary roles = staff(admin, p + "-E1,Ana,Ruiz Gil,ana@alba.example,+34 600 000 001,2025-03-01," + p
				+ "-T1,SALESPERSON,2,ACTIVE,," + p + "-ANA,manager;rep\n");
		assertThat(roles.errors()).isEmpty();
		assertThat(roles.updated()).isEqualTo(1);
		assertThat(users.findByUsername(p + "-ana").orElseThrow().roles()).containsExactlyInAnyOrder(Role.MANAGER,
				Role.REP);
	}

	@Test
	void aNewUnitMovesThePersonFromTheEffectiveDateOrTheImportDay() {
		assertThat(staff(admin, p + "-E1,Ana,Ruiz,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,,\n"
				+ p + "-E2,Eva,Sanz,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,,\n").errors()).isEmpty();
		long ana = jdbc.sql("SELECT id FROM org_staff WHERE employee_number = :n").param("n", p + "-E1")
			.query(Long.class).single();

		ImportSummary moves = staff(admin, p + "-E1,Ana,Ruiz,,,2025-03-01," + p + "-T2,SALESPERSON,2,,2026-03-01,,\n"
				+ p + "-E2,Eva,Sanz,,,2025-03-01," + p + "-T2,SALESPERSON,2,,,,\n");

		assertThat(moves.errors()).isEmpty();
		assertThat(moves.updated()).isEqualTo(2);
		List<Map<String, Object>> periods = jdbc.sql("""
				SELECT u.code, a.valid_from, a.valid_to FROM org_staff_assignment a JOIN org_unit u ON u.id = a.unit_id
				WHERE a.staff_id = :id ORDER BY a.valid_from""").param("id", ana).query().listOfRows();
		assertThat(periods).extracting(r -> r.get("code"), r -> String.valueOf(r.get("valid_from")),
				r -> String.valueOf(r.get("valid_to")))
			.containsExactly(tuple(p + "-T1", "2025-03-01", "2026-03-01"), tuple(p + "-T2", "2026-03-01", "null"));
		assertThat(jdbc.sql("""
				SELECT a.valid_from FROM org_staff_assignment a JOIN org_staff s ON s.id = a.staff_id
				WHERE s.employee_number = :n AND a.valid_to IS NULL""").param("n", p + "-E2").query(LocalDate.class)
			.single()).as("no date: the move takes effect on the import day").isEqualTo(LocalDate.now(clock));
		assertThat(events.stream(StaffMoved.class).filter(e -> e.staff().value() == ana)).singleElement()
			.satisfies(e -> assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2026, 3, 1)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'STAFF' AND entity_id = :id"
				+ " AND action = 'UPDATE'").param("id", String.valueOf(ana)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void everyProblemIsReportedOnItsRowAndColumnAndNothingIsWritten() {
		ImportSummary summary = staff(admin, p + "-E1,Ana,Ruiz,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,,\n" // 2: fine
				+ p + "-E2,Eva,Sanz,,,2025-03-01,NO-UNIT,SALESPERSON,2,,,,\n" // 3: unknown unit
				+ p + "-e1,Rep,Etida,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,,\n" // 4: repeated number
				+ p + "-E4,Mal,Correo,no-es-correo,,2025-13-01," + p + "-T1,CHIEF,9,,,,\n" // 5: e-mail, date, role, level
				+ p + "-E5,Sin,Usuario,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,,REP\n" // 6: roles without user
				+ p + "-E6,Mal,Rol,,,2025-03-01," + p + "-T1,SALESPERSON,2,,," + p + "-x,REP;BOSS\n" // 7: not a role
				+ p + "-E7,Sin,Roles,,,2025-03-01," + p + "-T1,SALESPERSON,2,,," + p + "-y,\n" // 8: a new account needs roles
				+ p + "-E8,Ya,Vinculada,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,director,REP\n"); // 9: linked elsewhere

		assertThat(summary.written()).isFalse();
		assertThat(summary.errors()).extracting(ImportError::row, ImportError::column)
			.containsExactlyInAnyOrder(tuple(3L, "unit"), tuple(4L, "employee_number"), tuple(5L, "email"),
					tuple(5L, "hire_date"), tuple(5L, "job_role"), tuple(5L, "qualification_level"),
					tuple(6L, "username"), tuple(7L, "user_roles"), tuple(8L, "user_roles"), tuple(9L, "username"));
		assertThat(people()).as("all or nothing").isZero();
	}

	@Test
	void accountsAreOpenedByAdministratorsAndLinkedByTheRolesThatLinkThemOnScreen() {
		CurrentUser director = users.actAs("director").orElseThrow();
		CurrentUser manager = users.actAs("manager").orElseThrow();
		UserView loose = users.createWithoutPassword(admin,
				new UserManagement.NewAccount(p + "-loose", "Cuenta Suelta", null, Set.of(Role.REP)));

		ImportSummary byDirector = staff(director, p + "-E1,Ana,Ruiz,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,"
				+ p + "-new,REP\n" + p + "-E2,Eva,Sanz,,,2025-03-01," + p + "-T1,SALESPERSON,2,,," + p + "-loose,\n");
		assertThat(byDirector.errors()).extracting(ImportError::row, ImportError::column)
			.containsExactly(tuple(2L, "username"));

		ImportSummary linked = staff(director, p + "-E2,Eva,Sanz,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,"
				+ p + "-loose,REP\n");
		assertThat(linked.errors()).isEmpty();
		assertThat(jdbc.sql("SELECT user_id FROM org_staff WHERE employee_number = :n").param("n", p + "-E2")
			.query(Long.class).single()).isEqualTo(loose.id());
		ImportSummary newRoles = staff(director, p + "-E2,Eva,Sanz,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,"
				+ p + "-loose,MANAGER\n");
		assertThat(newRoles.errors()).extracting(ImportError::column).containsExactly("user_roles");

		// The demo manager leads Región Centro: Madrid is theirs, Bilbao is not, and accounts are not theirs to link.
		ImportSummary byManager = staff(manager, p + "-E3,Rosa,Gil,,,2025-03-01," + p + "-TM,SALESPERSON,2,,,,\n"
				+ p + "-E4,Pablo,Paz,,,2025-03-01," + p + "-T1,SALESPERSON,2,,,,\n"
				+ p + "-E5,Lola,Mar,,,2025-03-01," + p + "-TM,SALESPERSON,2,,," + p + "-loose,\n");
		assertThat(byManager.errors()).extracting(ImportError::row, ImportError::column)
			.containsExactlyInAnyOrder(tuple(3L, "unit"), tuple(4L, "username"));
		assertThat(staff(manager, p + "-E3,Rosa,Gil,,,2025-03-01," + p + "-TM,SALESPERSON,2,,,,\n").created())
			.isEqualTo(1);
		assertThat(imports.kind("staff").mayImport(users.actAs("rep").orElseThrow())).isFalse();
	}

	@Test
	void aSpreadsheetWithRealDateAndNumberCellsImportsAsItsCsvWould() throws java.io.IOException {
		byte[] xlsx;
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			var sheet = book.createSheet("staff");
			String[] header = HEADER.trim().split(",");
			var head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			var date = book.createCellStyle();
			date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue(p + "-X1");
			row.createCell(1).setCellValue("Marta");
			row.createCell(2).setCellValue("Vidal Soler");
			row.createCell(5).setCellValue(LocalDate.of(2025, 9, 1));
			row.getCell(5).setCellStyle(date);
			row.createCell(6).setCellValue(p + "-T1");
			row.createCell(7).setCellValue("KEY_ACCOUNT_MANAGER");
			row.createCell(8).setCellValue(3);
			book.write(out);
			xlsx = out.toByteArray();
		}

		ImportSummary summary = imports.run(admin, "staff", "staff.xlsx", xlsx, Locale.ENGLISH, false,
				ImportRows.Progress.NONE);

		assertThat(summary.errors()).isEmpty();
		assertThat(summary.created()).isEqualTo(1);
		Map<String, Object> person = jdbc.sql("SELECT hire_date, qualification_level, job_role FROM org_staff"
				+ " WHERE employee_number = :n").param("n", p + "-X1").query().singleRow();
		assertThat(person.get("hire_date").toString()).isEqualTo("2025-09-01");
		assertThat(((Number) person.get("qualification_level")).intValue()).isEqualTo(3);
		assertThat(person.get("job_role")).isEqualTo("KEY_ACCOUNT_MANAGER");
		assertThat(imports.run(admin, "staff", "staff.xlsx", xlsx, Locale.ENGLISH, false, ImportRows.Progress.NONE)
			.unchanged()).isEqualTo(1);
	}
}
