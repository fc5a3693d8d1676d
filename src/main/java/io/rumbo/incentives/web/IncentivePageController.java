package io.rumbo.incentives.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.Cadence;
import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.IncentiveCalculation;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PlanState;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.incentives.domain.PayoutCurve;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffOption;
import io.rumbo.quotas.Attainment;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.HtmlOptions;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incentive pages: the plan list, a plan (its components' tiers as tables and a payout curve each, its
 * assignments, the approve button), the form that writes a plan (rows added and removed through htmx, numbers in the
 * reader's language) and the preview of what each person earns in a period.
 */
@Controller
class IncentivePageController {

	/** The list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable Integer fiscalYear, @Nullable PlanState state) {

		IncentivePlans.Filter criteria() {
			return new IncentivePlans.Filter(q, fiscalYear, state);
		}
	}

	private final IncentivePlans plans;
	private final IncentiveCalculation calculation;
	private final IncentiveExports exports;
	private final MetricsReports periods;
	private final Attainment attainment;
	private final OrgDirectory org;
	private final StaffManagement staff;
	private final CatalogManagement catalog;
	private final Formats fmt;
	private final JsonMapper json;

	IncentivePageController(IncentivePlans plans, IncentiveCalculation calculation, IncentiveExports exports,
			MetricsReports periods, Attainment attainment, OrgDirectory org, StaffManagement staff,
			CatalogManagement catalog, Formats fmt, JsonMapper json) {
		this.staff = staff;
		this.plans = plans;
		this.calculation = calculation;
		this.exports = exports;
		this.periods = periods;
		this.attainment = attainment;
		this.org = org;
		this.catalog = catalog;
		this.fmt = fmt;
		this.json = json;
	}

	@GetMapping(value = "/incentives/plans", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return exports.plans(user, filter.criteria(), list.unpaged(IncentivePlans.SORTS, "name"),
				ExportFormat.param(format));
	}

	@GetMapping("/incentives/plans")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(IncentivePlans.SORTS, "name", 25);
		model.addAttribute("states", PlanState.values());
		model.addAttribute("mayWrite", IncentivePlans.mayWrite(user));
		return ListPages.render(request, model, "incentives/plan-list", filter, query,
				plans.list(user, filter.criteria(), query));
	}

	@GetMapping("/incentives/plans/{id}")
	String plan(CurrentUser user, @PathVariable long id, Model model) {
		PlanView plan = plans.get(user, id);
		model.addAttribute("plan", plan);
		model.addAttribute("assignments", plans.assignments(user, id));
		model.addAttribute("mayWrite", IncentivePlans.mayWrite(user));
		if (IncentivePlans.mayWrite(user)) {
			// Whom to assign is chosen by name among the active people in the reader's reach, not typed as an id.
			model.addAttribute("staffOptions", HtmlOptions.of(staff.options(user, null), StaffOption::id,
					p -> p.lastName() + ", " + p.firstName() + " · " + p.unitName(), null));
		}
		model.addAttribute("mayApprove", IncentivePlans.mayApprove(user) && plan.state() == PlanState.DRAFT);
		model.addAttribute("periods", attainment.periodChoices(plan.details().fiscalYear()));
		model.addAttribute("lines", lineNames());
		List<Map<String, Object>> curves = new ArrayList<>();
		for (ComponentDetails c : plan.details().components()) {
			Map<String, Object> curve = new LinkedHashMap<>();
			List<PayoutCurve.Point> points = PayoutCurve.of(c);
			curve.put("percent", c.basis() == TableBasis.ATTAINMENT || io.rumbo.incentives.domain.PlanRules.needsQuota(c));
			curve.put("x", points.stream().map(PayoutCurve.Point::x).toList());
			curve.put("amount", points.stream().map(PayoutCurve.Point::amount).toList());
			curves.add(curve);
		}
		model.addAttribute("chartsJson", ChartData.json(json, curves));
		model.addAttribute("referenceQuota", PayoutCurve.REFERENCE_QUOTA);
		return "incentives/plan";
	}

	@PostMapping("/incentives/plans/{id}/approve")
	String approve(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		plans.approve(user, id, version);
		redirect.addFlashAttribute("flash", "incentives.page.approved");
		return "redirect:/incentives/plans/" + id;
	}

	@PostMapping("/incentives/plans/{id}/assignments")
	String assign(CurrentUser user, @PathVariable long id, @RequestParam long staffId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "false") boolean excluded, RedirectAttributes redirect) {
		plans.assign(user, id, staffId, from, to, excluded, null);
		redirect.addFlashAttribute("flash", "incentives.page.assigned");
		return "redirect:/incentives/plans/" + id + "#assignments";
	}

	@GetMapping("/incentives/plans/{id}/preview")
	String preview(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String period,
			Model model) {
		PlanView plan = plans.get(user, id);
		model.addAttribute("plan", plan);
		model.addAttribute("preview", calculation.preview(user, id, period));
		model.addAttribute("periods", attainment.periodChoices(plan.details().fiscalYear()));
		return "incentives/preview";
	}

	@GetMapping("/incentives/plans/new")
	String newPlan(CurrentUser user, Model model) {
		writing(user);
		int year = Integer.parseInt(periods.code(periods.period(null)).substring(2));
		return form(PlanForm.blank(year), null, model);
	}

	@PostMapping("/incentives/plans/new")
	String create(CurrentUser user, @ModelAttribute("form") PlanForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		try {
			PlanView created = plans.create(user, form.details(fmt));
			redirect.addFlashAttribute("flash", "incentives.page.saved");
			return "redirect:/incentives/plans/" + created.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(form, null, model);
		}
	}

	@GetMapping("/incentives/plans/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, Model model) {
		writing(user);
		PlanView plan = plans.get(user, id);
		return form(PlanForm.of(plan.details(), fmt), plan, model);
	}

	/** A draft is rewritten; an approved plan's changes are saved as its next version (a new draft). */
	@PostMapping("/incentives/plans/{id}/edit")
	String update(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@ModelAttribute("form") PlanForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		try {
			PlanView saved = plans.update(user, id, version, form.details(fmt));
			redirect.addFlashAttribute("flash", "incentives.page.saved");
			return "redirect:/incentives/plans/" + saved.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(form, plans.get(user, id), model);
		}
	}

	/** The components with a row added or removed (htmx). */
	@PostMapping("/incentives/plans/form/components")
	String components(CurrentUser user, @ModelAttribute("form") PlanForm form, @RequestParam PlanForm.Change change,
			@RequestParam(required = false) @Nullable Integer component,
			@RequestParam(required = false) @Nullable Integer row, Model model) {
		writing(user);
		form.change(change, component, row);
		form(form, null, model);
		return "incentives/plan-form :: components";
	}

	private static void writing(CurrentUser user) {
		if (!IncentivePlans.mayWrite(user)) {
			throw new AccessRefusedException("write incentive plans");
		}
	}

	private Map<Long, String> lineNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		boolean spanish = "es".equals(fmt.lang());
		catalog.lines(false).forEach(l -> names.put(l.id(), l.code() + " · " + (spanish ? l.nameEs() : l.nameEn())));
		return names;
	}

	private String form(PlanForm form, @Nullable PlanView plan, Model model) {
		form.fill();
		model.addAttribute("form", form);
		model.addAttribute("plan", plan);
		model.addAttribute("roles", JobRole.values());
		model.addAttribute("units", org.unitTree());
		model.addAttribute("measures", Metric.values());
		model.addAttribute("measuredOn", MeasuredOn.values());
		model.addAttribute("cadences", Cadence.values());
		model.addAttribute("bases", TableBasis.values());
		model.addAttribute("kinds", TableKind.values());
		model.addAttribute("boundaries", TierBoundary.values());
		model.addAttribute("prorations", ProrationRule.values());
		model.addAttribute("draws", DrawKind.values());
		model.addAttribute("clawbacks", ClawbackPolicy.values());
		model.addAttribute("lines", lineNames());
		return "incentives/plan-form";
	}
}
