package io.rumbo.sales.web;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.sales.ForecastCategory;

/**
 * The forecast pages (decision 0025): a person's call with the deals behind each figure, a manager's roll-up with
 * their own call, the movement between two weekly snapshots and the accuracy history.
 */
@Controller
class ForecastPageController {

	private final ForecastCalls forecasts;
	private final io.rumbo.sales.PipelineStages stages;

	ForecastPageController(ForecastCalls forecasts, io.rumbo.sales.PipelineStages stages) {
		this.forecasts = forecasts;
		this.stages = stages;
	}

	@GetMapping("/forecast")
	String person(CurrentUser user, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable ForecastCategory category, Model model) {
		if (staffId == null && forecasts.ownStaff(user).isEmpty()) {
			// Someone without a staff record (an administrator) calls nothing of their own: the roll-up is theirs.
			return "redirect:/forecast/team";
		}
		ForecastCalls.PersonForecast forecast = forecasts.person(user, staffId, period);
		model.addAttribute("forecast", forecast);
		model.addAttribute("periods", forecasts.periods());
		model.addAttribute("category", category);
		model.addAttribute("deals", category == null ? forecast.deals()
				: forecast.deals().stream().filter(d -> shows(d, category)).toList());
		model.addAttribute("own", staffId == null);
		model.addAttribute("leads", ForecastCalls.mayLead(user));
		model.addAttribute("stages", stages.byCode());
		ForecastCalls.Call call = forecast.call();
		model.addAttribute("draft", call != null
				? new ForecastCalls.CallFigures(call.commit(), call.mostLikely(), call.bestCase(), null)
				: new ForecastCalls.CallFigures(forecast.figures().commit(), forecast.figures().mostLikely(),
						forecast.figures().bestCase(), null));
		return "sales/forecast";
	}

	/** The deals behind a figure: won ones behind closed, and each open category behind its own card. */
	private static boolean shows(ForecastCalls.Deal deal, ForecastCategory category) {
		if (category == ForecastCategory.CLOSED) {
			return "WON".equals(deal.outcome());
		}
		return "OPEN".equals(deal.outcome()) && (deal.category() == category
				|| (category == ForecastCategory.COMMIT && deal.category() == ForecastCategory.CLOSED));
	}

	@PostMapping("/forecast/calls")
	String submit(CurrentUser user, @RequestParam String period, @RequestParam BigDecimal commit,
			@RequestParam BigDecimal mostLikely, @RequestParam BigDecimal bestCase,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		ForecastCalls.Call call = forecasts.submit(user, period,
				new ForecastCalls.CallFigures(commit, mostLikely, bestCase, note));
		redirect.addFlashAttribute("flash", "sales.forecast.submitted");
		return "redirect:" + UriComponentsBuilder.fromPath("/forecast").queryParam("period", call.periodCode())
			.toUriString();
	}

	@GetMapping("/forecast/team")
	String team(CurrentUser user, @RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable String period, Model model) {
		ForecastCalls.TeamForecast team = forecasts.team(user, unit, period);
		model.addAttribute("team", team);
		model.addAttribute("periods", forecasts.periods());
		ForecastCalls.Call own = team.teamCall();
		model.addAttribute("draft", own != null
				? new ForecastCalls.CallFigures(own.commit(), own.mostLikely(), own.bestCase(), null)
				: new ForecastCalls.CallFigures(team.calledCommit(), team.calledMostLikely(), team.calledBestCase(),
						null));
		model.addAttribute("due", forecasts.due(user, team.period().code())
			.stream()
			.map(d -> d.staff().value())
			.toList());
		return "sales/forecast-team";
	}

	@PostMapping("/forecast/team/calls")
	String submitTeam(CurrentUser user, @RequestParam long unit, @RequestParam String period,
			@RequestParam BigDecimal commit, @RequestParam BigDecimal mostLikely, @RequestParam BigDecimal bestCase,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		ForecastCalls.Call call = forecasts.submitTeam(user, unit, period,
				new ForecastCalls.CallFigures(commit, mostLikely, bestCase, note));
		redirect.addFlashAttribute("flash", "sales.forecast.team.submitted");
		return "redirect:" + UriComponentsBuilder.fromPath("/forecast/team").queryParam("unit", unit)
			.queryParam("period", call.periodCode())
			.toUriString();
	}

	@GetMapping("/forecast/movement")
	String movement(CurrentUser user, @RequestParam(required = false) @Nullable Long from,
			@RequestParam(required = false) @Nullable Long to, Model model) {
		List<ForecastCalls.Snapshot> snapshots = forecasts.snapshots();
		model.addAttribute("snapshots", snapshots);
		if (snapshots.size() >= 2 || (from != null && to != null)) {
			model.addAttribute("movement", forecasts.movement(user, from != null ? from : snapshots.get(1).id(),
					to != null ? to : snapshots.get(0).id()));
		}
		model.addAttribute("kinds", ForecastCalls.Movement.values());
		model.addAttribute("leads", ForecastCalls.mayLead(user));
		model.addAttribute("stages", stages.byCode());
		return "sales/forecast-movement";
	}

	@GetMapping("/forecast/accuracy")
	String accuracy(CurrentUser user, @RequestParam(required = false) @Nullable Long staffId, Model model) {
		model.addAttribute("rows", forecasts.accuracy(user, staffId));
		model.addAttribute("leads", ForecastCalls.mayLead(user));
		return "sales/forecast-accuracy";
	}
}
