package io.rumbo.catalog.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.domain.CatalogQueries;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.ExportStyle;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shapes of the product list: the import's for the API, labelled for the page. */
final class CatalogExports {

	private CatalogExports() {
	}

	static ResponseEntity<StreamingResponseBody> products(ExportFormat format, CatalogManagement catalog,
			ProductFilter filter, ListQuery query) {
		ExportStyle style = ExportStyle.current();
		if (!style.forPeople()) {
			// The import's columns and values: export, edit, import again.
			return Exports.download(format, style, "products", List.of("sku", "name_es", "name_en", "line", "unit",
					"list_price", "standard_cost", "cost_from", "active"),
					table -> catalog.eachProduct(filter, query, p -> table.row(p.sku(), p.nameEs(), p.nameEn(),
							p.lineCode(), p.unitOfMeasure().name(), p.listPrice(), p.standardCost(), p.costValidFrom(),
							p.active())));
		}
		return Exports.download(format, style, "products", List.of("id", "sku", "nameEs", "nameEn", "lineCode",
				"unitOfMeasure", "listPrice", "standardCost", "costValidFrom", "active"),
				table -> catalog.eachProduct(filter, query, p -> table.row(p.id(), p.sku(), p.nameEs(), p.nameEn(),
						p.lineCode(), Exports.label("catalog.uom.", p.unitOfMeasure()), p.listPrice(), p.standardCost(), p.costValidFrom(),
						p.active())));
	}

	/** The lines in the product-lines import's columns (lines are few: the list is read whole). */
	static ResponseEntity<StreamingResponseBody> productLines(ExportFormat format, List<ProductLineView> lines) {
		return Exports.download(format, ExportStyle.current(), "product-lines",
				List.of("code", "name_es", "name_en", "active"),
				table -> lines.forEach(l -> table.row(l.code(), l.nameEs(), l.nameEn(), l.active())));
	}

	/** Every cost period in the product-costs import's columns, streamed. */
	static ResponseEntity<StreamingResponseBody> productCosts(ExportFormat format, CatalogManagement catalog) {
		return Exports.download(format, ExportStyle.current(), "product-costs",
				List.of("sku", "valid_from", "standard_cost"),
				table -> catalog.eachCost(c -> table.row(c.sku(), c.validFrom(), c.standardCost())));
	}
}
