package io.rumbo.quotas.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
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

import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.quotas.AllocationMethod;
import io.rumbo.quotas.QuotaManagement;
import io.rumbo.quotas.QuotaPeople;
import io.rumbo.quotas.QuotaQueries;
import io.rumbo.quotas.QuotaStatus;
import io.rumbo.quotas.QuotaUnitChanges;
import io.rumbo.quotas.QuotaViews;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Quotas", description = "Quota plans per fiscal year: allocation down the org tree, publication, "
		+ "versions and acknowledgements")
class QuotaRestController {

	record CreateRequest(@NotNull Integer fiscalYear, @Nullable @Size(max = 200) String ramp) {
	}

	/** {@code manual}: year figures by child key ({@code UNIT:12}, {@code PERSON:40}) for the MANUAL method. */
	record AllocationRequest(@NotNull String measure, @NotNull AllocationMethod method,
			@Nullable BigDecimal overAssignment, @Nullable Map<String, BigDecimal> manual, @NotNull Long version,
			@Nullable @Size(max = 1000) String reason) {
	}

	record MeasureRequest(@NotNull String measure, @NotNull BigDecimal amount, @NotNull Long version,
			@Nullable @Size(max = 1000) String reason) {
	}

	record RampRequest(@NotNull @Size(max = 200) String ramp, @NotNull Long version,
			@Nullable @Size(max = 1000) String reason) {
	}

	record PublishRequest(@NotNull Long version, @Nullable Boolean wholeTree) {
	}

	record ReleaseRequest(@NotNull Long version) {
	}

	record AcknowledgeRequest(@Nullable @Size(max = 1000) String comment) {
	}

	record ProrateRequest(@NotNull Long version, @Nullable @Size(max = 1000) String reason) {
	}

	private final QuotaManagement quotas;
	private final QuotaQueries queries;
	private final QuotaPeople people;
	private final QuotaUnitChanges unitChanges;

	QuotaRestController(QuotaManagement quotas, QuotaQueries queries, QuotaPeople people, QuotaUnitChanges unitChanges) {
		this.unitChanges = unitChanges;
		this.quotas = quotas;
		this.queries = queries;
		this.people = people;
	}

	static Metric measure(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return Metric.REVENUE;
		}
		return Metric.ofCode(code).orElseThrow(() -> ValidationFailedException.of("measure", "quotas.error.measure"));
	}

	private static ListQuery paged(@Nullable Integer page, @Nullable Integer size) {
		return ListQuery.of(page, size, null, Map.of("id", "id"), "id");
	}

	@GetMapping("/api/v1/quotas")
	@Operation(summary = "The quota plans, latest fiscal year first (a plan's id is its fiscal year)")
	PageResponse<QuotaViews.QuotaPlanView> plans(CurrentUser actor, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return queries.plans(actor, paged(page, size));
	}

	@PostMapping("/api/v1/quotas")
	@Operation(summary = "Start the quota plan of a fiscal year from the plan version that counts (ADMIN, DIRECTOR)",
			description = "ramp: the new hires' share of the full quota by month of tenure, e.g. 25,50,75,100 (default)")
	ResponseEntity<QuotaViews.QuotaVersionView> create(CurrentUser actor, @Valid @RequestBody CreateRequest request) {
		QuotaViews.QuotaVersionView created = quotas.create(actor, request.fiscalYear(), request.ramp());
		return ResponseEntity.created(URI.create("/api/v1/quotas/versions/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/quotas/{year}")
	QuotaViews.QuotaPlanView plan(CurrentUser actor, @PathVariable int year) {
		return queries.plan(actor, year);
	}

	@GetMapping(value = "/api/v1/quotas/{year}/people", produces = "application/json")
	@Operation(summary = "People with a quota in the year's published version, in the caller's scope (a rep: "
			+ "themselves), with their acknowledgement. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<QuotaViews.QuotaPersonSummary> people(CurrentUser actor, @PathVariable int year,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return people.people(actor, year, paged(page, size));
	}

	@GetMapping(value = "/api/v1/quotas/{year}/people", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportPeople(CurrentUser actor, @PathVariable int year,
			@RequestHeader(HttpHeaders.ACCEPT) String accept) {
		List<QuotaViews.QuotaPersonSummary> rows = people.people(actor, year, paged(0, 1).unpaged()).content();
		return Exports.download(ExportFormat.fromAccept(accept), "quota-people",
				List.of("employee_number", "name", "revenue", "acknowledged", "acknowledged_at", "comment"),
				table -> rows.forEach(r -> table.row(r.employeeNumber(), r.name(), r.revenue(), r.acknowledged(),
						r.acknowledgedAt() == null ? null : r.acknowledgedAt().toString(), r.comment())));
	}

	@GetMapping("/api/v1/quotas/{year}/people/{staffId}")
	@Operation(summary = "A person's quota of the year by measure and month (the published version, or ?version=)")
	QuotaViews.QuotaPersonQuotaView person(CurrentUser actor, @PathVariable int year, @PathVariable long staffId,
			@RequestParam(required = false) @Nullable Long version) {
		return people.person(actor, year, staffId, version);
	}

	@PostMapping("/api/v1/quotas/{year}/acknowledgement")
	@Operation(summary = "Acknowledge one's own published quota of the year, with an optional comment")
	QuotaStatus acknowledge(CurrentUser actor, @PathVariable int year,
			@Valid @RequestBody(required = false) @Nullable AcknowledgeRequest request) {
		return quotas.acknowledge(actor, year, request == null ? null : request.comment());
	}

	@GetMapping(value = "/api/v1/quotas/versions", produces = "application/json")
	@Operation(summary = "Every quota version, latest year and number first (filter: fiscalYear)")
	PageResponse<QuotaViews.QuotaVersionView> versions(CurrentUser actor,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return queries.versions(actor, fiscalYear, paged(page, size));
	}

	@GetMapping(value = "/api/v1/quotas/versions", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportVersions(CurrentUser actor,
			@RequestParam(required = false) @Nullable Integer fiscalYear, @RequestHeader(HttpHeaders.ACCEPT) String accept) {
		List<QuotaViews.QuotaVersionView> rows = queries.versions(actor, fiscalYear, paged(0, 1).unpaged()).content();
		return Exports.download(ExportFormat.fromAccept(accept), "quota-versions",
				List.of("fiscal_year", "number", "state", "based_on", "reason", "published_by", "published_at"),
				table -> rows.forEach(v -> table.row(v.fiscalYear(), v.number(), v.state(), v.basedOnNumber(), v.reason(),
						v.publishedBy(), v.publishedAt() == null ? null : v.publishedAt().toString())));
	}

	@GetMapping("/api/v1/quotas/versions/{id}")
	QuotaViews.QuotaVersionView version(CurrentUser actor, @PathVariable long id) {
		return queries.version(actor, id);
	}

	@PostMapping("/api/v1/quotas/versions/{id}/publish")
	@Operation(summary = "Publish a draft (ADMIN, DIRECTOR): the company level binds, every level with wholeTree")
	QuotaViews.QuotaVersionView publish(CurrentUser actor, @PathVariable long id, @Valid @RequestBody PublishRequest request) {
		return quotas.publish(actor, id, request.version(), Boolean.TRUE.equals(request.wholeTree()));
	}

	@PostMapping("/api/v1/quotas/versions/{id}/measures")
	@Operation(summary = "Add a measure the plan has no target for, with the company's year figure (ADMIN, DIRECTOR)")
	QuotaViews.QuotaVersionView addMeasure(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody MeasureRequest request) {
		return quotas.addMeasure(actor, id, request.version(), measure(request.measure()), request.amount(),
				request.reason());
	}

	@PutMapping("/api/v1/quotas/versions/{id}/ramp")
	@Operation(summary = "Change the new hires' ramp (ADMIN, DIRECTOR); after publication a new version with a reason")
	QuotaViews.QuotaVersionView ramp(CurrentUser actor, @PathVariable long id, @Valid @RequestBody RampRequest request) {
		return quotas.setRamp(actor, id, request.version(), request.ramp(), request.reason());
	}

	@GetMapping("/api/v1/quotas/versions/{id}/levels")
	@Operation(summary = "The levels (units) of a version the caller may open: all for company-wide roles, a "
			+ "manager's units, none for a rep")
	PageResponse<QuotaViews.QuotaLevelSummary> levels(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return queries.levels(actor, id, paged(page, size));
	}

	@GetMapping("/api/v1/quotas/versions/{id}/levels/{unitId}")
	@Operation(summary = "A level of the allocation for one measure (default revenue): the unit's figure, the plan's "
			+ "as reference, its split among sub-units and members, and the mismatch by month and year")
	QuotaViews.QuotaLevelView level(CurrentUser actor, @PathVariable long id, @PathVariable long unitId,
			@RequestParam(required = false) @Nullable String measure) {
		return queries.level(actor, id, unitId, measure(measure));
	}

	@PutMapping("/api/v1/quotas/versions/{id}/levels/{unitId}")
	@Operation(summary = "Set how a level splits (director: any level; manager: their units)",
			description = "A change to anything already binding needs a reason and becomes a new published version")
	QuotaViews.QuotaVersionView allocate(CurrentUser actor, @PathVariable long id, @PathVariable long unitId,
			@Valid @RequestBody AllocationRequest request) {
		return quotas.allocate(actor, id, request.version(), unitId, measure(request.measure()),
				new QuotaManagement.Allocation(request.method(),
						request.overAssignment() == null ? BigDecimal.ZERO : request.overAssignment(),
						request.manual() == null ? Map.of() : request.manual()),
				request.reason());
	}

	@PostMapping("/api/v1/quotas/versions/{id}/levels/{unitId}/release")
	@Operation(summary = "Make a level binding once the unit's own figure is (manager of the unit, or director)")
	QuotaViews.QuotaVersionView release(CurrentUser actor, @PathVariable long id, @PathVariable long unitId,
			@Valid @RequestBody ReleaseRequest request) {
		return quotas.release(actor, id, request.version(), unitId);
	}

	@GetMapping("/api/v1/quotas/versions/{id}/unit-changes")
	@Operation(summary = "People whose unit differs between the version and the organisation today (moved, joined, "
			+ "left since their quota was worked out): a director sees all, a manager those touching their units")
	PageResponse<QuotaViews.QuotaUnitChange> unitChanges(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return QuotaExports.page(unitChanges.unitChanges(actor, id), paged(page, size));
	}

	@PostMapping("/api/v1/quotas/versions/{id}/prorate")
	@Operation(summary = "Prorate the people whose unit changed (those the caller may): in place in a draft, a new "
			+ "published version with the reason once it binds (409 when nobody is to prorate)")
	QuotaViews.QuotaVersionView prorate(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ProrateRequest request) {
		return quotas.prorate(actor, id, request.version(), request.reason());
	}

	@GetMapping(value = "/api/v1/quotas/versions/{id}/differences", produces = "application/json")
	@Operation(summary = "Year figures that differ from the version this one revised, largest change first")
	PageResponse<QuotaViews.QuotaDiffRow> differences(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return QuotaExports.page(people.differences(actor, id), paged(page, size));
	}

	@GetMapping(value = "/api/v1/quotas/versions/{id}/differences",
			produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportDifferences(CurrentUser actor, @PathVariable long id,
			@RequestHeader(HttpHeaders.ACCEPT) String accept) {
		return QuotaExports.differences(ExportFormat.fromAccept(accept), people.differences(actor, id));
	}

	@GetMapping(value = "/api/v1/quotas/versions/{id}/person-months", produces = "application/json")
	@Operation(summary = "A version's quotas by person, fiscal month and measure in the caller's scope (filters: "
			+ "measure, staffId, unitId). Send Accept: text/csv or the XLSX type for an export in the import's columns.")
	PageResponse<QuotaViews.QuotaPersonMonthRow> personMonths(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable String measure,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return people.list(actor, id, filter(measure, staffId, unitId),
				ListQuery.of(page, size, sort, QuotaPeople.SORTS, "staff"));
	}

	@GetMapping(value = "/api/v1/quotas/versions/{id}/person-months",
			produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportPersonMonths(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable String measure,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Long unitId,
			@RequestHeader(HttpHeaders.ACCEPT) String accept) {
		return QuotaExports.personMonths(ExportFormat.fromAccept(accept), people, actor, id,
				filter(measure, staffId, unitId));
	}

	private static QuotaPeople.Filter filter(@Nullable String measure, @Nullable Long staffId, @Nullable Long unitId) {
		return new QuotaPeople.Filter(measure == null || measure.isBlank() ? null : measure(measure), staffId, unitId);
	}
}
