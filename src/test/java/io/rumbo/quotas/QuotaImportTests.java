package io.rumbo.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportError;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportSummary;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffView;
import io.rumbo.quotas.QuotaViews.QuotaLevelRow;
import io.rumbo.quotas.QuotaViews.QuotaLevelView;
import io.rumbo.quotas.QuotaViews.QuotaVersionView;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;

/**
 * The quota import on the small company of {@link QuotaTestCompany}: the whole file checked first with every
 * problem named by row and column, nothing written on any error, a draft written in place, binding quotas changed
 * only as a new version with a reason, a manager only within their team and its pool, and the same file twice
 * changing nothing the second time. In team 1 a1, a2 and the mover share 1,000.00 a month until June (333.33 or
 * 333.34 each), a1 and a2 500.00 each from July.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "imports")
@Import(CleanDatabase.class)
class QuotaImportTests extends QuotaTestCompany {

	static final String HEADER = "employee_number,fiscal_month,measure,amount\n";

	@Autowired
	ImportService imports;

	@Autowired
	JdbcClient jdbc;

	private ImportSummary load(CurrentUser actor, String rows, boolean dryRun, String reason) {
		return load(actor, rows, dryRun, reason, Locale.ENGLISH);
	}

	private ImportSummary load(CurrentUser actor, String rows, boolean dryRun, String reason, Locale locale) {
		return imports.run(actor, "quotas", "quotas.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8), locale,
				dryRun, reason, ImportRows.Progress.NONE);
	}

	private String m(int month) {
		return "FY" + year + "-M" + String.format("%02d", month);
	}

	private QuotaLevelRow row(QuotaVersionView v, StaffView person) {
		QuotaLevelView level = level(v, team1, Metric.REVENUE);
		return level.rows().stream().filter(r -> r.id() == person.id()).findFirst().orElseThrow();
	}

	private QuotaVersionView latest() {
		return queries.plan(ADMIN, year).versions().get(0);
	}

	@Test
	void aDraftTakesTheFiguresInPlaceAndTheSameFileAgainChangesNothing() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		BigDecimal a2May = row(v, a2).months().get(4);
		String file = a1.employeeNumber() + "," + m(1) + ",revenue,700\n"
				+ a1.employeeNumber() + "," + m(2) + ",Revenue,800.5\n"
				+ a1.employeeNumber() + "," + m(8) + ",revenue,900.00\n"
				+ a2.employeeNumber() + "," + m(5) + ",revenue," + a2May.toPlainString() + "\n";

		ImportSummary first = load(ADMIN, file, false, "");

		assertThat(first.errors()).isEmpty();
		assertThat(first.updated()).isEqualTo(3);
		assertThat(first.unchanged()).as("a2's figure is already her quota").isEqualTo(1);
		assertThat(first.note()).isEqualTo("3 figures written into fiscal year " + year + ", version 1.");
		QuotaVersionView after = latest();
		assertThat(after.number()).as("in place").isEqualTo(1);
		assertThat(after.state()).isEqualTo("DRAFT");
		QuotaLevelRow a1Row = row(after, a1);
		assertThat(a1Row.months().subList(0, 3)).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("700.00"), new BigDecimal("800.50"), new BigDecimal("333.33"));
		assertThat(a1Row.months().get(7)).isEqualByComparingTo("900.00");
		assertThat(a1Row.imported()).isTrue();
		assertThat(row(after, a2).imported()).as("an unchanged row fixes nothing").isFalse();
		// The others keep their split; the team's mismatch shows what the file moved: 1,000 - (700 + 333.33 + 333.34)...
		QuotaLevelView team = level(after, team1, Metric.REVENUE);
		assertThat(team.mismatch()).as("-(700 - 333.34) - (800.50 - 333.33) - (900 - 500)")
			.isEqualByComparingTo("-1233.83");

		ImportSummary again = load(ADMIN, file, false, "");

		assertThat(again.errors()).isEmpty();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(4);
		assertThat(again.note()).isEqualTo("Every figure in the file is already the quota of fiscal year " + year
				+ ", version 1: nothing was changed.");
		assertThat(latest().version()).as("nothing written the second time").isEqualTo(after.version());
	}

	@Test
	void everyProblemIsNamedByRowAndColumnAndNothingIsWritten() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		String a1n = a1.employeeNumber();
		String file = "NOBODY," + m(1) + ",revenue,1\n"
				+ a1n + ",2026-03,revenue,1\n"
				+ a1n + ",FY" + year + "-Q1,revenue,1\n"
				+ a1n + "," + m(1) + ",nonsense,1\n"
				+ a1n + "," + m(1) + ",revenue,-5\n"
				+ a1n + "," + m(1) + ",revenue,1.005\n"
				+ a1n + "," + m(2) + ",revenue,10\n"
				+ a1n + "," + m(2) + ",revenue,20\n"
				+ a1n + ",FY" + (year + 1) + "-M01,revenue,1\n"
				+ a1n + "," + m(3) + ",new_customers,1.5\n"
				+ a1n + "," + m(4) + ",revenue,\n";

		ImportSummary summary = load(ADMIN, file, false, "");

		assertThat(summary.written()).isFalse();
		assertThat(summary.errors()).extracting(ImportError::row, ImportError::column).containsExactly(
				tuple(2L, "employee_number"), tuple(3L, "fiscal_month"), tuple(4L, "fiscal_month"), tuple(5L, "measure"),
				tuple(6L, "amount"), tuple(7L, "amount"), tuple(9L, "employee_number"), tuple(10L, "fiscal_month"),
				tuple(11L, "amount"), tuple(12L, "amount"));
		assertThat(summary.errors().get(6).message()).isEqualTo(a1n + " already has a figure of revenue for " + m(2)
				+ " in row 8.");
		assertThat(summary.errors().get(9).message()).isEqualTo("A value is required.");
		assertThat(latest().version()).isEqualTo(v.version());
		assertThat(row(latest(), a1).imported()).isFalse();

		// Once the file reads, the checks against the version: a measure it has no quota of, a month the person
		// is not in a selling unit; worded in the reader's language.
		ImportSummary facts = load(ADMIN, a1.employeeNumber() + "," + m(1) + ",visits,10\n" + hire.employeeNumber()
				+ "," + m(2) + ",revenue,100\n" + a1.employeeNumber() + "," + m(1) + ",revenue,1\n", false, "",
				Locale.forLanguageTag("es"));
		assertThat(facts.errors()).extracting(ImportError::row, ImportError::column)
			.containsExactly(tuple(2L, "measure"), tuple(3L, "fiscal_month"));
		assertThat(facts.errors().get(0).message()).startsWith("Las cuotas del año fiscal " + year
				+ " no tienen la medida visits;");
		assertThat(facts.errors().get(1).message()).startsWith("En la versión 1 esta persona no tiene cuota en ese mes");
		assertThat(row(latest(), a1).imported()).as("all or nothing").isFalse();

		assertThat(load(ADMIN, a1.employeeNumber() + ",FY" + (year + 40) + "-M01,revenue,1\n", false, "").errors())
			.extracting(ImportError::row, ImportError::column, ImportError::message)
			.containsExactly(tuple(2L, "fiscal_month", "Fiscal year " + (year + 40)
					+ " has no quota plan yet; a director starts it from the sales plan on the Quotas page."));
	}

	@Test
	void bindingQuotasChangeOnlyAsANewVersionWithTheImportsReason(AssertablePublishedEvents events) {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		v = quotas.publish(ADMIN, v.id(), v.version(), true);
		quotas.acknowledge(b1User, year, "Vale");
		String file = a1.employeeNumber() + "," + m(3) + ",revenue,450\n" + a1.employeeNumber() + "," + m(4)
				+ ",revenue,450\n";

		ImportSummary noReason = load(ADMIN, file, false, " ");
		assertThat(noReason.errors()).as("the import's, not a row's").extracting(ImportError::row, ImportError::column)
			.containsExactly(tuple(0L, null));
		assertThat(noReason.errors().get(0).message()).isEqualTo("These figures change binding quotas of fiscal year "
				+ year + " (version 1), so the import makes version 2: write the reason for the change (the Reason "
				+ "field, or the reason parameter of the API).");

		ImportSummary dry = load(ADMIN, file, true, "Reparto acordado con el equipo");
		assertThat(dry.errors()).isEmpty();
		assertThat(dry.written()).isFalse();
		assertThat(dry.note()).isEqualTo("The file would change 2 binding figures: it would publish fiscal year " + year
				+ ", version 2 with your reason.");
		assertThat(latest().number()).as("a dry run writes nothing").isEqualTo(1);

		ImportSummary done = load(ADMIN, file, false, "Reparto acordado con el equipo");

		assertThat(done.errors()).isEmpty();
		assertThat(done.updated()).isEqualTo(2);
		QuotaVersionView revised = latest();
		assertThat(revised.number()).isEqualTo(2);
		assertThat(revised.state()).isEqualTo("PUBLISHED");
		assertThat(revised.reason()).isEqualTo("Reparto acordado con el equipo");
		assertThat(queries.version(ADMIN, v.id()).state()).isEqualTo("SUPERSEDED");
		assertThat(events.ofType(QuotaRevised.class).matching(e -> e.reason().equals("Reparto acordado con el equipo")))
			.hasSize(1);
		// Shown against the previous version: a1's year moved by (450 - 333.33) + (450 - 333.34).
		assertThat(people.differences(ADMIN, revised.id())).anySatisfy(d -> {
			assertThat(d.id()).isEqualTo(a1.id());
			assertThat(d.metric()).isEqualTo(Metric.REVENUE);
			assertThat(d.change()).isEqualByComparingTo("233.33");
		});
		assertThat(reading.status(year, StaffId.of(b1.id()))).get().satisfies(s -> {
			assertThat(s.versionNumber()).isEqualTo(2);
			assertThat(s.acknowledged()).as("b1's quota did not move").isTrue();
		});
		assertThat(jdbc.sql("""
				SELECT summary FROM identity_audit_event
				WHERE entity_type = 'QUOTA_VERSION' AND entity_id = :id AND action = 'REVISE'""")
			.param("id", String.valueOf(revised.id())).query(String.class).list())
			.containsExactly("Reparto acordado con el equipo");
		assertThat(load(ADMIN, file, false, "").note()).as("the same file again: nothing, and no reason needed")
			.contains("nothing was changed");
		assertThat(latest().number()).isEqualTo(2);
	}

	@Test
	void aManagerImportsOnlyTheirTeamAndWithinItsPool() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		assertThatThrownBy(() -> imports.check(b1User, "quotas")).isInstanceOf(AccessRefusedException.class);
		String file = a1.employeeNumber() + "," + m(1) + ",revenue,400\n" + b1.employeeNumber() + "," + m(1)
				+ ",revenue,400\n";

		// A manager works within the published figure of their unit: not in the director's draft, nor before the
		// region's level above is released.
		assertThat(load(lead, file, false, "").errors()).extracting(ImportError::row, ImportError::column,
				ImportError::message).containsExactly(tuple(2L, "employee_number", "The figure of Equipo 1 is not "
						+ "published yet: its people's quotas are set once the level above is released."),
						tuple(3L, "employee_number", "This record is outside what you may change."));
		v = quotas.publish(ADMIN, v.id(), v.version(), false);
		assertThat(load(lead, file, false, "").errors()).hasSize(2);
		long region = level(v, team1, Metric.REVENUE).parentUnitId();
		v = quotas.release(ADMIN, v.id(), v.version(), region);
		ImportSummary outside = load(lead, file, false, "");
		assertThat(outside.errors()).extracting(ImportError::row, ImportError::column, ImportError::message)
			.containsExactly(tuple(3L, "employee_number", "This record is outside what you may change."));
		assertThat(row(latest(), a1).imported()).isFalse();
		ImportSummary prepared = load(lead, a1.employeeNumber() + "," + m(1) + ",revenue,300\n", false, "");
		assertThat(prepared.errors()).isEmpty();
		assertThat(prepared.note()).as("team 1's split does not bind yet: in place, no reason")
			.isEqualTo("One figure written into fiscal year " + year + ", version 1.");

		v = quotas.release(lead, latest().id(), latest().version(), team1.id());
		// Team 1's pool is its 12,000.00 (no over-assignment); it hands out 11,966.66 of it.
		ImportSummary over = load(lead, a1.employeeNumber() + "," + m(1) + ",revenue,400\n" + a1.employeeNumber()
				+ "," + m(2) + ",revenue,300\n", false, "Más para a1");
		assertThat(over.errors()).extracting(ImportError::row, ImportError::column).containsExactly(tuple(2L, "amount"));
		assertThat(over.errors().get(0).message())
			.startsWith("With this file Equipo 1 would hand out 12,033.33, more than its pool of 12,000.00");

		ImportSummary within = load(lead, a1.employeeNumber() + "," + m(1) + ",revenue,250\n", false, "Menos en enero");
		assertThat(within.errors()).isEmpty();
		assertThat(latest().number()).isEqualTo(2);
		assertThat(row(latest(), a1).months().get(0)).isEqualByComparingTo("250.00");

		// A director may hand out more than the pool: the mismatch shows it.
		assertThat(load(ADMIN, a1.employeeNumber() + "," + m(2) + ",revenue,5000\n", false, "Objetivo especial")
			.errors()).isEmpty();
		assertThat(level(latest(), team1, Metric.REVENUE).mismatch()).isNegative();
	}

	@Test
	void allocatingTheLevelAgainReplacesTheImportedFigures() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		assertThat(load(ADMIN, a1.employeeNumber() + "," + m(1) + ",revenue,999\n", false, "").errors()).isEmpty();
		v = latest();
		assertThat(row(v, a1).imported()).isTrue();

		v = quotas.allocate(ADMIN, v.id(), v.version(), team1.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, BigDecimal.ZERO, Map.of()), null);

		assertThat(row(v, a1).imported()).isFalse();
		assertThat(row(v, a1).months().get(0)).isEqualByComparingTo("333.34");
		assertThat(level(v, team1, Metric.REVENUE).mismatch()).isEqualByComparingTo("0");
	}

	@Test
	void aMoverIsImportedIntoTheUnitOfEachMonthAndAnXlsxFileReadsAsItsCsv() throws Exception {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		byte[] xlsx;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = book.createSheet("quotas");
			String[] header = HEADER.strip().split(",");
			var head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			Object[][] rows = { { mover.employeeNumber(), m(2), "revenue", 111.5 },
					{ mover.employeeNumber(), m(9), "revenue", 222.0 } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < 3; c++) {
					row.createCell(c).setCellValue((String) rows[r][c]);
				}
				row.createCell(3).setCellValue((Double) rows[r][3]);
			}
			book.write(out);
			xlsx = out.toByteArray();
		}

		ImportSummary summary = imports.run(ADMIN, "quotas", "quotas.xlsx", xlsx, Locale.ENGLISH, false, null,
				ImportRows.Progress.NONE);

		assertThat(summary.errors()).isEmpty();
		assertThat(summary.updated()).isEqualTo(2);
		v = latest();
		assertThat(row(v, mover).months().get(1)).as("February, in team 1").isEqualByComparingTo("111.50");
		QuotaLevelRow inTeam2 = level(v, team2, Metric.REVENUE).rows().stream().filter(r -> r.id() == mover.id())
			.findFirst().orElseThrow();
		assertThat(inTeam2.months().get(8)).as("September, in team 2").isEqualByComparingTo("222.00");
		assertThat(imports.run(ADMIN, "quotas", "quotas.xlsx", xlsx, Locale.ENGLISH, false, null,
				ImportRows.Progress.NONE).unchanged()).isEqualTo(2);
		assertThat(reading.personQuotas(year, Set.of(StaffId.of(mover.id())), Set.of(Metric.REVENUE)))
			.as("a draft binds nobody").isEmpty();
	}
}
