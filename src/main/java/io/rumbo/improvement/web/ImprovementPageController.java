package io.rumbo.improvement.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.improvement.Comparison;
import io.rumbo.improvement.Grain;
import io.rumbo.improvement.ImprovementPlanId;
import io.rumbo.improvement.ImprovementPlans;
import io.rumbo.improvement.ImprovementQueries;
import io.rumbo.improvement.ImprovementViews.CheckInView;
import io.rumbo.improvement.ImprovementViews.GoalView;
import io.rumbo.improvement.ImprovementViews.PlanView;
import io.rumbo.improvement.ImprovementViews.Reading;
import io.rumbo.improvement.PlanOutcome;
import io.rumbo.improvement.PlanStatus;
import io.rumbo.improvement.PlansFromEvaluation;
import io.rumbo.improvement.SupportKind;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.StaffManagement;
import io.rumbo.people.SupportTraining;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The improvement plan pages: the list with what needs attention above it, the plan form, and a plan with its goals'
 * progress against their pace (a chart per goal with its figures as a table), its check-ins and, for whoever runs it,
 * the forms that start it, record a check-in and end it.
 */
@Controller
class ImprovementPageController {

	private final ImprovementQueries queries;
	private final ImprovementPlans plans;
	private final PlansFromEvaluation fromEvaluation;
	private final StaffManagement staff;
	private final SupportTraining training;
	private final Formats fmt;
	private final JsonMapper json;
	private final Clock clock;
	private final io.rumbo.identity.UserManagement users;

	ImprovementPageController(ImprovementQueries queries, ImprovementPlans plans, PlansFromEvaluation fromEvaluation,
			StaffManagement staff, SupportTraining training, Formats fmt, JsonMapper json, Clock clock,
			io.rumbo.identity.UserManagement users) {
		this.users = users;
		this.queries = queries;
		this.plans = plans;
		this.fromEvaluation = fromEvaluation;
		this.staff = staff;
		this.training = training;
		this.fmt = fmt;
		this.json = json;
		this.clock = clock;
	}

	/** The list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable PlanStatus status, @Nullable Long staffId) {

		ImprovementQueries.Filter criteria() {
			return new ImprovementQueries.Filter(q, status, staffId);
		}
	}

	@GetMapping(value = "/improvement", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return ImprovementExports.plans(ExportFormat.param(format), queries, user, filter.criteria(),
				list.unpaged(ImprovementQueries.SORTS, "startsOn,desc"));
	}

	@GetMapping("/improvement")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(ImprovementQueries.SORTS, "startsOn,desc", 25);
		model.addAttribute("statuses", PlanStatus.values());
		model.addAttribute("people", staff.options(user, null));
		model.addAttribute("mayOpen", ImprovementQueries.mayOpen(user));
		if (request.getHeader("HX-Request") == null) {
			model.addAttribute("alerts", queries.alerts(user));
		}
		return ListPages.render(request, model, "improvement/plan-list", filter, query,
				queries.list(user, filter.criteria(), query));
	}

	/** A new plan; {@code scorecard}: the closed scorecard it answers, whose points to improve fill the goals. */
	@GetMapping("/improvement/new")
	String newPlan(CurrentUser user, @RequestParam(required = false) @Nullable Long scorecard, Model model) {
		PlanForm form = scorecard == null ? PlanForm.blank(LocalDate.now(clock))
				: PlanForm.of(fromEvaluation.suggest(user, scorecard, LocaleContextHolder.getLocale()), scorecard, fmt);
		return form(user, form, null, model);
	}

	/** The form's goal or support rows with one more ({@code remove} absent) or one less (htmx). */
	@PostMapping("/improvement/form/rows")
	String rows(CurrentUser user, @ModelAttribute("form") PlanForm form, @RequestParam PlanForm.Rows rows,
			@RequestParam(required = false) @Nullable Integer remove, @RequestParam(defaultValue = "false") boolean refresh,
			Model model) {
		if (refresh) {
			// The person changed: the same rows, with the sessions offered to them.
		}
		else if (remove == null) {
			form.addRow(rows);
		}
		else {
			form.removeRow(rows, remove);
		}
		form(user, form, null, model);
		return "improvement/plan-form :: " + (rows == PlanForm.Rows.GOALS ? "goals" : "supports");
	}

	@PostMapping("/improvement/new")
	String open(CurrentUser user, @ModelAttribute("form") PlanForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		PlanView plan;
		try {
			plan = form.getScorecardId() == null ? plans.open(user, form.details(fmt))
					: fromEvaluation.open(user, form.getScorecardId(), form.details(fmt));
		}
		catch (ValidationFailedException invalid) {
			return refused(user, form, null, invalid, result, model, response);
		}
		redirect.addFlashAttribute("flash", "improvement.plan.opened");
		return "redirect:/improvement/" + plan.id();
	}

	/**
	 * The form again with what was typed and each refusal at its field (a full session at the action's picker),
	 * answered 422; nothing of the change was written (one transaction).
	 */
	private String refused(CurrentUser user, PlanForm form, @Nullable PlanView plan, ValidationFailedException invalid,
			BindingResult result, Model model, HttpServletResponse response) {
		FormErrors.bind(new ValidationFailedException(invalid.errors().stream()
			.map(e -> new ValidationFailedException.FieldError(form.formField(e.field()), e.messageKey(),
					e.arguments()))
			.toList()), result);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(user, form, plan, model);
	}

	@GetMapping("/improvement/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, Model model) {
		PlanView plan = queries.get(user, ImprovementPlanId.of(id));
		return form(user, PlanForm.of(plan, fmt), plan, model);
	}

	@PostMapping("/improvement/{id}/edit")
	String revise(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@ModelAttribute("form") PlanForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			plans.revise(user, ImprovementPlanId.of(id), version, form.details(fmt));
		}
		catch (ValidationFailedException invalid) {
			return refused(user, form, queries.get(user, ImprovementPlanId.of(id)), invalid, result, model, response);
		}
		redirect.addFlashAttribute("flash", "improvement.plan.saved");
		return "redirect:/improvement/" + id;
	}

	private String form(CurrentUser user, PlanForm form, @Nullable PlanView plan, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("plan", plan);
		model.addAttribute("people", staff.options(user, null));
		model.addAttribute("measures", Metric.values());
		model.addAttribute("comparisons", Comparison.values());
		model.addAttribute("grains", Grain.values());
		model.addAttribute("supportKinds", SupportKind.values());
		Long person = plan != null ? Long.valueOf(plan.staffId()) : form.getStaffId();
		model.addAttribute("sessions", person == null ? List.of() : training.sessionsFor(user, person, form.sessionIds()));
		return "improvement/plan-form";
	}

	@GetMapping("/improvement/{id}")
	String plan(CurrentUser user, @PathVariable long id, Model model) {
		PlanView plan = queries.get(user, ImprovementPlanId.of(id));
		model.addAttribute("plan", plan);
		model.addAttribute("mayManage", queries.mayManage(user, plan.staffId(), plan.unitId()));
		model.addAttribute("outcomes", PlanOutcome.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("history", history(plan));
		model.addAttribute("chartsJson", ChartData.json(json, charts(plan)));
		model.addAttribute("recorders", users.displayNames(plan.checkIns().stream().map(CheckInView::recordedBy).toList()));
		return "improvement/plan";
	}

	@PostMapping("/improvement/{id}/activate")
	String activate(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		plans.activate(user, ImprovementPlanId.of(id), version);
		redirect.addFlashAttribute("flash", "improvement.plan.activated");
		return "redirect:/improvement/" + id;
	}

	/** The check-in form sends the progress of each goal checked by hand as {@code progress-<goal id>}. */
	@PostMapping("/improvement/{id}/check-ins")
	String checkIn(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
			@RequestParam(required = false) @Nullable String notes, @RequestParam Map<String, String> params,
			RedirectAttributes redirect) {
		Map<Long, BigDecimal> progress = new HashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith("progress-") && value != null && !value.isBlank()) {
				progress.put(Long.valueOf(name.substring(9)), fmt.parseRequired("progress", value));
			}
		});
		plans.checkIn(user, ImprovementPlanId.of(id), version,
				new ImprovementPlans.CheckInDetails(heldOn, notes, progress));
		redirect.addFlashAttribute("flash", "improvement.checkIn.recorded");
		return "redirect:/improvement/" + id;
	}

	@PostMapping("/improvement/{id}/cancel")
	String cancel(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		plans.cancel(user, ImprovementPlanId.of(id), version, reason);
		redirect.addFlashAttribute("flash", "improvement.cancel.recorded");
		return "redirect:/improvement/" + id;
	}

	@PostMapping("/improvement/{id}/outcome")
	String conclude(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable PlanOutcome outcome,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endsOn,
			RedirectAttributes redirect) {
		plans.conclude(user, ImprovementPlanId.of(id), version, outcome, reason, endsOn);
		redirect.addFlashAttribute("flash", "improvement.outcome.recorded");
		return "redirect:/improvement/" + id;
	}

	/** Per goal, its progress and the pace's at each check-in and today, for the chart and its table. */
	record Point(LocalDate day, @Nullable BigDecimal progress, BigDecimal pace) {
	}

	private static Map<Long, List<Point>> history(PlanView plan) {
		Map<Long, List<Point>> history = new LinkedHashMap<>();
		plan.goals().forEach(g -> history.put(g.id(), new ArrayList<>()));
		for (CheckInView c : plan.checkIns()) {
			for (Reading r : c.readings()) {
				List<Point> points = history.get(r.goalId());
				if (points != null) {
					points.add(new Point(c.heldOn(), r.progress(), r.expectedProgress()));
				}
			}
		}
		for (GoalView g : plan.goals()) {
			List<Point> points = history.get(g.id());
			if (points.isEmpty() || points.get(points.size() - 1).day().isBefore(plan.asOf())) {
				points.add(new Point(plan.asOf(), g.pace().progress(), g.pace().expectedProgress()));
			}
		}
		return history;
	}

	private List<Map<String, Object>> charts(PlanView plan) {
		return history(plan).values().stream().map(points -> {
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("days", points.stream().map(p -> fmt.date(p.day())).toList());
			chart.put("progress", points.stream().map(Point::progress).toList());
			chart.put("pace", points.stream().map(Point::pace).toList());
			return chart;
		}).toList();
	}
}
