package io.rumbo.sales.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.ForecastCategory;
import io.rumbo.sales.OpportunityManagement;
import io.rumbo.sales.OpportunityProducts;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.sales.OpportunityView;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrderView;
import io.rumbo.sales.PipelineStages;
import io.rumbo.sales.Stage;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "The pipeline: stages with probabilities, stage history, orders from won deals")
class OpportunityRestController {

	record OpportunityRequest(@Nullable Long version, @NotNull Long customerId, @NotBlank @Size(max = 200) String title,
			@NotNull BigDecimal amount, @NotNull LocalDate expectedClose, @Nullable ForecastCategory forecastCategory,
			@Nullable Long ownerStaffId, @Nullable @Size(max = 100) String source,
			@Nullable @Size(max = 300) String lossReason, @Nullable @Size(max = 300) String nextStep) {

		OpportunityManagement.OpportunityDetails details() {
			return new OpportunityManagement.OpportunityDetails(customerId, title, amount, expectedClose, forecastCategory,
					ownerStaffId, source, lossReason, nextStep);
		}
	}

	record StageRequest(@NotBlank String stage, @Nullable @Size(max = 300) String lossReason) {
	}

	record ProductsRequest(@NotNull Long version, @NotNull @Valid List<ProductRequest> lines) {
	}

	record ProductRequest(@NotNull Long productId, @NotNull BigDecimal quantity, @Nullable BigDecimal unitPrice,
			@Nullable BigDecimal discountPercent) {
	}

	record OrderRequest(@Nullable @Valid List<OrderRestController.LineRequest> lines,
			@Nullable @Valid List<OrderRestController.CreditRequest> credits) {
	}

	private final OpportunityManagement opportunities;
	private final OpportunityQueries queries;
	private final OpportunityProducts products;
	private final PipelineStages stages;

	OpportunityRestController(OpportunityManagement opportunities, OpportunityQueries queries,
			OpportunityProducts products, PipelineStages stages) {
		this.opportunities = opportunities;
		this.queries = queries;
		this.products = products;
		this.stages = stages;
	}

	@GetMapping("/stages")
	@Operation(summary = "The pipeline stages in order, with their default probability")
	List<Stage> stages() {
		return stages.list();
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List opportunities", description = "Filters: q (title or source), ownerStaffId, customerId, "
			+ "stage, open (only open stages). Sort keys: expectedClose, amount, title. Send Accept: text/csv or the XLSX "
			+ "type for an export.")
	PageResponse<OpportunityView> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long ownerStaffId,
			@RequestParam(required = false) @Nullable Long customerId, @RequestParam(required = false) @Nullable String stage,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return queries.page(actor, new OpportunityQueries.Filter(ownerStaffId, customerId, stage, open, q),
				ListQuery.of(page, size, sort, OpportunityQueries.SORTS, "expectedClose"));
	}

	@GetMapping(produces = { io.rumbo.shared.export.ExportFormat.CSV_TYPE, io.rumbo.shared.export.ExportFormat.XLSX_TYPE })
	ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> export(CurrentUser actor,
			@org.springframework.web.bind.annotation.RequestHeader(org.springframework.http.HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long ownerStaffId,
			@RequestParam(required = false) @Nullable Long customerId, @RequestParam(required = false) @Nullable String stage,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(required = false) @Nullable List<String> sort) {
		return OpportunityExports.opportunities(io.rumbo.shared.export.ExportFormat.fromAccept(accept), queries, actor,
				new OpportunityQueries.Filter(ownerStaffId, customerId, stage, open, q),
				ListQuery.of(0, 1, sort, OpportunityQueries.SORTS, "expectedClose"));
	}

	@GetMapping("/totals")
	@Operation(summary = "Open pipeline of the filter: count, amount and amount weighted by stage probability")
	OpportunityQueries.PipelineTotals totals(CurrentUser actor,
			@RequestParam(required = false) @Nullable Long ownerStaffId,
			@RequestParam(required = false) @Nullable Long customerId) {
		return queries.totals(actor, ownerStaffId, customerId);
	}

	@GetMapping("/{id}")
	OpportunityView get(CurrentUser actor, @PathVariable long id) {
		return queries.get(actor, id);
	}

	@PostMapping
	ResponseEntity<OpportunityView> create(CurrentUser actor, @Valid @RequestBody OpportunityRequest request) {
		OpportunityView created = opportunities.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/opportunities/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	OpportunityView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody OpportunityRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return opportunities.update(actor, id, request.version(), request.details());
	}

	@GetMapping("/{id}/products")
	@Operation(summary = "The products the opportunity is about, with their net amounts")
	List<OpportunityProducts.ProductLineView> products(CurrentUser actor, @PathVariable long id) {
		return products.products(actor, id);
	}

	@PutMapping("/{id}/products")
	@Operation(summary = "Replace the opportunity's products; the amount becomes their total. Carries the version read "
			+ "(409 when stale)")
	OpportunityView setProducts(CurrentUser actor, @PathVariable long id, @Valid @RequestBody ProductsRequest request) {
		return products.setProducts(actor, id, request.version(), request.lines()
			.stream()
			.map(l -> new OpportunityProducts.ProductLine(l.productId(), l.quantity(), l.unitPrice(),
					l.discountPercent()))
			.toList());
	}

	@PostMapping("/{id}/stage")
	@Operation(summary = "Move to a stage (kept in the stage history with its date); moving to a lost stage needs "
			+ "lossReason unless one is recorded; winning or losing sets expectedClose to the day it closed")
	OpportunityView move(CurrentUser actor, @PathVariable long id, @Valid @RequestBody StageRequest request) {
		return opportunities.moveTo(actor, id, request.stage(), request.lossReason());
	}

	@PostMapping("/{id}/order")
	@Operation(summary = "Book the order of a won opportunity (once); without lines its products are booked; credits "
			+ "default to the opportunity's owner")
	ResponseEntity<OrderView> order(CurrentUser actor, @PathVariable long id, @Valid @RequestBody OrderRequest request) {
		OrderView order = opportunities.createOrder(actor, id,
				request.lines() == null ? List.of() : request.lines().stream()
					.map(l -> new OrderManagement.NewLine(l.productId(), l.quantity(), l.unitPrice(), l.discountPercent()))
					.toList(),
				request.credits() == null ? List.of()
						: request.credits().stream().map(c -> new OrderManagement.NewCredit(c.staffId(), c.sharePercent())).toList());
		return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(order);
	}

	record StrategyTag(@Nullable Long strategyId) {
	}

	@PutMapping("/{id}/strategy")
	@Operation(summary = "Tag with the strategy it serves (null removes the tag); the strategy's contribution counts it")
	Map<String, Object> tagStrategy(CurrentUser actor, @PathVariable long id, @RequestBody StrategyTag request) {
		opportunities.tagStrategy(actor, id, request.strategyId());
		Map<String, Object> answer = new java.util.LinkedHashMap<>();
		answer.put("id", id);
		answer.put("strategyId", request.strategyId());
		return answer;
	}
}
