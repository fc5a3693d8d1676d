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
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import io.rumbo.organization.StaffManagement;
import io.rumbo.sales.ActivityManagement;
import io.rumbo.sales.ActivityType;
import io.rumbo.sales.ActivityView;
import io.rumbo.sales.VisitLog;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

/**
 * A salesperson's week of visits and other activities, and a manager's view of the team's activities; and the visit
 * logged from the customer page.
 */
@Controller
class AgendaPageController {

	private final ActivityManagement activities;
	private final StaffManagement staff;
	private final java.time.Clock clock;
	private final io.rumbo.sales.TaskManagement tasks;
	private final VisitLog visits;
	private final MessageSource messages;

	AgendaPageController(ActivityManagement activities, StaffManagement staff,
			java.time.Clock clock, io.rumbo.sales.TaskManagement tasks, VisitLog visits, MessageSource messages) {
		this.visits = visits;
		this.messages = messages;
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
		activities.create(user, new ActivityManagement.ActivityDetails(customerId, null, type, staffId, plannedOn,
				done ? plannedOn : null, durationMinutes, outcome, null, nextStep));
		redirect.addFlashAttribute("flash", done ? "sales.activity.logged" : "sales.activity.planned");
		return "redirect:/agenda?week=" + plannedOn + (staffId == null ? "" : "&staffId=" + staffId);
	}

	/**
	 * A visit or call logged from the customer page (its "log a visit" form), with an optional follow-up task; back
	 * to the customer page with what was saved, or with the refused field marked and what was typed kept.
	 */
	@PostMapping("/customers/{id}/visits")
	String logVisit(CurrentUser user, @PathVariable long id, @RequestParam ActivityType type,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
			@RequestParam(required = false) @Nullable String outcome, @RequestParam(required = false) @Nullable String nextStep,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
			RedirectAttributes redirect) {
		try {
			VisitLog.Logged logged = visits.log(user, new VisitLog.Visit(id, type, plannedOn, outcome, nextStep, dueOn));
			redirect.addFlashAttribute("flash", logged.followUp() == null ? "sales.visit.logged"
					: "sales.visit.loggedWithTask");
			return "redirect:/customers/" + id + "#customer-activities";
		}
		catch (ValidationFailedException ex) {
			ValidationFailedException.FieldError error = ex.errors().get(0);
			java.util.Locale locale = LocaleContextHolder.getLocale();
			String label = messages.getMessage("shared.field." + error.field(), null, error.field(), locale);
			String message = messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(), locale);
			redirect.addFlashAttribute("flashText", label + ": " + message);
			redirect.addFlashAttribute("flashKind", "danger");
			redirect.addFlashAttribute("visitErrorField", error.field());
			redirect.addFlashAttribute("visitError", message);
			Map<String, Object> typed = new LinkedHashMap<>();
			typed.put("type", type.name());
			typed.put("plannedOn", plannedOn.toString());
			typed.put("outcome", outcome);
			typed.put("nextStep", nextStep);
			typed.put("dueOn", dueOn == null ? null : dueOn.toString());
			redirect.addFlashAttribute("visitTyped", typed);
			return "redirect:/customers/" + id + "#log-visit";
		}
	}

	/** The activity list's filters, as its query string names them. */
	record ListFilter(@Nullable Long staffId, @Nullable ActivityType type,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Boolean done) {

		ActivityManagement.Filter criteria() {
			return new ActivityManagement.Filter(staffId, null, type, from, to, done);
		}
	}

	/** The CSV or XLSX export of the list with the same filters and sort as the page. */
	@GetMapping(value = "/activities", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return ActivityExports.activities(ExportFormat.param(format), activities, user, filter.criteria(),
				list.unpaged(ActivityManagement.SORTS, "plannedOn,desc"));
	}

	/** The team's activities; an htmx request gets only the results. */
	@GetMapping("/activities")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(ActivityManagement.SORTS, "plannedOn,desc", 25);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("people", staff.options(user, null));
		return ListPages.render(request, model, "sales/activity-list", filter, query,
				activities.list(user, filter.criteria(), query));
	}
}
