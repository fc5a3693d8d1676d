package io.rumbo.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Until the role dashboards arrive (reporting), the home page is the org chart. */
@Controller
class HomePageController {

	@GetMapping("/")
	String home() {
		return "redirect:/organization/chart";
	}
}
