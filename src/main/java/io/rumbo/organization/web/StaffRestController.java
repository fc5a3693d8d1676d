package io.rumbo.organization.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffOption;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.domain.OrgQueries;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff", description = "Salespeople and sales staff, scoped by the caller's place in the org tree")
class StaffRestController {

	record StaffRequest(@Nullable Long version, @NotBlank @Size(max = 32) String employeeNumber,
			@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
			@Nullable @Email @Size(max = 200) String email, @Nullable @Size(max = 40) String phone,
			@NotNull LocalDate hireDate, @NotNull Long unitId, @NotNull JobRole jobRole, @Nullable StaffStatus status,
			@NotNull @Min(1) @Max(5) Integer qualificationLevel, @Nullable Long userId,
			@Nullable LocalDate effectiveDate) {

		StaffManagement.StaffDetails details() {
			return new StaffManagement.StaffDetails(employeeNumber, firstName, lastName, email, phone, hireDate, unitId,
					jobRole, status == null ? StaffStatus.ACTIVE : status, qualificationLevel, userId, effectiveDate);
		}
	}

	private final StaffManagement staff;

	StaffRestController(StaffManagement staff) {
		this.staff = staff;
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List staff", description = "Filters: q (name, employee number, e-mail), unitId (the unit and "
			+ "its subtree), jobRole, status, archived, asOf (unit membership on that date). Sort keys: lastName, "
			+ "firstName, employeeNumber, hireDate, status, jobRole, unit, qualificationLevel. Send Accept: text/csv or the XLSX type "
			+ "for an export.")
	PageResponse<StaffView> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long unitId, @RequestParam(required = false) @Nullable JobRole jobRole,
			@RequestParam(required = false) @Nullable StaffStatus status,
			@RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return staff.list(actor, new StaffManagement.StaffFilter(q, unitId, jobRole, status, archived, asOf),
				ListQuery.of(page, size, sort, OrgQueries.STAFF_SORTS, "lastName"));
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long unitId, @RequestParam(required = false) @Nullable JobRole jobRole,
			@RequestParam(required = false) @Nullable StaffStatus status,
			@RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return OrgExports.staff(ExportFormat.fromAccept(accept), staff, actor, new StaffManagement.StaffFilter(q, unitId, jobRole, status, archived, asOf),
				ListQuery.of(0, 1, sort, OrgQueries.STAFF_SORTS, "lastName").unpaged());
	}

	@GetMapping(value = "/options", produces = "application/json")
	@Operation(summary = "People to pick (owner, assignee, credited person)", description = "Active people the caller "
			+ "may see, by last name: a salesperson themselves, a manager their subtree, company-wide roles everyone. "
			+ "q narrows by name, for search-as-you-type pickers; page and size as for every list.")
	PageResponse<StaffOption> options(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return staff.options(actor, q, ListQuery.of(page, size, List.of(), OrgQueries.STAFF_SORTS, "lastName"));
	}

	@GetMapping("/me")
	@Operation(summary = "The caller's own staff profile")
	StaffView me(CurrentUser actor) {
		return staff.ownProfile(actor).orElseThrow(() -> new io.rumbo.shared.domain.NotFoundException("staff", "me"));
	}

	@GetMapping("/{id}")
	StaffView get(CurrentUser actor, @PathVariable long id) {
		return staff.get(actor, id);
	}

	@PostMapping
	ResponseEntity<StaffView> create(CurrentUser actor, @Valid @RequestBody StaffRequest request) {
		StaffView created = staff.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/staff/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace the editable fields", description = "Carries the version read; a stale version "
			+ "answers 409 with the current state. A new unitId moves the person from effectiveDate (default today).")
	StaffView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody StaffRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return staff.update(actor, id, request.version(), request.details());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Archive a person who left (kept in history and past reports)")
	ResponseEntity<Void> archive(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		staff.archive(actor, id, date);
		return ResponseEntity.noContent().build();
	}
}
