package io.rumbo.planning.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.Measure;
import io.rumbo.planning.PlanPerformance;
import io.rumbo.planning.PlanPermissions;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanState;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.PlanTargets;
import io.rumbo.planning.PlanWorkflow;
import io.rumbo.planning.SpreadMethod;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.Formats;
import tools.jackson.databind.json.JsonMapper;

/** Plans: the list, a plan's versions with the targets grid (htmx cell edits), spreading, workflow and changes. */
@Controller
class PlanPageController {

	private final PlanReading plans;
	private final PlanWorkflow workflow;
	private final PlanTargets targets;
	private final PlanPerformance performance;
	private final FiscalCalendar calendar;
	private final CatalogManagement catalog;
	private final JsonMapper json;
	private final Formats fmt;
	private final MessageSource messages;

	PlanPageController(PlanReading plans, PlanWorkflow workflow, PlanTargets targets, PlanPerformance performance,
			FiscalCalendar calendar, CatalogManagement catalog, JsonMapper json, Formats fmt, MessageSource messages) {
		this.fmt = fmt;
		this.messages = messages;
		this.plans = plans;
		this.workflow = workflow;
		this.targets = targets;
		this.performance = performance;
		this.calendar = calendar;
		this.catalog = catalog;
		this.json = json;
	}

	@GetMapping("/plans")
	String list(CurrentUser user, Model model) {
		List<PlanViews.PlanView> all = plans.plans(user);
		model.addAttribute("plans", all);
		model.addAttribute("mayCreate", PlanPermissions.mayCreate(user));
		int current = calendar.currentYear();
		// The form proposes the first of this and the next year that has no plan yet.
		int proposed = all.stream().anyMatch(p -> p.fiscalYear() == current) ? current + 1 : current;
		model.addAttribute("nextYear", proposed);
		model.addAttribute("years", List.of(current - 1, current, current + 1, current + 2));
		model.addAttribute("calendar", calendar.years());
		model.addAttribute("calendarView", calendar.view());
		model.addAttribute("monthNames", java.util.Arrays.stream(java.time.Month.values())
			.map(m -> m.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, LocaleContextHolder.getLocale()))
			.toList());
		model.addAttribute("mayChangeCalendar", PlanPermissions.mayCreate(user) && all.isEmpty());
		return "planning/plans";
	}

	@PostMapping("/plans/calendar")
	String changeCalendar(CurrentUser user, @RequestParam int startMonth, @RequestParam long version,
			RedirectAttributes redirect) {
		calendar.change(user, startMonth, version);
		redirect.addFlashAttribute("flash", "planning.calendar.saved");
		return "redirect:/plans";
	}

	@PostMapping("/plans")
	String create(CurrentUser user, @RequestParam int fiscalYear, @RequestParam String name,
			@RequestParam(required = false) @Nullable String growthPercent, RedirectAttributes redirect) {
		BigDecimal growth = fmt.parseField("growthPercent", growthPercent);
		PlanViews.PlanView plan = workflow.create(user, fiscalYear, name, growth == null ? BigDecimal.ZERO : growth,
				Map.of());
		redirect.addFlashAttribute("flash", "planning.plan.created");
		return "redirect:/plans/" + plan.id();
	}

	@GetMapping("/plans/{id}")
	String plan(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(defaultValue = "REVENUE") Measure measure, @RequestParam(required = false) @Nullable Long line,
			HttpServletRequest request, Model model) {
		PlanViews.PlanView plan = plans.plan(user, id);
		PlanViews.VersionView shown = version == null ? plan.current()
				: plan.versions().stream().filter(v -> v.id() == version).findFirst()
					.orElseThrow(() -> new NotFoundException("planVersion", version));
		model.addAttribute("plan", plan);
		model.addAttribute("shown", shown);
		model.addAttribute("measure", measure);
		model.addAttribute("line", line);
		model.addAttribute("measures", Measure.values());
		model.addAttribute("methods", SpreadMethod.values());
		model.addAttribute("lines", catalog.lines(false));
		model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
		model.addAttribute("mayCreate", PlanPermissions.mayCreate(user));
		model.addAttribute("mayApprove", PlanPermissions.mayApprove(user));
		model.addAttribute("maySubmit", PlanPermissions.maySubmit(user));
		model.addAttribute("openDraft", plan.versions().stream()
			.anyMatch(v -> v.state() == PlanState.DRAFT || v.state() == PlanState.SUBMITTED));
		if (shown != null) {
			model.addAttribute("grid", plans.grid(user, shown.id(), measure,
					measure == Measure.NEW_CUSTOMERS ? null : line));
			model.addAttribute("differences", shown.basedOnNumber() == null ? List.of()
					: plans.differences(user, shown.id()));
		}
		if ("true".equals(request.getHeader("HX-Request")) && request.getParameter("fragment") != null) {
			return "planning/plan :: grid";
		}
		return "planning/plan";
	}

	/**
	 * A cell or a total changed in the grid: answers the redrawn grid, so the roll-ups show the change at once. A value
	 * that is not a number as the reader's language writes it answers the grid with that cell marked and the reason
	 * next to it (status 400, which the page swaps in like any answer).
	 */
	@PostMapping("/plans/{id}/versions/{versionId}/cells")
	String cell(CurrentUser user, @PathVariable long id, @PathVariable long versionId, @RequestParam long unitId,
			@RequestParam String period, @RequestParam Measure measure, @RequestParam(required = false) @Nullable Long line,
			@RequestParam String value, @RequestParam long version, HttpServletResponse response, Model model) {
		Long lineId = measure == Measure.NEW_CUSTOMERS ? null : line;
		BigDecimal amount = fmt.parse(value);
		PlanViews.SpreadResult result = null;
		String refusal = null;
		if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > measure.scale()) {
			refusal = messages.getMessage(measure.scale() == 0 ? "planning.grid.cell.whole" : "planning.grid.cell.invalid",
					new Object[] { fmt.decimal(new BigDecimal("12000.50").setScale(measure.scale(), RoundingMode.DOWN),
							measure.scale()) }, LocaleContextHolder.getLocale());
		}
		else {
			try {
				result = targets.spread(user, versionId, version, unitId, lineId, period, measure, amount,
						SpreadMethod.EVEN, true);
			}
			catch (ValidationFailedException ex) {
				ValidationFailedException.FieldError first = ex.errors().get(0);
				refusal = messages.getMessage(first.messageKey(), first.arguments(), first.messageKey(),
						LocaleContextHolder.getLocale());
			}
		}
		PlanViews.GridView grid = plans.grid(user, versionId, measure, lineId);
		model.addAttribute("plan", plans.plan(user, id));
		model.addAttribute("shown", plans.version(user, versionId));
		model.addAttribute("measure", measure);
		model.addAttribute("line", lineId);
		model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
		model.addAttribute("grid", grid);
		model.addAttribute("spread", result);
		model.addAttribute("cellEdit", true);
		if (refusal != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("cellError", new CellError(unitId, period, value, cellLabel(grid, unitId, period), refusal));
		}
		return "planning/plan :: grid";
	}

	/** A refused cell edit: which cell, what was typed, and the reason, shown at the cell. */
	record CellError(long unitId, String period, String typed, String label, String message) {
	}

	/** The cell as the reader names it: the unit's name and the column's heading. */
	private static String cellLabel(PlanViews.GridView grid, long unitId, String period) {
		String unit = grid.rows().stream().filter(r -> r.unitId() == unitId).map(PlanViews.GridRow::unitName)
			.findFirst().orElse("");
		String column = java.util.stream.Stream.concat(java.util.stream.Stream.concat(grid.months().stream(),
				grid.quarters().stream()), java.util.stream.Stream.of(grid.year()))
			.filter(c -> c.code().equals(period)).map(PlanViews.GridColumn::label).findFirst().orElse(period);
		return (unit + " " + column).strip();
	}

	@PostMapping("/plans/{id}/versions/{versionId}/spread")
	String spread(CurrentUser user, @PathVariable long id, @PathVariable long versionId, @RequestParam long unitId,
			@RequestParam(required = false) @Nullable Long line, @RequestParam String period,
			@RequestParam Measure measure, @RequestParam String total, @RequestParam SpreadMethod method,
			RedirectAttributes redirect) {
		PlanViews.SpreadResult result = targets.spread(user, versionId, null, unitId,
				measure == Measure.NEW_CUSTOMERS ? null : line, period, measure, fmt.parseRequired("total", total), method,
				false);
		int scale = measure.scale();
		boolean left = fmt.differs(result.difference(), scale);
		redirect.addFlashAttribute("flash", left ? "planning.grid.saved" : "planning.grid.savedExact");
		redirect.addFlashAttribute("flashArgs", new Object[] { fmt.decimal(result.total(), scale), result.cells(),
				fmt.decimal(result.difference(), scale) });
		return "redirect:/plans/" + id + "?version=" + versionId + "&measure=" + measure
				+ (line == null ? "" : "&line=" + line);
	}

	@PostMapping("/plans/{id}/versions/{versionId}/{action:submit|approve|return|activate}")
	String move(CurrentUser user, @PathVariable long id, @PathVariable long versionId, @PathVariable String action,
			@RequestParam long version, RedirectAttributes redirect) {
		PlanViews.VersionView moved = switch (action) {
			case "submit" -> workflow.submit(user, versionId, version);
			case "approve" -> workflow.approve(user, versionId, version);
			case "return" -> workflow.returnToDraft(user, versionId, version);
			default -> workflow.activate(user, versionId, version);
		};
		redirect.addFlashAttribute("flash", "planning.version.moved." + moved.state().name());
		return "redirect:/plans/" + id + "?version=" + versionId;
	}

	@PostMapping("/plans/{id}/versions/{versionId}/revise")
	String revise(CurrentUser user, @PathVariable long id, @PathVariable long versionId,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		PlanViews.VersionView draft = workflow.revise(user, versionId, note);
		redirect.addFlashAttribute("flash", "planning.version.revised");
		return "redirect:/plans/" + id + "?version=" + draft.id();
	}

	@GetMapping("/plans/{id}/performance")
	String performance(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "unit") String by,
			@RequestParam(required = false) @Nullable String period, Model model) {
		PlanViews.Performance figures = performance.performance(user, id, by, period);
		PlanViews.Performance months = "month".equals(by) ? figures
				: performance.performance(user, id, "month", period);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("months", months.rows().stream().map(PlanViews.PerformanceRow::label).toList());
		chart.put("target", months.rows().stream().map(PlanViews.PerformanceRow::target).toList());
		chart.put("actual", months.rows().stream().map(PlanViews.PerformanceRow::actual).toList());
		chart.put("forecast", months.rows().stream().map(PlanViews.PerformanceRow::forecast).toList());
		PlanViews.PlanView plan = plans.plan(user, id);
		model.addAttribute("plan", plan);
		model.addAttribute("figures", figures);
		model.addAttribute("by", by);
		model.addAttribute("period", figures.period());
		model.addAttribute("periods", periods(plan.fiscalYear()));
		model.addAttribute("chartJson", ChartData.json(json, chart));
		return "planning/performance";
	}

	/** The periods the performance page offers: the year, its quarters and its months, by code with a label. */
	private List<PlanViews.GridColumn> periods(int fiscalYear) {
		FiscalYears years = calendar.years();
		List<PlanViews.GridColumn> periods = new java.util.ArrayList<>();
		periods.add(new PlanViews.GridColumn(years.code(years.year(fiscalYear)), years.label(fiscalYear)));
		for (int q = 1; q <= 4; q++) {
			periods.add(new PlanViews.GridColumn(years.code(years.quarter(fiscalYear, q)), "Q" + q));
		}
		for (FiscalPeriod month : years.months(fiscalYear)) {
			periods.add(new PlanViews.GridColumn(years.code(month), month.start().toString().substring(0, 7)));
		}
		return periods;
	}
}
