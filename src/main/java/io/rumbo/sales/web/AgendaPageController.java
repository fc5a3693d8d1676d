package io.rumbo.sales.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.StaffManagement;
import io.rumbo.sales.ActivityManagement;
import io.rumbo.sales.ActivityType;
import io.rumbo.sales.ActivityView;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.Htmx;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/** A salesperson's week of visits and other activities, and a manager's view of the team's activities. */
@Controller
class AgendaPageController {

	private final ActivityManagement activities;
	private final StaffManagement staff;
	private final java.time.Clock clock;
	private final io.rumbo.sales.TaskManagement tasks;

	AgendaPageController(ActivityManagement activities, StaffManagement staff,
			java.time.Clock clock, io.rumbo.sales.TaskManagement tasks) {
		this.tasks = tasks;
		this.activities = activities;
		this.staff = staff;
		this.clock = clock;
	}

	@GetMapping("/agenda")
	String agenda(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	@Nullable LocalDate week, @RequestParam(required = false) @Nullable Long staffId, Model model) {
		LocalDate today = LocalDate.now(clock);
		LocalDate monday = (week == null ? today : week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Long person = staffId != null ? staffId : staff.ownProfile(user).map(p -> p.id()).orElse(null);
		List<ActivityView> week7 = activities.list(user, new ActivityManagement.Filter(person, null, null, monday,
				monday.plusDays(6), null), ListQuery.of(0, 500, List.of("plannedOn"), ActivityManagement.SORTS,
						"plannedOn")).content();
		Map<LocalDate, List<ActivityView>> days = new LinkedHashMap<>();
		for (int i = 0; i < 7; i++) {
			days.put(monday.plusDays(i), new ArrayList<>());
		}
		week7.forEach(a -> days.get(a.plannedOn()).add(a));
		model.addAttribute("days", days);
		model.addAttribute("monday", monday);
		model.addAttribute("today", today);
		model.addAttribute("staffId", person);
		model.addAttribute("people", staff.options(user, null));
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("mayPlan", ActivityManagement.mayPlan(user));
		// The person's open tasks due by the end of the week shown (overdue ones first), and their team's.
		model.addAttribute("tasks", tasks.list(user, new io.rumbo.sales.TaskManagement.Filter(null, null, null, true,
				false, null, monday.plusDays(6)), ListQuery.of(0, 20, List.of("dueOn"), io.rumbo.sales.TaskManagement.SORTS,
						"dueOn"))
			.content()
			.stream()
			.filter(t -> person == null || (t.assigneeStaffId() != null ? t.assigneeStaffId().equals(person)
					: t.teamTask()))
			.toList());
		return "sales/agenda";
	}

	@PostMapping("/agenda")
	String log(CurrentUser user, @RequestParam long customerId, @RequestParam ActivityType type,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
			@RequestParam(defaultValue = "false") boolean done, @RequestParam(required = false) @Nullable Integer durationMinutes,
			@RequestParam(required = false) @Nullable String outcome, @RequestParam(required = false) @Nullable String nextStep,
			@RequestParam(required = false) @Nullable Long staffId, RedirectAttributes redirect) {
		try {
			activities.create(user, new ActivityManagement.ActivityDetails(customerId, null, type, staffId, plannedOn,
					done ? plannedOn : null, durationMinutes, outcome, null, nextStep));
			redirect.addFlashAttribute("flash", done ? "sales.activity.logged" : "sales.activity.planned");
		}
		catch (ValidationFailedException ex) {
			redirect.addFlashAttribute("flash", ex.errors().get(0).messageKey());
			redirect.addFlashAttribute("flashKind", "danger");
		}
		return "redirect:/agenda?week=" + plannedOn + (staffId == null ? "" : "&staffId=" + staffId);
	}

	@GetMapping(value = "/activities", params = "format")
	org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> export(
			CurrentUser user, @RequestParam String format, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable ActivityType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Boolean done, @RequestParam(required = false) @Nullable String sort) {
		return ActivityExports.activities(io.rumbo.shared.export.ExportFormat.param(format), activities, user,
				new ActivityManagement.Filter(staffId, null, type, from, to, done),
				ListQuery.of(0, 1, sort == null ? List.of("plannedOn,desc") : List.of(sort), ActivityManagement.SORTS,
						"plannedOn"));
	}

	@GetMapping("/activities")
	String list(CurrentUser user, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable ActivityType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Boolean done, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable String sort, HttpServletRequest request, Model model) {
		ListQuery query = ListQuery.of(page, 25, sort == null ? List.of("plannedOn,desc") : List.of(sort),
				ActivityManagement.SORTS, "plannedOn");
		PageResponse<ActivityView> results = activities.list(user,
				new ActivityManagement.Filter(staffId, null, type, from, to, done), query);
		ListPages.addTo(model, ListPages.filterUrl("/activities", "staffId", staffId, "type", type, "from", from, "to",
				to, "done", done), query, results);
		model.addAttribute("staffId", staffId);
		model.addAttribute("type", type);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("done", done);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("people", staff.options(user, null));
		return Htmx.view(request, "sales/activity-list", "results");
	}
}
