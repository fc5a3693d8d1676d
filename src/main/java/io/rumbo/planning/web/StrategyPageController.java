package io.rumbo.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.customers.CompanySize;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.web.Formats;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.planning.InitiativeStatus;
import io.rumbo.planning.ObjectiveKind;
import io.rumbo.planning.ObjectiveManagement;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.SegmentManagement;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.shared.web.ChartData;
import tools.jackson.databind.json.JsonMapper;

/** A plan's year in one page: the company objectives against the plan, target markets with coverage, strategies. */
@Controller
class StrategyPageController {

	private final PlanReading plans;
	private final ObjectiveManagement objectives;
	private final SegmentManagement segments;
	private final StrategyManagement strategies;
	private final CatalogManagement catalog;
	private final StaffManagement staff;
	private final OrgUnitManagement units;
	private final JsonMapper json;
	private final Formats fmt;

	StrategyPageController(PlanReading plans, ObjectiveManagement objectives, SegmentManagement segments,
			StrategyManagement strategies, CatalogManagement catalog, StaffManagement staff, OrgUnitManagement units,
			JsonMapper json, Formats fmt) {
		this.fmt = fmt;
		this.plans = plans;
		this.objectives = objectives;
		this.segments = segments;
		this.strategies = strategies;
		this.catalog = catalog;
		this.staff = staff;
		this.units = units;
		this.json = json;
	}

	/** An objective with the plan's figure for the same measure (the version that counts) and the difference. */
	record ObjectiveLine(ObjectiveManagement.ObjectiveView objective, @Nullable BigDecimal planned,
			@Nullable BigDecimal difference) {
	}

	record SegmentLine(SegmentManagement.SegmentView segment, SegmentManagement.Coverage coverage) {
	}

	@GetMapping("/plans/{id}/strategy")
	String page(CurrentUser user, @PathVariable long id, Model model) {
		PlanViews.PlanView plan = plans.plan(user, id);
		PlanViews.VersionView current = plan.current();
		List<ObjectiveLine> lines = new ArrayList<>();
		for (ObjectiveManagement.ObjectiveView o : objectives.list(plan.fiscalYear())) {
			BigDecimal planned = current == null ? null : switch (o.kind()) {
				case REVENUE -> current.totals().revenue();
				case MARGIN -> current.totals().margin();
				case UNITS -> current.totals().units();
				case NEW_CUSTOMERS -> BigDecimal.valueOf(current.totals().newCustomers());
				case QUALITATIVE -> null;
			};
			lines.add(new ObjectiveLine(o, planned,
					planned == null || o.targetValue() == null ? null : planned.subtract(o.targetValue())));
		}
		List<SegmentLine> segmentLines = segments.list().stream()
			.map(s -> new SegmentLine(s, segments.coverage(user, s.id(), null, null)))
			.toList();
		List<StrategyManagement.StrategyView> strategyList = strategies.list(id);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("names", strategyList.stream().map(StrategyManagement.StrategyView::name).toList());
		chart.put("expected", strategyList.stream().map(s -> s.expectedRevenue() == null ? BigDecimal.ZERO
				: s.expectedRevenue()).toList());
		chart.put("actual", strategyList.stream().map(StrategyManagement.StrategyView::actualRevenue).toList());
		model.addAttribute("plan", plan);
		model.addAttribute("current", current);
		model.addAttribute("objectives", lines);
		model.addAttribute("segments", segmentLines);
		model.addAttribute("strategies", strategyList);
		model.addAttribute("chartJson", ChartData.json(json, chart));
		model.addAttribute("kinds", ObjectiveKind.values());
		model.addAttribute("statuses", InitiativeStatus.values());
		model.addAttribute("sizes", CompanySize.values());
		model.addAttribute("classes", PotentialClass.values());
		model.addAttribute("customerSegments", Segment.values());
		model.addAttribute("lines", catalog.lines(false));
		model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
		model.addAttribute("mayDefine", StrategyManagement.mayDefine(user));
		model.addAttribute("people", staff.options(user, null));
		model.addAttribute("unitOptions", StrategyManagement.mayDefine(user) ? units.assignableUnits(user) : List.of());
		return "planning/strategy";
	}

	@PostMapping("/plans/{id}/objectives")
	String addObjective(CurrentUser user, @PathVariable long id, @RequestParam ObjectiveKind kind,
			@RequestParam String title, @RequestParam(required = false) @Nullable String targetValue,
			@RequestParam(required = false) @Nullable Long ownerStaffId, RedirectAttributes redirect) {
		PlanViews.PlanView plan = plans.plan(user, id);
		return outcome(redirect, id, "#objectives", () -> objectives.create(user, new ObjectiveManagement.ObjectiveDetails(
				plan.fiscalYear(), kind, title, fmt.parseField("targetValue", targetValue), ownerStaffId, null)));
	}

	@PostMapping("/plans/{id}/objectives/{objectiveId}/delete")
	String deleteObjective(CurrentUser user, @PathVariable long id, @PathVariable long objectiveId,
			RedirectAttributes redirect) {
		return outcome(redirect, id, "#objectives", () -> objectives.delete(user, objectiveId));
	}

	@PostMapping("/plans/{id}/segments")
	String addSegment(CurrentUser user, @PathVariable long id, @RequestParam String name,
			@RequestParam(required = false) @Nullable String industry, @RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable CompanySize companySize,
			@RequestParam(required = false) @Nullable PotentialClass potentialClass,
			@RequestParam(required = false) @Nullable Segment customerSegment, RedirectAttributes redirect) {
		return outcome(redirect, id, "#segments", () -> segments.create(user, new SegmentManagement.SegmentDetails(name,
				null, new SegmentManagement.Criteria(industry, region, companySize, potentialClass, customerSegment))));
	}

	@PostMapping("/plans/{id}/strategies")
	String addStrategy(CurrentUser user, @PathVariable long id, @RequestParam String name,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable Long ownerStaffId,
			@RequestParam(required = false) @Nullable Long segmentId, @RequestParam(required = false) @Nullable Long lineId,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable String expectedRevenue,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, RedirectAttributes redirect) {
		return outcome(redirect, id, "#strategies", () -> strategies.create(user, new StrategyManagement.StrategyDetails(
				id, name, description, ownerStaffId, segmentId, lineId, unitId, fmt.parseField("expectedRevenue", expectedRevenue), null, startsOn, endsOn)));
	}

	@PostMapping("/plans/{id}/strategies/{strategyId}/initiatives")
	String addInitiative(CurrentUser user, @PathVariable long id, @PathVariable long strategyId,
			@RequestParam String title, @RequestParam(required = false) @Nullable Long ownerStaffId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
			RedirectAttributes redirect) {
		return outcome(redirect, id, "#strategies",
				() -> strategies.addInitiative(user, strategyId, title, ownerStaffId, dueOn));
	}

	@PostMapping("/plans/{id}/strategies/{strategyId}/initiatives/{initiativeId}")
	String moveInitiative(CurrentUser user, @PathVariable long id, @PathVariable long strategyId,
			@PathVariable long initiativeId, @RequestParam long version, @RequestParam InitiativeStatus status,
			RedirectAttributes redirect) {
		return outcome(redirect, id, "#strategies",
				() -> strategies.moveInitiative(user, strategyId, initiativeId, version, status));
	}

	/** Runs a change and goes back to its section; a refused change comes back as a message (PageFormErrors). */
	private static String outcome(RedirectAttributes redirect, long id, String anchor, Runnable action) {
		action.run();
		redirect.addFlashAttribute("flash", "planning.strategyPage.saved");
		return "redirect:/plans/" + id + "/strategy" + anchor;
	}
}
