package io.rumbo.organization.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgUnitManagement;

@Controller
class OrgChartPageController {

	private final OrgUnitManagement units;

	OrgChartPageController(OrgUnitManagement units) {
		this.units = units;
	}

	@GetMapping("/organization/chart")
	String chart(CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			Model model) {
		model.addAttribute("roots", units.chart(user, asOf));
		model.addAttribute("asOf", asOf);
		return "organization/chart";
	}
}
