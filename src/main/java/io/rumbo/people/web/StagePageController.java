package io.rumbo.people.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.people.CandidateStages;
import io.rumbo.people.StageView;
import io.rumbo.shared.domain.AccessRefusedException;

/**
 * The page where PEOPLE configures the candidate pipeline: adds a stage, renames it in Spanish and English, reorders
 * (by position) and archives an open stage no candidate is in; HIRED and REJECTED are shown, fixed.
 */
@Controller
class StagePageController {

	private final CandidateStages stages;

	StagePageController(CandidateStages stages) {
		this.stages = stages;
	}

	@GetMapping("/people/stages")
	String page(CurrentUser user, Model model) {
		if (!CandidateStages.mayConfigure(user)) {
			throw new AccessRefusedException("stages");
		}
		List<StageView> all = stages.list(true);
		model.addAttribute("stages", all);
		int last = all.stream().filter(s -> !s.terminal()).mapToInt(StageView::position).max().orElse(0);
		model.addAttribute("nextPosition", Math.min(999, last + 10));
		return "people/stages";
	}

	@PostMapping("/people/stages")
	String add(CurrentUser user, @RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String nameEn,
			@RequestParam(required = false) @Nullable String nameEs,
			@RequestParam(required = false) @Nullable Integer position, RedirectAttributes redirect) {
		StageView added = stages.add(user, new CandidateStages.StageDetails(code, nameEn, nameEs, position, false));
		redirect.addFlashAttribute("flash", "people.stages.added");
		redirect.addFlashAttribute("flashArgs", new Object[] { added.code() });
		return "redirect:/people/stages";
	}

	@PostMapping("/people/stages/{code}")
	String update(CurrentUser user, @PathVariable String code, @RequestParam long version,
			@RequestParam(required = false) @Nullable String nameEn,
			@RequestParam(required = false) @Nullable String nameEs,
			@RequestParam(required = false) @Nullable Integer position,
			@RequestParam(required = false) @Nullable Boolean archived, RedirectAttributes redirect) {
		stages.update(user, code, version, new CandidateStages.StageDetails(code, nameEn, nameEs, position,
				Boolean.TRUE.equals(archived)));
		redirect.addFlashAttribute("flash", "people.stages.saved");
		redirect.addFlashAttribute("flashArgs", new Object[] { code });
		return "redirect:/people/stages";
	}
}
