package io.rumbo.sales.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrderStatus;
import io.rumbo.sales.OrderSummary;
import io.rumbo.sales.OrderView;
import io.rumbo.sales.domain.OrderQueries;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Booked sales with lines, margin at the standard cost of the order date, and credit splits")
class OrderRestController {

	record LineRequest(@NotNull Long productId, @NotNull BigDecimal quantity, @Nullable BigDecimal unitPrice,
			@Nullable BigDecimal discountPercent) {
	}

	record CreditRequest(@NotNull Long staffId, @NotNull BigDecimal sharePercent) {
	}

	record OrderRequest(@Nullable Long version, @NotNull Long customerId, @NotNull LocalDate orderDate,
			@Nullable @Size(max = 64) String externalNumber, @Nullable @Size(max = 1000) String notes,
			@NotNull List<@Valid LineRequest> lines, @Nullable List<@Valid CreditRequest> credits) {

		OrderManagement.OrderDetails details() {
			return new OrderManagement.OrderDetails(customerId, orderDate, externalNumber, notes,
					lines.stream()
						.map(l -> new OrderManagement.NewLine(l.productId(), l.quantity(), l.unitPrice(),
								l.discountPercent()))
						.toList(),
					credits == null ? List.of()
							: credits.stream().map(c -> new OrderManagement.NewCredit(c.staffId(), c.sharePercent())).toList());
		}
	}

	private final OrderManagement orders;

	OrderRestController(OrderManagement orders) {
		this.orders = orders;
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List orders", description = "Filters: staffId (credited salesperson), unitId (credited in the "
			+ "unit or its subtree), customerId, from, to (order date, inclusive), status. Sort keys: orderDate, "
			+ "orderNumber, netAmount, marginAmount, customer. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<OrderSummary> list(CurrentUser actor, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Long unitId, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return orders.list(actor, new OrderManagement.Filter(staffId, unitId, customerId, from, to, status),
				ListQuery.of(page, size, sort, OrderQueries.SORTS, "orderDate"));
	}

	@GetMapping("/totals")
	@Operation(summary = "Booked totals (orders, net amount, margin, units) of the same filter as the list")
	OrderTotalsResponse totals(CurrentUser actor, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Long unitId, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return OrderTotalsResponse.of(orders.totals(actor,
				new OrderManagement.Filter(staffId, unitId, customerId, from, to, null)));
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return OrderExports.orders(ExportFormat.fromAccept(accept), orders, actor,
				new OrderManagement.Filter(staffId, unitId, customerId, from, to, status),
				ListQuery.of(0, 1, sort, OrderQueries.SORTS, "orderDate"));
	}

	@GetMapping("/{id}")
	OrderView get(CurrentUser actor, @PathVariable long id) {
		return orders.get(actor, id);
	}

	@PostMapping
	@Operation(summary = "Book an order", description = "Lines without unitPrice take the list price; every line takes "
			+ "the standard cost in force on orderDate. Credits must sum to 100; without credits the customer's owner "
			+ "gets 100 %. Negative quantities are returns.")
	ResponseEntity<OrderView> create(CurrentUser actor, @Valid @RequestBody OrderRequest request) {
		OrderView created = orders.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/orders/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace the order's lines, credits and header; carries the version read (409 when stale)")
	OrderView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody OrderRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return orders.update(actor, id, request.version(), request.details());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Cancel an order (managers and above); it stays on record but counts nowhere")
	ResponseEntity<Void> cancel(CurrentUser actor, @PathVariable long id) {
		orders.cancel(actor, id);
		return ResponseEntity.noContent().build();
	}

	record StrategyTag(@Nullable Long strategyId) {
	}

	@PutMapping("/{id}/strategy")
	@Operation(summary = "Tag with the strategy it serves (null removes the tag); the strategy's contribution counts it")
	Map<String, Object> tagStrategy(CurrentUser actor, @PathVariable long id, @RequestBody StrategyTag request) {
		orders.tagStrategy(actor, id, request.strategyId());
		Map<String, Object> answer = new java.util.LinkedHashMap<>();
		answer.put("id", id);
		answer.put("strategyId", request.strategyId());
		return answer;
	}
}
