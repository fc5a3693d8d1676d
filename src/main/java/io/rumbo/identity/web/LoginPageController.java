package io.rumbo.identity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.rumbo.shared.DemoMode;

@Controller
class LoginPageController {

	private final DemoMode demo;

	LoginPageController(DemoMode demo) {
		this.demo = demo;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable Long minutes, Model model) {
		model.addAttribute("error", error);
		model.addAttribute("minutes", minutes == null ? 0 : minutes);
		model.addAttribute("demo", demo.enabled());
		return "identity/login";
	}
}
