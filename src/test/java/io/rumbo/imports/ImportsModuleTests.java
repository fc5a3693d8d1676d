package io.rumbo.imports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The imports module with only what it needs (shared, and identity for the audit line of a written import; no module
 * that owns records, no demo company) running a tiny importer of its own through {@link ImportService}: a file is
 * written whole or not at all. A bad row, a row refused while writing, or a dry run leave the table as it was and
 * write no audit line. Booted standalone, imports does not start ({@code ImportService} needs identity's
 * {@code AuditTrail}), nor with its direct dependencies: Modulith boots the modules whose beans a module uses, which
 * for imports is identity alone (it uses only types of shared), and identity's {@code AuditTrail} needs shared's
 * {@code Clock}. All its dependencies are just identity and shared.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import({ CleanDatabase.class, ImportsModuleTests.Notes.class })
class ImportsModuleTests {

	static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN));

	/** A code the fake records refuse while writing, as a done visit refuses another done day. */
	static final String REFUSED = "DONE";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "imports");
	}

	@Autowired
	ImportService imports;

	@Autowired
	JdbcClient jdbc;

	long auditsBefore;

	@BeforeEach
	void emptyTable() {
		jdbc.sql("CREATE TABLE IF NOT EXISTS import_note (code VARCHAR(20) PRIMARY KEY, amount INTEGER NOT NULL)")
			.update();
		jdbc.sql("DELETE FROM import_note").update();
		auditsBefore = importAudits();
	}

	@Test
	void aValidFileIsWrittenWhole() {
		ImportSummary summary = run("code,amount\nA,1\nB,2\n", false, Locale.ENGLISH);
		assertThat(summary.errors()).isEmpty();
		assertThat(summary.written()).isTrue();
		assertThat(summary.created()).isEqualTo(2);
		assertThat(notes()).isEqualTo(2);
		assertThat(audits()).isEqualTo(1);
	}

	@Test
	void aFileWithOneBadRowWritesNothingAndNamesTheRowAndColumn() {
		ImportSummary summary = run("code,amount\nA,1\nB,abc\nC,3\n", false, Locale.ENGLISH);
		assertThat(summary.written()).isFalse();
		assertThat(summary.created()).isZero();
		assertThat(summary.errors()).containsExactly(new ImportError(3, "amount", "\"abc\" is not a whole number."));
		assertThat(notes()).isZero();
		assertThat(audits()).isZero();
	}

	@Test
	void aDryRunCountsWhatItWouldWriteAndWritesNothing() {
		ImportSummary summary = run("code,amount\nA,1\nB,2\n", true, Locale.ENGLISH);
		assertThat(summary.errors()).isEmpty();
		assertThat(summary.written()).isFalse();
		assertThat(summary.created()).isEqualTo(2);
		assertThat(notes()).isZero();
		assertThat(audits()).isZero();
	}

	@Test
	void aRowRefusedWhileWritingIsReportedInTheReadersLanguageAndTheRowsBeforeItAreRolledBack() {
		String file = "code,amount\nA,1\n" + REFUSED + ",2\nC,3\n";
		ImportSummary english = run(file, false, Locale.ENGLISH);
		assertThat(english.written()).isFalse();
		assertThat(english.errors())
			.containsExactly(new ImportError(3, null, "This activity was already done on 2026-03-02; that day stays."));
		assertThat(notes()).as("row 2 was written before row 3 was refused, and rolled back").isZero();

		ImportSummary spanish = run(file, false, Locale.forLanguageTag("es"));
		assertThat(spanish.errors()).singleElement()
			.satisfies(error -> assertThat(error.message()).startsWith("Esta actividad ya se realizó"));
		assertThat(notes()).isZero();
	}

	private ImportSummary run(String file, boolean dryRun, Locale locale) {
		return imports.run(ADMIN, "notes", "notes.csv", file.getBytes(StandardCharsets.UTF_8), locale, dryRun,
				ImportRows.Progress.NONE);
	}

	/** Audit lines of imports of notes written during this test. */
	private long audits() {
		return importAudits() - auditsBefore;
	}

	private long importAudits() {
		return jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'IMPORT' AND entity_id = 'notes'")
			.query(Long.class)
			.single();
	}

	private long notes() {
		return jdbc.sql("SELECT COUNT(*) FROM import_note").query(Long.class).single();
	}

	/** A fake kind of import: notes with a code and a whole amount, written as they come. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Notes {

		@Bean
		Importer notesImporter(JdbcClient jdbc) {
			return new Importer() {

				record Note(ImportRow row, String code, int amount) {
				}

				@Override
				public String kind() {
					return "notes";
				}

				@Override
				public List<ImportColumn> columns() {
					return List.of(ImportColumn.required("code"), ImportColumn.required("amount"));
				}

				@Override
				public boolean mayImport(CurrentUser actor) {
					return true;
				}

				@Override
				public ImportCounts load(CurrentUser actor, ImportRows rows) {
					List<Note> notes = new ArrayList<>();
					for (ImportRow row : rows.rows()) {
						String code = row.text("code", 20, true);
						Integer amount = row.integer("amount", true);
						row.unique("code", code);
						if (code != null && amount != null) {
							notes.add(new Note(row, code, amount));
						}
					}
					if (rows.hasErrors()) {
						return ImportCounts.NONE;
					}
					return rows.write(notes, Note::row, Map.of(), "code", note -> {
						if (REFUSED.equals(note.code())) {
							// The message key of the sales module's own refusal: bundles of every module are loaded.
							throw new ConflictException("sales.activity.alreadyDone", LocalDate.of(2026, 3, 2));
						}
						jdbc.sql("INSERT INTO import_note (code, amount) VALUES (:code, :amount)")
							.param("code", note.code())
							.param("amount", note.amount())
							.update();
						return ImportRows.Outcome.CREATED;
					});
				}
			};
		}
	}
}
