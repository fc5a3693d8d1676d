package io.rumbo.organization.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.UnitMoved;
import io.rumbo.organization.domain.OrgQueries;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The org-units import on the demo company: parents named later in the file, cycles and unknown parents as row
 * errors, moves effective on a date with their history and audit entry, all or nothing, idempotent, dry run. On H2
 * and PostgreSQL.
 */
@RumboIntegrationTest
@RecordApplicationEvents
class OrgUnitImportTests {

	static final String HEADER = "code,name,kind,parent,location,manager,valid_from,effective_date\n";

	@Autowired
	ImportService imports;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrgUnitManagement management;

	@Autowired
	ApplicationEvents events;

	CurrentUser admin;

	String p;

	@BeforeEach
	void setUp() {
		admin = users.actAs("admin").orElseThrow();
		p = "OIU" + System.nanoTime() % 100_000;
	}

	@AfterEach
	void removeImported() {
		OrgImportCleanup.remove(jdbc, "OIU");
	}

	ImportSummary run(CurrentUser actor, String csv, boolean dryRun, Locale locale) {
		return imports.run(actor, "org-units", "units.csv", csv.getBytes(StandardCharsets.UTF_8), locale, dryRun,
				ImportRows.Progress.NONE);
	}

	ImportSummary run(String csv) {
		return run(admin, csv, false, Locale.ENGLISH);
	}

	String parentOf(String code) {
		return jdbc.sql("SELECT p.code FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.code = :c")
			.param("c", code)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	String exportedParent(String code, @Nullable LocalDate asOf) {
		List<String> parents = new java.util.ArrayList<>();
		management.each(admin, new OrgUnitManagement.UnitFilter(code, null, null, false, asOf),
				ListQuery.of(0, 1, List.of("code"), OrgQueries.UNIT_SORTS, "code").unpaged(),
				u -> parents.add(u.code() + ">" + u.parentCode()));
		return parents.stream().filter(l -> l.startsWith(code + ">")).map(l -> l.substring(code.length() + 1))
			.findFirst().orElseThrow();
	}

	long units() {
		return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code LIKE :p").param("p", p + "%").query(Long.class).single();
	}

	@Test
	void childrenBeforeTheirParentsAreWrittenParentsFirstAndTheSameFileAgainChangesNothing() {
		String file = HEADER + p + "-T1,Equipo Uno,TEAM," + p + "-B,Huesca,,2025-01-01,\n"
				+ p + "-T2,Equipo Dos,team," + p + "-b,,,2025-02-01,\n"
				+ p + "-B,Sucursal Aragón,BRANCH,R-NORTE,Zaragoza,,2025-01-01,\n";

		ImportSummary dry = run(admin, file, true, Locale.ENGLISH);
		assertThat(dry.errors()).isEmpty();
		assertThat(dry.created()).isEqualTo(3);
		assertThat(dry.written()).isFalse();
		assertThat(units()).as("a dry run writes nothing").isZero();

		ImportSummary first = run(file);
		assertThat(first.errors()).isEmpty();
		assertThat(first.created()).isEqualTo(3);
		assertThat(parentOf(p + "-T1")).isEqualTo(p + "-B");
		assertThat(parentOf(p + "-T2")).isEqualTo(p + "-B");
		assertThat(parentOf(p + "-B")).isEqualTo("R-NORTE");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit_placement pl JOIN org_unit u ON u.id = pl.unit_id"
				+ " WHERE u.code LIKE :p AND pl.valid_to IS NULL").param("p", p + "%").query(Long.class).single())
			.as("each unit placed in the history from its valid_from").isEqualTo(3);

		ImportSummary again = run(file);
		assertThat(again.errors()).isEmpty();
		assertThat(again.unchanged()).isEqualTo(3);
		assertThat(again.created() + again.updated()).isZero();
	}

	@Test
	void everyProblemIsReportedOnItsRowAndColumnAndNothingIsWritten() {
		String file = HEADER + p + "-OK,Bien,TEAM,S-BIO,,,,\n" // row 2: valid, yet not written
				+ p + "-X,Ciclo X,TEAM," + p + "-Y,,,,\n" // rows 3 and 4: a cycle inside the file
				+ p + "-Y,Ciclo Y,TEAM," + p + "-X,,,,\n"
				+ p + "-N,Sin padre,TEAM,NO-EXISTE,,,,\n" // row 5: unknown parent
				+ p + "-C,Empresa,COMPANY,ALBA,,,,\n" // row 6: a company under another unit
				+ p + "-K,Tipo,SQUAD,S-BIO,,,,\n" // row 7: not a kind
				+ p + "-ok,Repetida,TEAM,S-BIO,,,nunca,\n" // row 8: repeated code (any case) and a bad date
				+ p + "-M,Jefe,TEAM,S-BIO,,NO-EMP,,\n" // row 9: unknown manager
				+ p + "-S,Yo,TEAM," + p + "-S,,,,\n"; // row 10: its own parent

		ImportSummary summary = run(file);

		assertThat(summary.written()).isFalse();
		assertThat(summary.errors()).extracting(ImportError::row, ImportError::column)
			.contains(org.assertj.core.groups.Tuple.tuple(3L, "parent"), org.assertj.core.groups.Tuple.tuple(4L, "parent"),
					org.assertj.core.groups.Tuple.tuple(5L, "parent"), org.assertj.core.groups.Tuple.tuple(6L, "parent"),
					org.assertj.core.groups.Tuple.tuple(7L, "kind"), org.assertj.core.groups.Tuple.tuple(8L, "code"),
					org.assertj.core.groups.Tuple.tuple(8L, "valid_from"), org.assertj.core.groups.Tuple.tuple(9L, "manager"),
					org.assertj.core.groups.Tuple.tuple(10L, "parent"));
		assertThat(summary.errors()).noneMatch(e -> e.row() == 2);
		assertThat(summary.errors()).filteredOn(e -> e.row() == 5).singleElement()
			.satisfies(e -> assertThat(e.message()).contains("NO-EXISTE"));
		assertThat(units()).as("all or nothing").isZero();

		ImportSummary spanish = run(admin, file, false, Locale.forLanguageTag("es"));
		assertThat(spanish.errors()).filteredOn(e -> e.row() == 5).singleElement()
			.satisfies(e -> assertThat(e.message()).startsWith("No hay ninguna unidad activa NO-EXISTE"));
	}

	@Test
	void aNewParentMovesTheUnitFromTheEffectiveDateKeepingItsHistoryInTheAuditTrail() {
		assertThat(run(HEADER + p + "-A,Antigua,BRANCH,R-NORTE,,,2025-01-01,\n"
				+ p + "-B,Nueva,BRANCH,R-SUR,,,2025-01-01,\n"
				+ p + "-T,Equipo,TEAM," + p + "-A,,,2025-01-01,\n").errors()).isEmpty();
		long team = jdbc.sql("SELECT id FROM org_unit WHERE code = :c").param("c", p + "-T").query(Long.class).single();

		ImportSummary move = run(HEADER + p + "-T,Equipo,TEAM," + p + "-B,,,2025-01-01,2026-06-01\n");

		assertThat(move.errors()).isEmpty();
		assertThat(move.updated()).isEqualTo(1);
		assertThat(parentOf(p + "-T")).isEqualTo(p + "-B");
		List<Map<String, Object>> periods = jdbc.sql("""
				SELECT p.code AS parent, pl.valid_from, pl.valid_to FROM org_unit_placement pl
				JOIN org_unit p ON p.id = pl.parent_id WHERE pl.unit_id = :id ORDER BY pl.valid_from""")
			.param("id", team)
			.query()
			.listOfRows();
		assertThat(periods).hasSize(2);
		assertThat(periods.get(0).get("parent")).isEqualTo(p + "-A");
		assertThat(periods.get(0).get("valid_to").toString()).isEqualTo("2026-06-01");
		assertThat(periods.get(1).get("parent")).isEqualTo(p + "-B");
		assertThat(periods.get(1).get("valid_from").toString()).isEqualTo("2026-06-01");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'ORG_UNIT'"
				+ " AND entity_id = :id AND action = 'UPDATE'").param("id", String.valueOf(team)).query(Long.class).single())
			.isEqualTo(1);
		assertThat(events.stream(UnitMoved.class).filter(e -> e.unit().value() == team))
			.singleElement()
			.satisfies(e -> assertThat(e.effectiveDate()).hasToString("2026-06-01"));

		// The export names the parent the unit had on the date asked for, in its own query.
		assertThat(exportedParent(p + "-T", LocalDate.of(2026, 5, 31))).isEqualTo(p + "-A");
		assertThat(exportedParent(p + "-T", LocalDate.of(2026, 6, 1))).isEqualTo(p + "-B");
		assertThat(exportedParent(p + "-T", null)).isEqualTo(p + "-B");

		ImportSummary early = run(HEADER + p + "-T,Equipo,TEAM," + p + "-A,,,,2026-01-01\n");
		assertThat(early.errors()).as("a move before the current placement would rewrite history")
			.singleElement()
			.satisfies(e -> assertThat(e.column()).isEqualTo("effective_date"));
	}

	@Test
	void aMoveUnderItsOwnSubtreeIsACycleThroughTheTree() {
		assertThat(run(HEADER + p + "-A,Arriba,BRANCH,R-NORTE,,,2025-01-01,\n"
				+ p + "-B,Abajo,TEAM," + p + "-A,,,2025-01-01,\n").errors()).isEmpty();

		ImportSummary cycle = run(HEADER + p + "-A,Arriba,BRANCH," + p + "-B,,,2025-01-01,\n");

		assertThat(cycle.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(2);
			assertThat(e.column()).isEqualTo("parent");
		});
		assertThat(parentOf(p + "-A")).isEqualTo("R-NORTE");

		// Swapping the two in one file is no cycle: the file and the tree together stay a tree.
		ImportSummary swap = run(HEADER + p + "-A,Arriba,BRANCH," + p + "-B,,,2025-01-01,2026-06-01\n"
				+ p + "-B,Abajo,BRANCH,R-NORTE,,,2025-01-01,2026-06-01\n");
		assertThat(swap.errors()).isEmpty();
		assertThat(swap.updated()).isEqualTo(2);
		assertThat(parentOf(p + "-A")).isEqualTo(p + "-B");
		assertThat(parentOf(p + "-B")).isEqualTo("R-NORTE");
	}

	@Test
	void managersComeInASecondPassOnceTheirPeopleAreImported() {
		String units = HEADER + p + "-B,Sucursal,BRANCH,R-SUR,,%s,2025-01-01,\n";
		ImportSummary tooEarly = run(units.formatted(p + "-E1"));
		assertThat(tooEarly.errors()).singleElement().satisfies(e -> assertThat(e.column()).isEqualTo("manager"));

		assertThat(run(units.formatted("")).errors()).isEmpty();
		ImportSummary people = imports.run(admin, "staff", "staff.csv", (StaffImportTests.HEADER + p
				+ "-E1,Ana,Jefa,,,2025-01-01," + p + "-B,BRANCH_MANAGER,4,,,,\n").getBytes(StandardCharsets.UTF_8),
				Locale.ENGLISH, false, ImportRows.Progress.NONE);
		assertThat(people.errors()).isEmpty();
		ImportSummary second = run(units.formatted(p + "-E1"));
		assertThat(second.errors()).isEmpty();
		assertThat(second.updated()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT m.employee_number FROM org_unit u JOIN org_staff m ON m.id = u.manager_staff_id"
				+ " WHERE u.code = :c").param("c", p + "-B").query(String.class).single()).isEqualTo(p + "-E1");
		assertThat(run(units.formatted("")).unchanged()).as("a blank manager keeps the manager").isEqualTo(1);
	}

	@Test
	void onlyTheRolesThatShapeTheTreeImportUnits() {
		assertThat(imports.kind("org-units").mayImport(users.actAs("director").orElseThrow())).isTrue();
		assertThat(imports.kind("org-units").mayImport(users.actAs("manager").orElseThrow())).isFalse();
		assertThat(imports.kind("org-units").mayImport(users.actAs("rep").orElseThrow())).isFalse();
	}
}
