package io.rumbo.catalog.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.catalog.domain.CatalogQueries;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the product list, for the API and the page. */
final class CatalogExports {

	private CatalogExports() {
	}

	static ResponseEntity<StreamingResponseBody> products(ExportFormat format, CatalogManagement catalog,
			ProductFilter filter, ListQuery query) {
		return Exports.download(format, "products", List.of("id", "sku", "nameEs", "nameEn", "lineCode",
				"unitOfMeasure", "listPrice", "standardCost", "costValidFrom", "active"),
				table -> catalog.eachProduct(filter, query, p -> table.row(p.id(), p.sku(), p.nameEs(), p.nameEn(),
						p.lineCode(), p.unitOfMeasure().name(), p.listPrice(), p.standardCost(), p.costValidFrom(),
						p.active())));
	}
}
