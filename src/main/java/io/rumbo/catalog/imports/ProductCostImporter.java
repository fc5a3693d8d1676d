package io.rumbo.catalog.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.CostPeriod;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.catalog.ProductView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.web.ListQuery;

/**
 * A product's cost history: one row per cost period, {@code sku} + {@code valid_from} being the external id, so one
 * file can carry several effective-dated costs of a product (a company migrating its history keeps the cost of each
 * day). A period that starts on a day already in the history corrects that period's cost; the same cost again
 * changes nothing; a new day adds a period, which lasts until the next one.
 */
@Component
class ProductCostImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("sku"),
			ImportColumn.required("valid_from"), ImportColumn.required("standard_cost"));

	private static final Map<String, String> FIELDS = Map.of("standardCost", "standard_cost", "validFrom",
			"valid_from");

	private record Parsed(ImportRow row, long productId, LocalDate validFrom, BigDecimal cost) {
	}

	private final CatalogManagement catalog;

	ProductCostImporter(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@Override
	public String kind() {
		return "product-costs";
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
		Map<String, Long> products = new HashMap<>();
		catalog.eachProduct(new ProductFilter(null, null, null),
				ListQuery.of(0, 1, List.of("sku"), CatalogManagement.PRODUCT_SORTS, "sku").unpaged(),
				(ProductView p) -> products.put(p.sku().toUpperCase(Locale.ROOT), p.id()));
		List<Parsed> parsed = new ArrayList<>();
		int done = 0;
		for (ImportRow row : rows.rows()) {
			rows.progress("imports.phase.checking", ++done);
			String sku = row.text("sku", 40, true);
			LocalDate validFrom = row.date("valid_from", true);
			BigDecimal cost = row.decimal("standard_cost", true);
			Long productId = sku == null ? null : products.get(sku.toUpperCase(Locale.ROOT));
			if (sku != null && productId == null) {
				row.error("sku", "catalog.import.product.unknown", sku);
			}
			if (cost != null && !Bounds.isPrice(cost)) {
				row.error("standard_cost", "catalog.product.cost.invalid");
			}
			if (sku != null && validFrom != null) {
				row.uniqueIgnoringCase("valid_from", sku + " " + validFrom);
			}
			if (productId != null && validFrom != null && cost != null) {
				parsed.add(new Parsed(row, productId, validFrom, cost));
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		// The history of each product named, read once: what each row would change is known before writing.
		Map<Long, Map<LocalDate, BigDecimal>> history = new HashMap<>();
		for (Parsed p : parsed) {
			history.computeIfAbsent(p.productId(), id -> {
				Map<LocalDate, BigDecimal> costs = new HashMap<>();
				for (CostPeriod period : catalog.costHistory(id)) {
					costs.put(period.validFrom(), period.standardCost());
				}
				return costs;
			});
		}
		return rows.write(parsed, Parsed::row, FIELDS, "sku", p -> {
			BigDecimal current = history.get(p.productId()).get(p.validFrom());
			if (current != null && current.compareTo(p.cost()) == 0) {
				return ImportRows.Outcome.UNCHANGED;
			}
			if (!rows.dryRun()) {
				catalog.addCost(actor, p.productId(), p.cost(), p.validFrom());
			}
			return current == null ? ImportRows.Outcome.CREATED : ImportRows.Outcome.UPDATED;
		});
	}
}
