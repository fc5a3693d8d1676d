package io.rumbo.quotas.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.QuotaFigure;
import io.rumbo.quotas.QuotaFigureImport;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * People's quotas by employee number, fiscal month ({@code FY2026-M03}) and measure, in the columns of the quota
 * export, so an exported file imports back unchanged. One fiscal year per file. The file is read a thousand rows at a
 * time to resolve people set-based; the figures then go to {@link QuotaFigureImport#importFigures} whole, which checks
 * them against the year's latest version (membership, scope, binding, pool) and writes them in one change: in place
 * in a draft, as a new version with the import's reason once they touch binding quotas (decision 0010).
 */
@Component
class QuotaImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("employee_number"),
			ImportColumn.required("fiscal_month"), ImportColumn.required("measure"), ImportColumn.required("amount"));

	/** The file's columns of the facade's fields. */
	private static final Map<String, String> COLUMN_OF = Map.of("staff", "employee_number", "month", "fiscal_month",
			"measure", "measure", "amount", "amount");

	static final int CHUNK = 1000;

	private final QuotaFigureImport quotas;
	private final OrgDirectory org;
	private final FiscalCalendar calendar;

	QuotaImporter(QuotaFigureImport quotas, OrgDirectory org, FiscalCalendar calendar) {
		this.quotas = quotas;
		this.org = org;
		this.calendar = calendar;
	}

	@Override
	public String kind() {
		return "quotas";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	/** As allocation: a director any person, a manager the people of their subtree. */
	@Override
	public boolean mayImport(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		FiscalYears years = calendar.years();
		List<QuotaFigure> figures = new ArrayList<>();
		List<Long> rowOf = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		Integer[] year = { null };
		long[] done = { 0 };
		rows.chunks(CHUNK, chunk -> {
			Set<String> numbers = new HashSet<>();
			chunk.forEach(r -> {
				String n = r.raw("employee_number");
				if (n != null) {
					numbers.add(n);
				}
			});
			Map<String, OrgDirectory.StaffSummary> people = org.staffByNumbers(numbers);
			for (ImportRow row : chunk) {
				rows.progress("imports.phase.checking", ++done[0]);
				QuotaFigure figure = check(row, people, years, year, seen);
				if (figure != null) {
					figures.add(figure);
					rowOf.add(row.number());
				}
			}
		});
		if (rows.hasErrors() || year[0] == null) {
			return ImportCounts.NONE;
		}
		rows.progress("imports.phase.writing", rows.size());
		QuotaFigureImport.FigureImport result = quotas.importFigures(actor, year[0], figures, rows.reason(),
				!rows.dryRun());
		for (QuotaFigureImport.FigureProblem p : result.problems()) {
			long row = p.index() < 0 ? 0 : rowOf.get(p.index());
			rows.error(row, COLUMN_OF.get(p.field()), p.messageKey(), p.arguments());
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		String label = years.label(result.fiscalYear());
		ImportCounts.Note note = result.changed() == 0
				? new ImportCounts.Note("quotas.import.nothing", label, result.versionNumber())
				: new ImportCounts.Note(noteKey(rows.dryRun(), result.newVersion()), label, result.versionNumber(),
						result.changed());
		return new ImportCounts(0, result.changed(), result.unchanged(), note);
	}

	private static String noteKey(boolean dryRun, boolean newVersion) {
		if (dryRun) {
			return newVersion ? "quotas.import.wouldRevise" : "quotas.import.wouldChange";
		}
		return newVersion ? "quotas.import.didRevise" : "quotas.import.didChange";
	}

	private @Nullable QuotaFigure check(ImportRow row, Map<String, OrgDirectory.StaffSummary> people,
			FiscalYears years, Integer[] year, Map<String, Long> seen) {
		String number = row.text("employee_number", 32, true);
		String monthCode = row.text("fiscal_month", 20, true);
		String measureCode = row.text("measure", 40, true);
		BigDecimal amount = row.decimal("amount", true);
		OrgDirectory.StaffSummary person = number == null ? null : people.get(number);
		if (number != null && person == null) {
			row.error("employee_number", "quotas.import.staff", number);
		}
		FiscalPeriod month = null;
		if (monthCode != null) {
			try {
				month = years.parse(monthCode);
			}
			catch (IllegalArgumentException ex) {
				month = null;
			}
			if (month == null || years.kind(month) != FiscalPeriod.Kind.MONTH) {
				row.error("fiscal_month", "quotas.import.month", monthCode);
				month = null;
			}
		}
		Integer fiscalYear = month == null ? null : years.yearOf(month.start());
		if (fiscalYear != null) {
			if (year[0] == null) {
				year[0] = fiscalYear;
			}
			else if (!year[0].equals(fiscalYear)) {
				row.error("fiscal_month", "quotas.import.oneYear", years.label(year[0]));
				fiscalYear = null;
			}
		}
		Metric metric = measureCode == null ? null : Metric.ofCode(measureCode).orElse(null);
		if (measureCode != null && metric == null) {
			row.error("measure", "quotas.error.measure");
		}
		if (amount != null && amount.signum() < 0) {
			row.error("amount", "quotas.import.negative");
			amount = null;
		}
		else if (amount != null && metric != null && amount.stripTrailingZeros().scale() > metric.scale()) {
			row.error("amount", "quotas.import.scale", metric.scale());
			amount = null;
		}
		if (person == null || month == null || fiscalYear == null || metric == null || amount == null) {
			return null;
		}
		int fiscalMonth = years.monthOf(month.start());
		String key = person.id() + ":" + metric.name() + ":" + fiscalMonth;
		Long first = seen.putIfAbsent(key, row.number());
		if (first != null) {
			row.error("employee_number", "quotas.import.repeated", number, monthCode, metric.code(), first);
			return null;
		}
		return new QuotaFigure(StaffId.of(person.id()), metric, fiscalMonth, amount);
	}
}
