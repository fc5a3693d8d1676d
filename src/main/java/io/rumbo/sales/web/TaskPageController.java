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
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
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

	/** The task list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable Long assigneeStaffId, @Nullable Boolean open,
			@Nullable Boolean overdue) {

		TaskManagement.Filter criteria() {
			return new TaskManagement.Filter(q, assigneeStaffId, null, open, Boolean.TRUE.equals(overdue), null, null);
		}
	}

	/** The CSV or XLSX export of the list with the same filters and sort as the page. */
	@GetMapping(value = "/tasks", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return TaskExports.tasks(ExportFormat.param(format), tasks, user, filter.criteria(),
				list.unpaged(TaskManagement.SORTS, "dueOn"));
	}

	/** The list, with the form that gives a task to someone; an htmx request gets only the results. */
	@GetMapping("/tasks")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(TaskManagement.SORTS, "dueOn", 25);
		PageResponse<TaskView> results = tasks.list(user, filter.criteria(), query);
		model.addAttribute("mayAssign", TaskManagement.mayAssign(user));
		model.addAttribute("assignsOthers", TaskManagement.assignsOthers(user));
		model.addAttribute("completable", results.content().stream().filter(t -> tasks.mayComplete(user, t))
			.map(TaskView::id).toList());
		model.addAttribute("people", staff.options(user, null));
		model.addAttribute("teams", TaskManagement.assignsOthers(user) ? units.assignableUnits(user) : List.of());
		model.addAttribute("today", LocalDate.now(clock));
		return ListPages.render(request, model, "sales/task-list", filter, query, results);
	}

	@PostMapping("/tasks")
	String create(CurrentUser user, @RequestParam String title, @RequestParam(required = false) @Nullable String assignee,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) @Nullable String description, RedirectAttributes redirect) {
		// The assignee select holds people ("staff:12") and teams ("unit:7").
		Long person = assignee != null && assignee.startsWith("staff:") ? Long.valueOf(assignee.substring(6)) : null;
		Long team = assignee != null && assignee.startsWith("unit:") ? Long.valueOf(assignee.substring(5)) : null;
		tasks.create(user, new TaskManagement.TaskDetails(title, description, person, team, null, dueOn));
		redirect.addFlashAttribute("flash", "sales.task.created");
		return "redirect:/tasks";
	}

	@PostMapping("/tasks/{id}/complete")
	String complete(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "true") boolean done,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		// The target is checked before anything changes. A task done (or reopened) meanwhile, e.g. by another member of
		// the team, is refused with a message on the page the form was on (PageFormErrors).
		String target = io.rumbo.shared.web.LocalRedirects.checked(back, "/tasks", "back");
		tasks.complete(user, id, done);
		redirect.addFlashAttribute("flash", done ? "sales.task.completed" : "sales.task.reopened");
		return "redirect:" + target;
	}
}
