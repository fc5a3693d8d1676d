package io.rumbo.sales.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.sales.TaskManagement;
import io.rumbo.sales.TaskView;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.Htmx;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/** The task list: give tasks to people or teams, filter, complete and reopen them, export. */
@Controller
class TaskPageController {

	private final TaskManagement tasks;
	private final StaffManagement staff;
	private final OrgUnitManagement units;
	private final Clock clock;

	TaskPageController(TaskManagement tasks, StaffManagement staff, OrgUnitManagement units, Clock clock) {
		this.tasks = tasks;
		this.staff = staff;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping(value = "/tasks", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long assigneeStaffId,
			@RequestParam(required = false) @Nullable Boolean open, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String sort) {
		TaskManagement.Filter filter = new TaskManagement.Filter(q, assigneeStaffId, null, open, overdue, null, null);
		ListQuery sorted = ListQuery.of(0, 1, sort == null ? List.of("dueOn") : List.of(sort), TaskManagement.SORTS,
				"dueOn");
		return TaskExports.tasks(ExportFormat.param(format), tasks, user, filter, sorted);
	}

	@GetMapping("/tasks")
	String list(CurrentUser user, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long assigneeStaffId,
			@RequestParam(required = false) @Nullable Boolean open, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable String sort,
			HttpServletRequest request, Model model) {
		ListQuery query = ListQuery.of(page, 25, sort == null ? List.of("dueOn") : List.of(sort), TaskManagement.SORTS,
				"dueOn");
		PageResponse<TaskView> results = tasks.list(user,
				new TaskManagement.Filter(q, assigneeStaffId, null, open, overdue, null, null), query);
		ListPages.addTo(model, ListPages.filterUrl("/tasks", "q", q, "assigneeStaffId", assigneeStaffId, "open", open,
				"overdue", overdue ? Boolean.TRUE : null), query, results);
		model.addAttribute("q", q);
		model.addAttribute("assigneeStaffId", assigneeStaffId);
		model.addAttribute("open", open);
		model.addAttribute("overdue", overdue);
		model.addAttribute("mayAssign", TaskManagement.mayAssign(user));
		model.addAttribute("assignsOthers", TaskManagement.assignsOthers(user));
		model.addAttribute("completable", results.content().stream().filter(t -> tasks.mayComplete(user, t))
			.map(TaskView::id).toList());
		model.addAttribute("people", staff.options(user, null));
		model.addAttribute("teams", TaskManagement.assignsOthers(user) ? units.assignableUnits(user) : List.of());
		model.addAttribute("today", LocalDate.now(clock));
		return Htmx.view(request, "sales/task-list", "results");
	}

	@PostMapping("/tasks")
	String create(CurrentUser user, @RequestParam String title, @RequestParam(required = false) @Nullable String assignee,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) @Nullable String description, RedirectAttributes redirect) {
		// The assignee select holds people ("staff:12") and teams ("unit:7").
		Long person = assignee != null && assignee.startsWith("staff:") ? Long.valueOf(assignee.substring(6)) : null;
		Long team = assignee != null && assignee.startsWith("unit:") ? Long.valueOf(assignee.substring(5)) : null;
		try {
			tasks.create(user, new TaskManagement.TaskDetails(title, description, person, team, null, dueOn));
			redirect.addFlashAttribute("flash", "sales.task.created");
		}
		catch (ValidationFailedException ex) {
			redirect.addFlashAttribute("flash", ex.errors().get(0).messageKey());
			redirect.addFlashAttribute("flashKind", "danger");
		}
		return "redirect:/tasks";
	}

	@PostMapping("/tasks/{id}/complete")
	String complete(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "true") boolean done,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		String target = io.rumbo.shared.web.LocalRedirects.checked(back, "/tasks", "back");
		try {
			tasks.complete(user, id, done);
			redirect.addFlashAttribute("flash", done ? "sales.task.completed" : "sales.task.reopened");
		}
		catch (ConflictException ex) {
			// Done (or reopened) meanwhile, e.g. by another member of the team.
			redirect.addFlashAttribute("flash", ex.messageKey());
			redirect.addFlashAttribute("flashKind", "warning");
		}
		return "redirect:" + target;
	}
}
