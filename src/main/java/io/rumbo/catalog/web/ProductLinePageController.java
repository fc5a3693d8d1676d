package io.rumbo.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;

/** Product lines are few: one page lists them, with a form to add one and a row form to rename or retire one. */
@Controller
class ProductLinePageController {

	private final CatalogManagement catalog;

	ProductLinePageController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/catalog/lines")
	String lines(CurrentUser user, @RequestParam(defaultValue = "false") boolean archived, Model model) {
		model.addAttribute("lines", catalog.lines(archived));
		model.addAttribute("archived", archived);
		model.addAttribute("mayEdit", CatalogManagement.mayEdit(user));
		return "catalog/lines";
	}

	@PostMapping("/catalog/lines")
	String create(CurrentUser user, @RequestParam String code, @RequestParam String nameEs, @RequestParam String nameEn,
			RedirectAttributes redirect) {
		catalog.createLine(user, new CatalogManagement.LineDetails(code, nameEs, nameEn, true));
		redirect.addFlashAttribute("flash", "catalog.line.created");
		return "redirect:/catalog/lines";
	}

	@PostMapping("/catalog/lines/{id}")
	String update(CurrentUser user, @PathVariable long id, @RequestParam long version, @RequestParam String code,
			@RequestParam String nameEs, @RequestParam String nameEn,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		ProductLineView saved = catalog.updateLine(user, id, version,
				new CatalogManagement.LineDetails(code, nameEs, nameEn, active));
		redirect.addFlashAttribute("flash", saved.active() ? "catalog.line.saved" : "catalog.line.archived");
		return "redirect:/catalog/lines?archived=true";
	}
}
