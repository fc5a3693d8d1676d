package io.rumbo.customers.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.customers.CaseCategory;
import io.rumbo.customers.CasePriority;
import io.rumbo.customers.SatisfactionView;
import io.rumbo.customers.ServiceCaseView;
import io.rumbo.customers.ServiceManagement;
import io.rumbo.customers.ServiceSummary;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Service", description = "After-sales service cases and customer satisfaction (CSAT, NPS)")
class ServiceRestController {

	record CaseRequest(@Nullable Long version, @Nullable @Size(max = 64) String externalId, @NotNull Long customerId,
			@Nullable @Size(max = 64) String orderNumber, @NotBlank @Size(max = 200) String subject,
			@NotNull CaseCategory category, @NotNull CasePriority priority, @NotNull LocalDate openedOn,
			@Nullable LocalDate resolvedOn, @Nullable @Size(max = 1000) String resolution) {

		ServiceManagement.CaseDetails details() {
			return new ServiceManagement.CaseDetails(externalId, customerId, orderNumber, subject, category, priority,
					openedOn, resolvedOn, resolution);
		}
	}

	record RatingRequest(@NotNull Long customerId, @Nullable Long caseId, @Nullable @Size(max = 64) String orderNumber,
			@NotNull LocalDate ratedOn, @NotNull @Min(1) @Max(5) Integer csat, @Nullable @Min(0) @Max(10) Integer nps,
			@Nullable @Size(max = 1000) String comment) {
	}

	private final ServiceManagement service;

	ServiceRestController(ServiceManagement service) {
		this.service = service;
	}

	@GetMapping(value = "/api/v1/service-cases", produces = "application/json")
	@Operation(summary = "List service cases", description = "Filters: q (subject, number, customer, order), customerId, "
			+ "staffId (attributed salesperson), unitId (subtree), open, priority, category, from, to (opening date, "
			+ "inclusive). Sort keys: openedOn, resolvedOn, priority, category, caseNumber, customer. Send Accept: "
			+ "text/csv or the XLSX type for an export.")
	PageResponse<ServiceCaseView> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Boolean open,
			@RequestParam(required = false) @Nullable CasePriority priority,
			@RequestParam(required = false) @Nullable CaseCategory category,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return service.cases(actor,
				new ServiceManagement.CaseFilter(q, customerId, staffId, unitId, open, priority, category, from, to),
				ListQuery.of(page, size, sort, ServiceManagement.CASE_SORTS, "openedOn"));
	}

	@GetMapping(value = "/api/v1/service-cases", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Boolean open,
			@RequestParam(required = false) @Nullable CasePriority priority,
			@RequestParam(required = false) @Nullable CaseCategory category,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return ServiceExports.cases(ExportFormat.fromAccept(accept), service, actor,
				new ServiceManagement.CaseFilter(q, customerId, staffId, unitId, open, priority, category, from, to),
				ListQuery.of(0, 1, sort, ServiceManagement.CASE_SORTS, "openedOn"));
	}

	@GetMapping("/api/v1/service-cases/summary")
	@Operation(summary = "Case count, open cases, average resolution days, average CSAT and NPS score for the same "
			+ "filters as the lists (ratings filtered by customer, salesperson, unit and rating date)")
	ServiceSummary summary(CurrentUser actor, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return service.summary(actor,
				new ServiceManagement.CaseFilter(null, customerId, staffId, unitId, null, null, null, from, to),
				new ServiceManagement.RatingFilter(customerId, null, staffId, unitId, from, to));
	}

	@GetMapping("/api/v1/service-cases/{id}")
	ServiceCaseView get(CurrentUser actor, @PathVariable long id) {
		return service.get(actor, id);
	}

	@PostMapping("/api/v1/service-cases")
	@Operation(summary = "Open a service case", description = "orderNumber may be the order number or the order's "
			+ "external number; the case is attributed to the account owner on openedOn. With resolvedOn it is resolved.")
	ResponseEntity<ServiceCaseView> create(CurrentUser actor, @Valid @RequestBody CaseRequest request) {
		ServiceCaseView created = service.open(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/service-cases/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/service-cases/{id}")
	@Operation(summary = "Change or resolve a case; carries the version read (409 when stale)")
	ServiceCaseView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody CaseRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return service.update(actor, id, request.version(), request.details());
	}

	record ResolveRequest(@Nullable LocalDate resolvedOn, @Nullable @Size(max = 1000) String resolution) {
	}

	@PostMapping("/api/v1/service-cases/{id}/resolve")
	@Operation(summary = "Resolve an open case", description = "resolvedOn defaults to today. A case already resolved "
			+ "answers 409: reopen it first.")
	ServiceCaseView resolve(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody(required = false) @Nullable ResolveRequest request) {
		return service.resolve(actor, id, request == null ? null : request.resolvedOn(),
				request == null ? null : request.resolution());
	}

	@PostMapping("/api/v1/service-cases/{id}/reopen")
	@Operation(summary = "Open a resolved case again", description = "An open case answers 409.")
	ServiceCaseView reopen(CurrentUser actor, @PathVariable long id) {
		return service.reopen(actor, id);
	}

	@GetMapping("/api/v1/satisfaction-ratings")
	@Operation(summary = "List satisfaction ratings", description = "Filters: customerId, caseId, staffId, unitId "
			+ "(subtree), from, to (rating date). Sort keys: ratedOn, csat, nps, customer.")
	PageResponse<SatisfactionView> ratings(CurrentUser actor, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable Long caseId, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return service.ratings(actor, new ServiceManagement.RatingFilter(customerId, caseId, staffId, unitId, from, to),
				ListQuery.of(page, size, sort, ServiceManagement.RATING_SORTS, "ratedOn"));
	}

	@PostMapping("/api/v1/satisfaction-ratings")
	@Operation(summary = "Record a rating (CSAT 1-5, optional NPS 0-10) about an order, a case or the relationship")
	ResponseEntity<SatisfactionView> rate(CurrentUser actor, @Valid @RequestBody RatingRequest request) {
		SatisfactionView created = service.rate(actor, new ServiceManagement.RatingDetails(request.customerId(),
				request.caseId(), request.orderNumber(), request.ratedOn(), request.csat(), request.nps(),
				request.comment()));
		return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(created);
	}
}
