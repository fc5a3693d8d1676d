package io.rumbo.sales.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import io.rumbo.sales.TaskManagement;
import io.rumbo.sales.TaskView;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Tasks given by managers to people or teams, with due dates and completion")
class TaskRestController {

	record TaskRequest(@Nullable Long version, @NotBlank @Size(max = 200) String title,
			@Nullable @Size(max = 2000) String description, @Nullable Long assigneeStaffId, @Nullable Long teamUnitId,
			@Nullable Long customerId, @NotNull LocalDate dueOn) {

		TaskManagement.TaskDetails details() {
			return new TaskManagement.TaskDetails(title, description, assigneeStaffId, teamUnitId, customerId, dueOn);
		}
	}

	private final TaskManagement tasks;

	TaskRestController(TaskManagement tasks) {
		this.tasks = tasks;
	}

	@GetMapping(produces = { io.rumbo.shared.export.ExportFormat.CSV_TYPE, io.rumbo.shared.export.ExportFormat.XLSX_TYPE })
	ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> export(CurrentUser actor,
			@org.springframework.web.bind.annotation.RequestHeader(org.springframework.http.HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long assigneeStaffId,
			@RequestParam(required = false) @Nullable Long unitId, @RequestParam(required = false) @Nullable Boolean open,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueTo,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return TaskExports.tasks(io.rumbo.shared.export.ExportFormat.fromAccept(accept), tasks, actor,
				new TaskManagement.Filter(q, assigneeStaffId, unitId, open, overdue, dueFrom, dueTo),
				ListQuery.of(0, 1, sort, TaskManagement.SORTS, "dueOn"));
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List tasks", description = "Filters: q (title), assigneeStaffId, unitId (subtree), open, "
			+ "overdue, dueFrom, dueTo. Sort keys: dueOn, title, assignedOn, completedOn. Send Accept: text/csv or the "
			+ "XLSX type for an export.")
	PageResponse<TaskView> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long assigneeStaffId,
			@RequestParam(required = false) @Nullable Long unitId, @RequestParam(required = false) @Nullable Boolean open,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueTo,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return tasks.list(actor, new TaskManagement.Filter(q, assigneeStaffId, unitId, open, overdue, dueFrom, dueTo),
				ListQuery.of(page, size, sort, TaskManagement.SORTS, "dueOn"));
	}

	@GetMapping("/{id}")
	TaskView get(CurrentUser actor, @PathVariable long id) {
		return tasks.get(actor, id);
	}

	@PostMapping
	@Operation(summary = "Give a task to a person (assigneeStaffId) or a team (teamUnitId); without either, to yourself")
	ResponseEntity<TaskView> create(CurrentUser actor, @Valid @RequestBody TaskRequest request) {
		TaskView created = tasks.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a task; carries the version read (409 when stale)")
	TaskView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody TaskRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return tasks.update(actor, id, request.version(), request.details());
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Mark the task done today")
	TaskView complete(CurrentUser actor, @PathVariable long id) {
		return tasks.complete(actor, id, true);
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Take the done mark away")
	TaskView reopen(CurrentUser actor, @PathVariable long id) {
		return tasks.complete(actor, id, false);
	}
}
