package io.rumbo.reporting.search;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.web.Htmx;
import io.rumbo.shared.web.LocaleSupport;

/**
 * The results page of the header's search box: a plain GET form, so it works without scripts; typing on the page
 * refreshes the results through htmx (the results fragment of the same template).
 */
@Controller
class SearchPageController {

	private final GlobalSearch search;

	SearchPageController(GlobalSearch search) {
		this.search = search;
	}

	@GetMapping("/search")
	String search(CurrentUser user, @RequestParam(defaultValue = "") String q, HttpServletRequest request,
			Model model) {
		model.addAttribute("q", q.trim());
		model.addAttribute("result", q.isBlank() ? null
				: search.search(user, q, Set.of(), GlobalSearch.DEFAULT_LIMIT,
						LocaleSupport.supported(LocaleContextHolder.getLocale()).getLanguage()));
		return Htmx.view(request, "reporting/search", "results");
	}
}
