package io.rumbo.evaluation.web;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.evaluation.CalibrationViews.PersonHistory;
import io.rumbo.evaluation.CalibrationViews.TeamHistory;
import io.rumbo.evaluation.Calibrations;
import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.EvaluationCycles;
import io.rumbo.evaluation.EvaluationHistory;
import io.rumbo.evaluation.Nominations;
import io.rumbo.evaluation.ScorecardViews.CycleView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calibration pages: a cycle's distribution by team, rankings and results versus effort (charts drawn by
 * static/js/evaluation.js from the page's JSON block, the same figures in tables), the results-versus-effort panel
 * the cycle page loads, a score adjustment and a nomination posted from the scorecard page, a person's and a team's
 * history, and the list of nominations.
 */
@Controller
class CalibrationPageController {

	/** The nomination list's filter, as its query string names it. */
	record ListFilter(@Nullable Long cycleId, @Nullable Long staffId) {

		Nominations.Filter criteria() {
			return new Nominations.Filter(cycleId, staffId);
		}
	}

	private final Calibrations calibrations;
	private final EvaluationCycles cycles;
	private final EvaluationHistory history;
	private final Nominations nominations;
	private final StaffManagement staff;
	private final JsonMapper json;

	CalibrationPageController(Calibrations calibrations, EvaluationCycles cycles, EvaluationHistory history,
			Nominations nominations, StaffManagement staff, JsonMapper json) {
		this.calibrations = calibrations;
		this.cycles = cycles;
		this.history = history;
		this.nominations = nominations;
		this.staff = staff;
		this.json = json;
	}

	@GetMapping("/evaluation/cycles/{id}/calibration")
	String calibration(CurrentUser user, @PathVariable long id, Model model) {
		CycleView cycle = cycles.get(user, id);
		model.addAttribute("cycle", cycle);
		if (cycle.state() != CycleState.OPEN) {
			var distribution = calibrations.distribution(user, id);
			var quadrants = calibrations.quadrants(user, id);
			model.addAttribute("distribution", distribution);
			model.addAttribute("quadrants", quadrants);
			model.addAttribute("chartJson", ChartData.json(json, Map.of("distribution", distribution, "quadrants",
					quadrants)));
		}
		else if (!Calibrations.mayCalibrate(user)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("evaluation.calibration");
		}
		return "evaluation/calibration";
	}

	/** Results versus effort for the cycle page (loaded with htmx); empty for who does not calibrate or while open. */
	@GetMapping("/evaluation/cycles/{id}/quadrant")
	String quadrant(CurrentUser user, @PathVariable long id, Model model) {
		CycleView cycle = cycles.get(user, id);
		if (cycle.state() != CycleState.OPEN && Calibrations.mayCalibrate(user)) {
			var quadrants = calibrations.quadrants(user, id);
			model.addAttribute("cycle", cycle);
			model.addAttribute("quadrants", quadrants);
			model.addAttribute("chartJson", ChartData.json(json, Map.of("quadrants", quadrants)));
		}
		return "evaluation/quadrant :: quadrant";
	}

	@PostMapping("/evaluation/scorecards/{id}/adjustment")
	String adjust(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable BigDecimal score,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		calibrations.adjust(user, id, version, score, reason);
		redirect.addFlashAttribute("flash", "evaluation.adjustment.saved");
		return "redirect:/evaluation/scorecards/" + id;
	}

	@PostMapping("/evaluation/scorecards/{id}/nomination")
	String nominate(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		nominations.nominate(user, id, reason);
		redirect.addFlashAttribute("flash", "evaluation.nomination.saved");
		return "redirect:/evaluation/scorecards/" + id;
	}

	@GetMapping("/evaluation/history/people/{staffId}")
	String person(CurrentUser user, @PathVariable long staffId, Model model) {
		PersonHistory found = history.person(user, staffId);
		model.addAttribute("history", found);
		model.addAttribute("chartJson", ChartData.json(json, found));
		return "evaluation/history";
	}

	@GetMapping("/evaluation/history/teams/{unitId}")
	String team(CurrentUser user, @PathVariable long unitId, Model model) {
		TeamHistory found = history.team(user, unitId);
		model.addAttribute("team", found);
		model.addAttribute("chartJson", ChartData.json(json, found));
		return "evaluation/team-history";
	}

	@GetMapping(value = "/evaluation/nominations", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return NominationExports.download(ExportFormat.param(format), nominations, user, filter.criteria(),
				list.unpaged(Nominations.SORTS, "nominatedAt,desc"));
	}

	@GetMapping("/evaluation/nominations")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(Nominations.SORTS, "nominatedAt,desc", 25);
		model.addAttribute("people", staff.options(user, null));
		return ListPages.render(request, model, "evaluation/nominations", filter, query,
				nominations.list(user, filter.criteria(), query));
	}
}
