package io.rumbo.catalog.imports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.ProductView;
import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.web.ListQuery;

/**
 * Products by SKU (the SKU is the external id). A standard cost that differs from the one in force adds a cost
 * period from {@code cost_from} (today when blank); the same cost again changes nothing.
 */
@Component
class ProductImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("sku"),
			ImportColumn.required("name_es"), ImportColumn.required("name_en"), ImportColumn.required("line"),
			ImportColumn.required("unit"), ImportColumn.required("list_price"), ImportColumn.optional("standard_cost"),
			ImportColumn.optional("cost_from"), ImportColumn.optional("active"));

	private static final Map<String, String> FIELDS = Map.of("sku", "sku", "nameEs", "name_es", "nameEn", "name_en",
			"lineId", "line", "unitOfMeasure", "unit", "listPrice", "list_price", "standardCost", "standard_cost");

	private record Parsed(ImportRow row, String sku, String nameEs, String nameEn, long lineId, UnitOfMeasure unit,
			BigDecimal listPrice, @Nullable BigDecimal cost, @Nullable LocalDate costFrom, boolean active) {
	}

	private final CatalogManagement catalog;
	private final Clock clock;

	ProductImporter(CatalogManagement catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "products";
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
		Map<String, Long> lines = new HashMap<>();
		for (ProductLineView line : catalog.lines(false)) {
			lines.put(line.code().toUpperCase(Locale.ROOT), line.id());
		}
		Map<String, ProductView> existing = new HashMap<>();
		catalog.eachProduct(new ProductFilter(null, null, null),
				ListQuery.of(0, 1, List.of("sku"), CatalogManagement.PRODUCT_SORTS, "sku").unpaged(),
				p -> existing.put(p.sku().toUpperCase(Locale.ROOT), p));
		List<Parsed> parsed = new ArrayList<>();
		int done = 0;
		for (ImportRow row : rows.rows()) {
			rows.progress("imports.phase.checking", ++done);
			String sku = row.text("sku", 40, true);
			String nameEs = row.text("name_es", 200, true);
			String nameEn = row.text("name_en", 200, true);
			String lineCode = row.text("line", 32, true);
			UnitOfMeasure unit = row.choice("unit", UnitOfMeasure.class, true);
			BigDecimal price = row.decimal("list_price", true);
			BigDecimal cost = row.decimal("standard_cost", false);
			LocalDate costFrom = row.date("cost_from", false);
			boolean active = row.bool("active", true);
			row.uniqueIgnoringCase("sku", sku);
			Long lineId = lineCode == null ? null : lines.get(lineCode.toUpperCase(Locale.ROOT));
			if (lineCode != null && lineId == null) {
				row.error("line", "catalog.import.line.unknown", lineCode);
			}
			// The catalogue's own checks too, so that a dry run finds what writing would.
			if (sku != null && !sku.matches("[A-Za-z0-9_.-]{1,40}")) {
				row.error("sku", "catalog.product.sku.invalid");
			}
			if (price != null && !Bounds.isPrice(price)) {
				row.error("list_price", "catalog.import.price.invalid");
			}
			if (cost != null && !Bounds.isPrice(cost)) {
				row.error("standard_cost", "catalog.product.cost.invalid");
			}
			if (sku != null && nameEs != null && nameEn != null && lineId != null && unit != null && price != null) {
				parsed.add(new Parsed(row, sku, nameEs, nameEn, lineId, unit, price, cost, costFrom, active));
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		if (rows.dryRun()) {
			// Checked only: count what the import would do, write nothing (no audit entry, no cost event).
			long[] counts = new long[3];
			parsed.forEach(p -> counts[write(actor, p, existing, false).ordinal()]++);
			return new ImportCounts(counts[0], counts[1], counts[2]);
		}
		return rows.write(parsed, Parsed::row, FIELDS, "sku", p -> write(actor, p, existing, true));
	}

	private ImportRows.Outcome write(CurrentUser actor, Parsed p, Map<String, ProductView> existing, boolean write) {
		ProductView current = existing.get(p.sku().toUpperCase(Locale.ROOT));
		if (current == null && !write) {
			return ImportRows.Outcome.CREATED;
		}
		if (current == null) {
			catalog.createProduct(actor, new CatalogManagement.ProductDetails(p.sku(), p.nameEs(), p.nameEn(),
					p.lineId(), p.unit(), p.listPrice(), p.active(), p.cost(), p.costFrom()));
			return ImportRows.Outcome.CREATED;
		}
		boolean same = current.nameEs().equals(p.nameEs()) && current.nameEn().equals(p.nameEn())
				&& current.lineId() == p.lineId() && current.unitOfMeasure() == p.unit()
				&& current.listPrice().compareTo(p.listPrice()) == 0 && current.active() == p.active();
		boolean sameCost = p.cost() == null || (current.standardCost() != null
				&& current.standardCost().compareTo(p.cost()) == 0
				&& (p.costFrom() == null || Objects.equals(current.costValidFrom(), p.costFrom())));
		if (!write) {
			return same && sameCost ? ImportRows.Outcome.UNCHANGED : ImportRows.Outcome.UPDATED;
		}
		if (!same) {
			catalog.updateProduct(actor, current.id(), current.version(), new CatalogManagement.ProductDetails(
					current.sku(), p.nameEs(), p.nameEn(), p.lineId(), p.unit(), p.listPrice(), p.active(), null, null));
		}
		if (!sameCost) {
			catalog.addCost(actor, current.id(), p.cost(), p.costFrom() == null ? LocalDate.now(clock) : p.costFrom());
		}
		return same && sameCost ? ImportRows.Outcome.UNCHANGED : ImportRows.Outcome.UPDATED;
	}
}
