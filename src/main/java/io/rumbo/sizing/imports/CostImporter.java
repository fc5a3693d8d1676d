package io.rumbo.sizing.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.sizing.BudgetViews;
import io.rumbo.sizing.Budgets;
import io.rumbo.sizing.CostKind;
import io.rumbo.sizing.CostType;

/**
 * Budgeted or actual costs by unit code, fiscal month ({@code FY2026-M03}) and cost type, one fiscal year per file
 * (docs/import-formats.md). A figure replaces the one of the same unit, month and type; the others stay. All or
 * nothing, as every import: one wrong row and nothing is written.
 */
abstract class CostImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("unit_code"),
			ImportColumn.required("fiscal_month"), ImportColumn.required("cost_type"), ImportColumn.required("amount"));

	private final Budgets budgets;
	private final OrgDirectory org;
	private final FiscalCalendar calendar;
	private final CostKind kind;

	CostImporter(Budgets budgets, OrgDirectory org, FiscalCalendar calendar, CostKind kind) {
		this.budgets = budgets;
		this.org = org;
		this.calendar = calendar;
		this.kind = kind;
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public boolean mayImport(CurrentUser actor) {
		return Budgets.mayEdit(actor);
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		FiscalYears years = calendar.years();
		Map<String, Long> unitIds = new HashMap<>();
		org.unitIdsByCode().forEach((code, id) -> unitIds.put(code.toUpperCase(java.util.Locale.ROOT), id));
		Map<Long, List<BudgetViews.Cell>> cells = new LinkedHashMap<>();
		Map<String, Long> seen = new HashMap<>();
		Integer[] year = { null };
		for (ImportRow row : rows.rows()) {
			String code = row.text("unit_code", 32, true);
			String monthCode = row.text("fiscal_month", 20, true);
			CostType type = row.choice("cost_type", CostType.class, true);
			BigDecimal amount = row.decimal("amount", true);
			Long unit = code == null ? null : unitIds.get(code.toUpperCase(java.util.Locale.ROOT));
			if (code != null && (unit == null || !org.isActiveUnit(unit))) {
				row.error("unit_code", "sizing.import.unit", code);
				unit = null;
			}
			Integer month = month(row, years, monthCode, year);
			if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
				row.error("amount", "sizing.import.amount");
				amount = null;
			}
			else if (amount != null && amount.compareTo(Budgets.AMOUNT_LIMIT) >= 0) {
				row.error("amount", "sizing.import.tooLarge");
				amount = null;
			}
			if (unit == null || month == null || type == null || amount == null) {
				continue;
			}
			Long first = seen.putIfAbsent(unit + ":" + month + ":" + type, row.number());
			if (first != null) {
				row.error("unit_code", "sizing.import.repeated", code, monthCode, type.name(), first);
				continue;
			}
			cells.computeIfAbsent(unit, u -> new ArrayList<>()).add(new BudgetViews.Cell(month, type, amount));
		}
		if (rows.hasErrors() || year[0] == null) {
			return ImportCounts.NONE;
		}
		rows.progress("imports.phase.writing", rows.size());
		int[] counts = budgets.importCells(actor, kind, year[0], cells, !rows.dryRun());
		return new ImportCounts(0, counts[0], counts[1]);
	}

	private static @Nullable Integer month(ImportRow row, FiscalYears years, @Nullable String code, Integer[] year) {
		if (code == null) {
			return null;
		}
		FiscalPeriod month;
		try {
			month = years.parse(code);
		}
		catch (IllegalArgumentException ex) {
			month = null;
		}
		if (month == null || years.kind(month) != FiscalPeriod.Kind.MONTH) {
			row.error("fiscal_month", "sizing.import.month", code);
			return null;
		}
		int fiscalYear = years.yearOf(month.start());
		if (year[0] == null) {
			year[0] = fiscalYear;
		}
		else if (year[0] != fiscalYear) {
			row.error("fiscal_month", "sizing.import.oneYear", years.label(year[0]));
			return null;
		}
		return years.monthOf(month.start());
	}
}
