package io.rumbo.quotas.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.quotas.Attainment;
import io.rumbo.quotas.AttainmentSorting;
import io.rumbo.quotas.AttainmentViews;
import io.rumbo.quotas.domain.Pacing;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import io.rumbo.shared.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attainment pages: "My targets" (a salesperson's own, or a person a manager opens from the team), the team view
 * (every person of a manager's subtree, at risk first, with the allocation mismatch), the company view by unit and
 * the leaderboard. Every figure comes from {@link Attainment}, which applies the reader's data scope.
 */
@Controller
class AttainmentPageController {

	/** The query string of the team and company views: ?period=&measure=&unit= (plus page, size and sort). */
	record ViewFilter(@Nullable String period, @Nullable String measure, @Nullable Long unit) {

		Metric metric() {
			return Attainment.measures(measure == null ? null : List.of(measure)).get(0);
		}

		@Nullable UnitId unitId() {
			return unit == null || unit <= 0 ? null : UnitId.of(unit);
		}
	}

	private final Attainment attainment;
	private final JsonMapper json;

	AttainmentPageController(Attainment attainment, JsonMapper json) {
		this.attainment = attainment;
		this.json = json;
	}

	@GetMapping("/targets")
	String mine(CurrentUser user, @RequestParam(required = false) @Nullable String period, Model model) {
		StaffId self = attainment.self(user);
		AttainmentViews.PeriodView shown = attainment.period(period);
		model.addAttribute("self", true);
		if (self == null) {
			model.addAttribute("shown", shown);
			model.addAttribute("periods", attainment.periodChoices(shown.fiscalYear()));
			return "quotas/targets";
		}
		return person(user, self, period, model);
	}

	@GetMapping("/targets/people/{staffId}")
	String someone(CurrentUser user, @PathVariable long staffId, @RequestParam(required = false) @Nullable String period,
			Model model) {
		if (staffId <= 0) {
			throw new NotFoundException("staff", staffId);
		}
		StaffId self = attainment.self(user);
		model.addAttribute("self", self != null && self.value() == staffId);
		return person(user, StaffId.of(staffId), period, model);
	}

	private String person(CurrentUser user, StaffId staff, @Nullable String period, Model model) {
		AttainmentViews.PersonView person = attainment.person(user, staff, period, List.of());
		model.addAttribute("person", person);
		model.addAttribute("shown", person.period());
		model.addAttribute("periods", attainment.periodChoices(person.period().fiscalYear()));
		List<Map<String, Object>> charts = new ArrayList<>();
		for (AttainmentViews.MeasureView m : person.measures()) {
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("months", m.months().stream().map(p -> p.month().toString().substring(0, 7)).toList());
			chart.put("quota", m.months().stream().map(AttainmentViews.MonthPoint::cumulativeQuota).toList());
			// The actual line stops at the current month: months to come have no actual yet, not a zero one.
			LocalDate asOf = person.period().asOf();
			chart.put("actual", m.months().stream()
				.map(p -> p.month().isAfter(asOf) ? null : p.cumulativeActual()).toList());
			chart.put("money", m.unit().equals("MONEY"));
			charts.add(chart);
		}
		model.addAttribute("chartsJson", ChartData.json(json, charts));
		model.addAttribute("drill", drillLinks(person));
		return "quotas/targets";
	}

	/**
	 * Where the records behind each figure are listed: the metrics drill-down for the person and the period, which
	 * shows every order, activity, opportunity, case, rating or task with the share credited to them.
	 */
	private static Map<String, String> drillLinks(AttainmentViews.PersonView person) {
		Map<String, String> links = new LinkedHashMap<>();
		for (AttainmentViews.MeasureView m : person.measures()) {
			links.put(m.measure(), "/metrics/records?measure=" + m.measure() + "&period=" + person.period().code()
					+ "&person=" + person.staffId());
		}
		return links;
	}

	@GetMapping(value = "/targets/team", params = "format")
	ResponseEntity<StreamingResponseBody> exportTeam(CurrentUser user, @RequestParam String format, ViewFilter filter,
			ListRequest list) {
		List<AttainmentViews.Row> rows = attainment.people(user, filter.period(), List.of(filter.metric()),
				filter.unitId());
		return AttainmentExports.rows(ExportFormat.param(format), attainment.period(filter.period()),
				AttainmentSorting.sort(rows, list.unpaged(AttainmentSorting.SORTS, AttainmentSorting.DEFAULT_SORT)));
	}

	@GetMapping("/targets/team")
	String team(CurrentUser user, ViewFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(AttainmentSorting.SORTS, AttainmentSorting.DEFAULT_SORT, 25);
		List<Metric> measures = List.of(filter.metric());
		PageResponse<AttainmentViews.Row> page = AttainmentSorting
			.page(attainment.people(user, filter.period(), measures, filter.unitId()), query);
		common(filter, model);
		model.addAttribute("mismatches", attainment.mismatches(user, filter.period(), measures, filter.unitId()));
		model.addAttribute("atRisk", page.content().stream().filter(r -> r.pace().atRisk()).count());
		return ListPages.render(request, model, "quotas/team", filter, query, page);
	}

	@GetMapping("/targets/company")
	String company(CurrentUser user, ViewFilter filter, Model model) {
		List<Metric> measures = List.of(filter.metric());
		common(filter, model);
		List<AttainmentViews.Row> top = attainment.company(user, filter.period(), measures);
		model.addAttribute("company", top);
		model.addAttribute("units", attainment.units(user, filter.period(), measures, null));
		return "quotas/company";
	}

	@GetMapping("/targets/leaderboard")
	String leaderboard(CurrentUser user, ViewFilter filter, Model model) {
		common(filter, model);
		model.addAttribute("board", attainment.leaderboard(user, filter.period(), filter.metric(), filter.unitId()));
		return "quotas/leaderboard";
	}

	private void common(ViewFilter filter, Model model) {
		AttainmentViews.PeriodView shown = attainment.period(filter.period());
		model.addAttribute("shown", shown);
		model.addAttribute("periods", attainment.periodChoices(shown.fiscalYear()));
		model.addAttribute("measures", Metric.values());
		model.addAttribute("metric", filter.metric());
		model.addAttribute("summed", Pacing.accumulates(filter.metric()));
	}
}
