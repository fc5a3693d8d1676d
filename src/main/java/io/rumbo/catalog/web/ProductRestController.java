package io.rumbo.catalog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.catalog.CostPeriod;
import io.rumbo.catalog.ProductCostView;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.ProductView;
import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.catalog.domain.CatalogQueries;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Catalog", description = "Product lines and products with list price and effective-dated standard cost")
class ProductRestController {

	record LineRequest(@Nullable Long version, @NotBlank @Size(max = 32) String code,
			@NotBlank @Size(max = 200) String nameEs, @NotBlank @Size(max = 200) String nameEn, @Nullable Boolean active) {

		CatalogManagement.LineDetails details() {
			return new CatalogManagement.LineDetails(code, nameEs, nameEn, active == null || active);
		}
	}

	record ProductRequest(@Nullable Long version, @NotBlank @Size(max = 40) String sku,
			@NotBlank @Size(max = 200) String nameEs, @NotBlank @Size(max = 200) String nameEn, @NotNull Long lineId,
			@NotNull UnitOfMeasure unitOfMeasure, @NotNull @DecimalMin("0") BigDecimal listPrice,
			@Nullable Boolean active, @Nullable @DecimalMin("0") BigDecimal standardCost,
			@Nullable LocalDate costValidFrom) {

		CatalogManagement.ProductDetails details() {
			return new CatalogManagement.ProductDetails(sku, nameEs, nameEn, lineId, unitOfMeasure, listPrice,
					active == null || active, standardCost, costValidFrom);
		}
	}

	record CostRequest(@NotNull @DecimalMin("0") BigDecimal standardCost, @NotNull LocalDate validFrom) {
	}

	private final CatalogManagement catalog;

	ProductRestController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	// ---- products

	@GetMapping(value = "/api/v1/products", produces = "application/json")
	@Operation(summary = "List products", description = "Filters: q (SKU or name), lineId, active. Sort keys: sku, "
			+ "nameEs, nameEn, listPrice, line, standardCost. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<ProductView> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long lineId, @RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return catalog.products(new ProductFilter(q, lineId, active),
				ListQuery.of(page, size, sort, CatalogQueries.PRODUCT_SORTS, "sku"));
	}

	@GetMapping(value = "/api/v1/products", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(@RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long lineId,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return CatalogExports.products(ExportFormat.fromAccept(accept), catalog,
				new ProductFilter(q, lineId, active),
				ListQuery.of(0, 1, sort, CatalogQueries.PRODUCT_SORTS, "sku").unpaged());
	}

	@GetMapping("/api/v1/products/{id}")
	ProductView get(@PathVariable long id) {
		return catalog.product(id);
	}

	@PostMapping("/api/v1/products")
	@Operation(summary = "Create a product, optionally with its first standard cost (from costValidFrom, default today)")
	ResponseEntity<ProductView> create(CurrentUser actor, @Valid @RequestBody ProductRequest request) {
		ProductView created = catalog.createProduct(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/products/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/products/{id}")
	@Operation(summary = "Replace the editable fields; carries the version read, a stale one answers 409. "
			+ "Costs change through /costs, never here.")
	ProductView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody ProductRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return catalog.updateProduct(actor, id, request.version(), request.details());
	}

	@DeleteMapping("/api/v1/products/{id}")
	@Operation(summary = "Archive a product: it stays for the orders that reference it but is no longer sold")
	ResponseEntity<Void> archive(CurrentUser actor, @PathVariable long id) {
		catalog.archiveProduct(actor, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/products/{id}/costs")
	@Operation(summary = "The standard cost history, newest first")
	List<CostPeriod> costs(@PathVariable long id) {
		return catalog.costHistory(id);
	}

	@PostMapping("/api/v1/products/{id}/costs")
	@Operation(summary = "A standard cost in force from validFrom; the same start date again corrects that period")
	List<CostPeriod> addCost(CurrentUser actor, @PathVariable long id, @Valid @RequestBody CostRequest request) {
		return catalog.addCost(actor, id, request.standardCost(), request.validFrom());
	}

	// ---- lines

	@GetMapping(value = "/api/v1/product-costs", produces = "application/json")
	@Operation(summary = "Every product's cost history", description = "One row per cost period, by SKU and start "
			+ "date. Send Accept: text/csv or the XLSX type for a file in the product-costs import's columns.")
	PageResponse<ProductCostView> costs(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return catalog.costs(ListQuery.of(page, size, null, java.util.Map.of("sku", "p.sku"), "sku"));
	}

	@GetMapping(value = "/api/v1/product-costs", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportCosts(@RequestHeader(HttpHeaders.ACCEPT) String accept) {
		return CatalogExports.productCosts(ExportFormat.fromAccept(accept), catalog);
	}

	@GetMapping(value = "/api/v1/product-lines", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	@Operation(summary = "The product lines as a file in the product-lines import's columns")
	ResponseEntity<StreamingResponseBody> exportLines(@RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(defaultValue = "true") boolean archived) {
		return CatalogExports.productLines(ExportFormat.fromAccept(accept), catalog.lines(archived));
	}

	@GetMapping(value = "/api/v1/product-lines", produces = "application/json")
	List<ProductLineView> lines(@RequestParam(defaultValue = "false") boolean archived) {
		return catalog.lines(archived);
	}

	@GetMapping("/api/v1/product-lines/{id}")
	ProductLineView line(@PathVariable long id) {
		return catalog.line(id);
	}

	@PostMapping("/api/v1/product-lines")
	ResponseEntity<ProductLineView> createLine(CurrentUser actor, @Valid @RequestBody LineRequest request) {
		ProductLineView created = catalog.createLine(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/product-lines/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/product-lines/{id}")
	ProductLineView updateLine(CurrentUser actor, @PathVariable long id, @Valid @RequestBody LineRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return catalog.updateLine(actor, id, request.version(), request.details());
	}

	@DeleteMapping("/api/v1/product-lines/{id}")
	ResponseEntity<Void> archiveLine(CurrentUser actor, @PathVariable long id) {
		catalog.archiveLine(actor, id);
		return ResponseEntity.noContent().build();
	}
}
