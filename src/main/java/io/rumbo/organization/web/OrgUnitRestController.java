package io.rumbo.organization.web;

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
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgChartNode;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.PositionView;
import io.rumbo.organization.domain.OrgQueries;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Org units", description = "The org tree with history, positions and vacancies")
class OrgUnitRestController {

	record OrgUnitRequest(@Nullable Long version, @NotBlank @Size(max = 32) String code,
			@NotBlank @Size(max = 200) String name, @NotNull OrgUnitKind kind, @Nullable @Size(max = 200) String location,
			@Nullable Long parentId, @Nullable Long managerStaffId, @Nullable LocalDate validFrom,
			@Nullable LocalDate effectiveDate) {

		OrgUnitManagement.UnitDetails details() {
			return new OrgUnitManagement.UnitDetails(code, name, kind, location, parentId, managerStaffId, validFrom,
					effectiveDate);
		}
	}

	record PositionRequest(@NotNull JobRole jobRole, @NotNull @Min(0) @Max(10000) Integer plannedHeadcount) {
	}

	private final OrgUnitManagement units;

	OrgUnitRestController(OrgUnitManagement units) {
		this.units = units;
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List org units", description = "Filters: q (code, name, location), kind, under (a unit id: "
			+ "its whole subtree), archived, asOf (the structure on that date). Sort keys: code, name, kind, validFrom, "
			+ "location. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<OrgUnitView> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrgUnitKind kind, @RequestParam(required = false) @Nullable Long under,
			@RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return units.list(actor, new OrgUnitManagement.UnitFilter(q, kind, under, archived, asOf),
				ListQuery.of(page, size, sort, OrgQueries.UNIT_SORTS, "code"));
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrgUnitKind kind, @RequestParam(required = false) @Nullable Long under,
			@RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return OrgExports.units(ExportFormat.fromAccept(accept), units, actor,
				new OrgUnitManagement.UnitFilter(q, kind, under, archived, asOf),
				ListQuery.of(0, 1, sort, OrgQueries.UNIT_SORTS, "code").unpaged());
	}

	@GetMapping("/chart")
	@Operation(summary = "The org chart (as of a date), with headcount per unit and per subtree")
	List<OrgChartNode> chart(CurrentUser actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		return units.chart(actor, asOf);
	}

	@GetMapping(value = "/vacancies", produces = "application/json")
	@Operation(summary = "Positions with vacancies in the units the caller may see (Accept: text/csv or the XLSX type for a file)")
	List<PositionView> vacancies(CurrentUser actor) {
		return units.vacancies(actor);
	}

	@GetMapping(value = "/vacancies", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportVacancies(CurrentUser actor,
			@RequestHeader(HttpHeaders.ACCEPT) String accept) {
		return OrgExports.positions(ExportFormat.fromAccept(accept), units, actor);
	}

	@GetMapping("/{id}")
	OrgUnitView get(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		return units.get(actor, id, asOf);
	}

	@PostMapping
	ResponseEntity<OrgUnitView> create(CurrentUser actor, @Valid @RequestBody OrgUnitRequest request) {
		OrgUnitView created = units.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/org-units/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace the editable fields", description = "Carries the version read; a stale version "
			+ "answers 409 with the current state. A new parentId moves the unit from effectiveDate (default today), "
			+ "keeping its earlier place in the history.")
	OrgUnitView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody OrgUnitRequest request) {
		if (request.version() == null) {
			throw io.rumbo.shared.domain.ValidationFailedException.of("version", "shared.validation.required");
		}
		return units.update(actor, id, request.version(), request.details());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Archive an empty unit (refused with 409 while it has sub-units or people)")
	ResponseEntity<Void> archive(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		units.archive(actor, id, date);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/children")
	List<OrgUnitView> children(CurrentUser actor, @PathVariable long id) {
		return units.children(actor, id);
	}

	@GetMapping("/{id}/positions")
	List<PositionView> positions(CurrentUser actor, @PathVariable long id) {
		return units.positions(actor, id);
	}

	@PutMapping("/{id}/positions")
	@Operation(summary = "Set the planned headcount of one job role in the unit")
	PositionView planPosition(CurrentUser actor, @PathVariable long id, @Valid @RequestBody PositionRequest request) {
		return units.planPosition(actor, id, request.jobRole(), request.plannedHeadcount());
	}
}
