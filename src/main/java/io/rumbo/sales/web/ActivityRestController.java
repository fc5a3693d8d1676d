package io.rumbo.sales.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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
import io.rumbo.sales.ActivityManagement;
import io.rumbo.sales.ActivityType;
import io.rumbo.sales.ActivityView;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "Visits, calls, meetings, e-mails and demos with customers")
class ActivityRestController {

	record ActivityRequest(@Nullable Long version, @NotNull Long customerId, @Nullable Long contactId,
			@NotNull ActivityType type, @Nullable Long ownerStaffId, @NotNull LocalDate plannedOn,
			@Nullable LocalDate doneOn, @Nullable Integer durationMinutes, @Nullable @Size(max = 300) String outcome,
			@Nullable @Size(max = 2000) String notes, @Nullable @Size(max = 300) String nextStep) {

		ActivityManagement.ActivityDetails details() {
			return new ActivityManagement.ActivityDetails(customerId, contactId, type, ownerStaffId, plannedOn, doneOn,
					durationMinutes, outcome, notes, nextStep);
		}
	}

	private final ActivityManagement activities;

	ActivityRestController(ActivityManagement activities) {
		this.activities = activities;
	}

	@GetMapping(produces = { io.rumbo.shared.export.ExportFormat.CSV_TYPE, io.rumbo.shared.export.ExportFormat.XLSX_TYPE })
	ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> export(CurrentUser actor,
			@org.springframework.web.bind.annotation.RequestHeader(org.springframework.http.HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable ActivityType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Boolean done, @RequestParam(required = false) @Nullable List<String> sort) {
		return ActivityExports.activities(io.rumbo.shared.export.ExportFormat.fromAccept(accept), activities, actor,
				new ActivityManagement.Filter(staffId, customerId, type, from, to, done),
				ListQuery.of(0, 1, sort, ActivityManagement.SORTS, "plannedOn"));
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List activities", description = "Filters: staffId (owner), customerId, type, from, to "
			+ "(planned date, inclusive), done. Sort keys: plannedOn, doneOn, type. Send Accept: text/csv or the XLSX "
			+ "type for an export.")
	PageResponse<ActivityView> list(CurrentUser actor, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable ActivityType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Boolean done, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return activities.list(actor, new ActivityManagement.Filter(staffId, customerId, type, from, to, done),
				ListQuery.of(page, size, sort, ActivityManagement.SORTS, "plannedOn"));
	}

	@GetMapping("/{id}")
	ActivityView get(CurrentUser actor, @PathVariable long id) {
		return activities.get(actor, id);
	}

	@PostMapping
	@Operation(summary = "Plan or log an activity; with doneOn it is recorded as done")
	ResponseEntity<ActivityView> create(CurrentUser actor, @Valid @RequestBody ActivityRequest request) {
		ActivityView created = activities.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/activities/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	ActivityView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody ActivityRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return activities.update(actor, id, request.version(), request.details());
	}
}
