package io.rumbo.catalog.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;

/**
 * Product lines by code (the code is the external id, compared ignoring case): a new code creates a line, the same
 * names and state change nothing, other names or {@code active} update it. Archived lines are matched too, so a
 * file can bring one back on sale.
 */
@Component
class ProductLineImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("code"),
			ImportColumn.required("name_es"), ImportColumn.required("name_en"), ImportColumn.optional("active"));

	private static final Map<String, String> FIELDS = Map.of("code", "code", "nameEs", "name_es", "nameEn", "name_en",
			"active", "active");

	private record Parsed(ImportRow row, String code, String nameEs, String nameEn, boolean active) {
	}

	private final CatalogManagement catalog;

	ProductLineImporter(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@Override
	public String kind() {
		return "product-lines";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public boolean mayImport(CurrentUser actor) {
		return CatalogManagement.mayEdit(actor);
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		Map<String, ProductLineView> existing = new HashMap<>();
		for (ProductLineView line : catalog.lines(true)) {
			existing.put(line.code().toUpperCase(Locale.ROOT), line);
		}
		List<Parsed> parsed = new ArrayList<>();
		int done = 0;
		for (ImportRow row : rows.rows()) {
			rows.progress("imports.phase.checking", ++done);
			String code = row.text("code", 32, true);
			String nameEs = row.text("name_es", 200, true);
			String nameEn = row.text("name_en", 200, true);
			boolean active = row.bool("active", true);
			row.uniqueIgnoringCase("code", code);
			if (code != null && !code.matches("[A-Za-z0-9_.-]{1,32}")) {
				row.error("code", "catalog.line.code.invalid");
			}
			if (code != null && nameEs != null && nameEn != null) {
				parsed.add(new Parsed(row, code, nameEs, nameEn, active));
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		return rows.write(parsed, Parsed::row, FIELDS, "code", p -> write(actor, p, existing, rows.dryRun()));
	}

	private ImportRows.Outcome write(CurrentUser actor, Parsed p, Map<String, ProductLineView> existing,
			boolean dryRun) {
		ProductLineView current = existing.get(p.code().toUpperCase(Locale.ROOT));
		if (current == null) {
			if (!dryRun) {
				ProductLineView created = catalog.createLine(actor,
						new CatalogManagement.LineDetails(p.code(), p.nameEs(), p.nameEn(), true));
				if (!p.active()) {
					catalog.updateLine(actor, created.id(), created.version(),
							new CatalogManagement.LineDetails(p.code(), p.nameEs(), p.nameEn(), false));
				}
			}
			return ImportRows.Outcome.CREATED;
		}
		if (current.nameEs().equals(p.nameEs()) && current.nameEn().equals(p.nameEn())
				&& current.active() == p.active()) {
			return ImportRows.Outcome.UNCHANGED;
		}
		if (!dryRun) {
			// The stored code's spelling stays: the file matched it ignoring case.
			catalog.updateLine(actor, current.id(), current.version(),
					new CatalogManagement.LineDetails(current.code(), p.nameEs(), p.nameEn(), p.active()));
		}
		return ImportRows.Outcome.UPDATED;
	}
}
