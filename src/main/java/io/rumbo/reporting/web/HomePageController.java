package io.rumbo.reporting.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.rumbo.identity.CurrentUser;
import io.rumbo.planning.PlanViews.PerformanceRow;
import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.reporting.HomeKind;
import io.rumbo.reporting.HomePanels;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.web.ChartData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home page: a frame with the panels of the reader's role, each loaded by its own request
 * ({@code /home/panels/<name>}, a fragment of the same template), so one slow or failing panel holds up none of the
 * others. Signing in lands here.
 */
@Controller
class HomePageController {

	private final HomePanels panels;
	private final JsonMapper json;

	HomePageController(HomePanels panels, JsonMapper json) {
		this.panels = panels;
		this.json = json;
	}

	@GetMapping({ "/", "/home" })
	String home(CurrentUser user, Model model) {
		HomeKind kind = HomeKind.of(user);
		model.addAttribute("kind", kind);
		model.addAttribute("panels", kind.panels());
		Long self = kind == HomeKind.SALESPERSON ? panels.self(user) : null;
		model.addAttribute("self", self);
		model.addAttribute("links", links(self));
		return "reporting/home";
	}

	/**
	 * The full list behind each panel, with the panel's filters: the way on without JavaScript, and the "see all" of
	 * every panel.
	 */
	static Map<String, String> links(@Nullable Long self) {
		String mine = self == null ? "" : "&ownerStaffId=" + self;
		Map<String, String> links = new LinkedHashMap<>();
		links.put("targets", "/targets");
		links.put("agenda", "/agenda");
		links.put("tasks", "/tasks?open=true");
		links.put("closing", "/opportunities/list?open=true&sort=expectedClose" + mine);
		links.put("stale", "/opportunities/list?open=true" + mine);
		links.put("cases", self == null ? "/service-cases" : "/service-cases?staffId=" + self);
		links.put("feed", "/recognition");
		links.put("earnings", "/incentives/estimates");
		links.put("team", "/targets/team");
		links.put("coverage", "/opportunities/list?open=true");
		links.put("forecast", "/forecast/team");
		links.put("overdue", "/tasks?open=true&overdue=true");
		links.put("evaluations", "/evaluation");
		links.put("approvals", "/recognition/proposals?status=OPEN");
		links.put("plan", "/plans");
		links.put("strategies", "/plans");
		links.put("objectives", "/plans");
		return links;
	}

	/** One panel of the reader's page; a panel of another role's page is not found. */
	@GetMapping("/home/panels/{panel}")
	String panel(CurrentUser user, @PathVariable String panel, Model model) {
		HomeKind kind = HomeKind.of(user);
		if (!kind.shows(panel)) {
			throw new NotFoundException("panel", panel);
		}
		model.addAttribute("kind", kind);
		switch (panel) {
			case "targets" -> model.addAttribute("targets", panels.targets(user));
			case "agenda" -> model.addAttribute("agenda", panels.agenda(user));
			case "tasks" -> model.addAttribute("tasks", panels.tasks(user));
			case "closing" -> model.addAttribute("closing", panels.closing(user));
			case "stale" -> model.addAttribute("stale", panels.stale(user));
			case "cases" -> model.addAttribute("cases", panels.cases(user));
			case "feed" -> model.addAttribute("feed", panels.feed(user));
			case "earnings" -> model.addAttribute("earnings", panels.earnings(user));
			case "team" -> {
				HomePanels.Team team = panels.team(user);
				model.addAttribute("team", team);
				model.addAttribute("teamChart", ChartData.json(json, teamChart(team.rows())));
			}
			case "coverage" -> model.addAttribute("coverage", panels.coverage(user));
			case "forecast" -> model.addAttribute("forecast", panels.forecast(user));
			case "overdue" -> model.addAttribute("overdue", panels.overdue(user));
			case "evaluations" -> model.addAttribute("evaluations", panels.evaluations(user));
			case "approvals" -> model.addAttribute("approvals", panels.approvals(user));
			case "plan" -> {
				HomePanels.PlanByRegion plan = panels.plan(user);
				model.addAttribute("plan", plan);
				if (plan != null) {
					model.addAttribute("planChart", ChartData.json(json, planChart(plan.regions())));
				}
			}
			case "strategies" -> model.addAttribute("strategies", panels.strategies(user));
			case "objectives" -> model.addAttribute("objectives", panels.objectives(user));
			default -> throw new NotFoundException("panel", panel);
		}
		model.addAttribute("self", kind == HomeKind.SALESPERSON ? panels.self(user) : null);
		return "reporting/home :: panel-" + panel;
	}

	/** Attainment in percent per person, in the panel's order (at risk first), for the bar chart. */
	private static Map<String, Object> teamChart(List<Row> rows) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("counts", true);
		data.put("labels", rows.stream().map(Row::name).toList());
		data.put("values", rows.stream().map(r -> r.pace().attainment() == null ? BigDecimal.ZERO
				: r.pace().attainment()).toList());
		return data;
	}

	/** Target, actual and forecast per region. */
	private static Map<String, Object> planChart(List<PerformanceRow> regions) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", regions.stream().map(PerformanceRow::label).toList());
		data.put("target", regions.stream().map(PerformanceRow::target).toList());
		data.put("actual", regions.stream().map(PerformanceRow::actual).toList());
		data.put("forecast", regions.stream().map(PerformanceRow::forecast).toList());
		return data;
	}
}
