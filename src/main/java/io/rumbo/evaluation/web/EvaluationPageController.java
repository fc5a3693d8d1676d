package io.rumbo.evaluation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.EvaluationCycles;
import io.rumbo.evaluation.EvaluationTemplates;
import io.rumbo.evaluation.Outcome;
import io.rumbo.evaluation.ScorecardState;
import io.rumbo.evaluation.ScorecardViews.CycleView;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.Scorecards;
import io.rumbo.evaluation.TemplateState;
import io.rumbo.evaluation.TemplateViews.TemplateView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.web.ListQuery;

/**
 * The evaluation pages: "My evaluation" (the templates one is scored by and one's scorecards; cycles for who runs
 * them), a template with the worked example on the reader's figures and its acknowledgement, a cycle with its
 * scorecards and its moves, and a scorecard with its lines (each figure linking to the records behind it), the
 * manager's review form and the person's acknowledgement. Forms post back to the page's URL.
 */
@Controller
class EvaluationPageController {

	private final EvaluationTemplates templates;
	private final EvaluationCycles cycles;
	private final Scorecards scorecards;
	private final java.time.Clock clock;

	EvaluationPageController(EvaluationTemplates templates, EvaluationCycles cycles, Scorecards scorecards,
			java.time.Clock clock) {
		this.clock = clock;
		this.templates = templates;
		this.cycles = cycles;
		this.scorecards = scorecards;
	}

	@GetMapping("/evaluation")
	String mine(CurrentUser user, Model model) {
		model.addAttribute("templates", templates.list(user, new EvaluationTemplates.Filter(null, null, true),
				ListQuery.of(0, 50, null, EvaluationTemplates.SORTS, "name")).content());
		model.addAttribute("published", templates.list(user, new EvaluationTemplates.Filter(null, TemplateState.PUBLISHED,
				false), ListQuery.of(0, 50, null, EvaluationTemplates.SORTS, "name")).content());
		model.addAttribute("cards", scorecards.list(user, new Scorecards.Filter(null, null, null),
				ListQuery.of(0, 100, List.of("cycle,desc"), Scorecards.SORTS, "cycle")).content());
		model.addAttribute("cycles", cycles.list(user, null, ListQuery.of(0, 50, List.of("from,desc"),
				EvaluationCycles.SORTS, "from")).content());
		return "evaluation/mine";
	}

	@GetMapping("/evaluation/templates/{id}")
	String template(CurrentUser user, @PathVariable long id, Model model) {
		TemplateView template = templates.get(user, id);
		model.addAttribute("template", template);
		model.addAttribute("example", template.state() == TemplateState.DRAFT || template.acknowledged() == null ? null
				: templates.example(user, id, null));
		return "evaluation/template";
	}

	@PostMapping("/evaluation/templates/{id}")
	String acknowledgeTemplate(CurrentUser user, @PathVariable long id) {
		templates.acknowledge(user, id);
		return "redirect:/evaluation/templates/" + id;
	}

	@GetMapping("/evaluation/cycles/{id}")
	String cycle(CurrentUser user, @PathVariable long id, Model model) {
		CycleView cycle = cycles.get(user, id);
		model.addAttribute("cycle", cycle);
		model.addAttribute("mayRun", cycles.mayRun(user, cycle));
		model.addAttribute("deadline", LocalDate.now(clock).plusDays(14));
		model.addAttribute("cards", scorecards.list(user, new Scorecards.Filter(id, null, null),
				ListQuery.of(0, ListQuery.MAX_SIZE, null, Scorecards.SORTS, "cycle")).content());
		return "evaluation/cycle";
	}

	/** A move of the cycle: {@code to} is the state asked for. */
	@PostMapping("/evaluation/cycles/{id}")
	String move(CurrentUser user, @PathVariable long id, @RequestParam CycleState to, @RequestParam long version,
			@RequestParam(required = false) @Nullable LocalDate acknowledgeBy) {
		switch (to) {
			case IN_REVIEW -> cycles.review(user, id, version);
			case CALIBRATED -> cycles.calibrate(user, id, version);
			case CLOSED -> cycles.close(user, id, version, acknowledgeBy);
			case OPEN -> throw new IllegalArgumentException("A cycle is opened once");
		}
		return "redirect:/evaluation/cycles/" + id;
	}

	@GetMapping("/evaluation/scorecards/{id}")
	String scorecard(CurrentUser user, @PathVariable long id, Model model) {
		ScorecardView card = scorecards.get(user, id);
		model.addAttribute("card", card);
		model.addAttribute("mayReview", card.cycleState() == CycleState.IN_REVIEW && scorecards.mayReview(user, card));
		model.addAttribute("mayAcknowledge", card.cycleState() == CycleState.CLOSED
				&& card.state() == ScorecardState.REVIEWED && card.feedback() != null
				&& !scorecards.mayReview(user, card) && card.acknowledgeBy() != null);
		model.addAttribute("outcomes", Outcome.values());
		// evalout: the manager above the person opens an improvement plan from the closed scorecard (improvement's page)
		model.addAttribute("mayOpenPlan", card.cycleState() == CycleState.CLOSED && card.feedback() != null
				&& scorecards.mayReview(user, card));
		model.addAttribute("mayCalibrate", scorecards.mayReview(user, card));
		return "evaluation/scorecard";
	}

	/** The manager's review ({@code rating.<position>} per qualitative criterion) or the person's acknowledgement. */
	@PostMapping("/evaluation/scorecards/{id}")
	String act(CurrentUser user, @PathVariable long id, @RequestParam String action,
			@RequestParam(required = false) @Nullable Long version, @RequestParam Map<String, String> form) {
		if ("acknowledge".equals(action)) {
			scorecards.acknowledge(user, id, form.get("answer"));
		}
		else {
			List<Scorecards.Rating> ratings = new ArrayList<>();
			form.forEach((key, value) -> {
				if (key.startsWith("rating.") && !value.isBlank()) {
					ratings.add(new Scorecards.Rating(Integer.parseInt(key.substring(7)), Integer.parseInt(value)));
				}
			});
			String outcome = form.get("outcome");
			scorecards.review(user, id, version == null ? -1 : version, new Scorecards.Review(ratings,
					form.get("strengths"), form.get("improvements"), form.get("text"),
					outcome == null || outcome.isBlank() ? null : Outcome.valueOf(outcome)));
		}
		return "redirect:/evaluation/scorecards/" + id;
	}
}
