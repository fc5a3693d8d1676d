package io.rumbo.identity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.AccessTokens;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.shared.domain.ValidationFailedException;

/** The signed-in user's own page: profile, password, language and personal access tokens. */
@Controller
class AccountPageController {

	private final UserManagement users;
	private final AccessTokens tokens;
	AccountPageController(UserManagement users, AccessTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/account")
	String account(CurrentUser user, Model model) {
		model.addAttribute("account", users.get(user, user.id().value()));
		model.addAttribute("tokens", tokens.list(user.id()));
		return "identity/account";
	}

	@PostMapping("/account/password")
	String changePassword(CurrentUser user, @RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, RedirectAttributes redirect) {
		if (!newPassword.equals(confirmPassword)) {
			redirect.addFlashAttribute("passwordError", "identity.password.confirm.mismatch");
			return "redirect:/account#password";
		}
		try {
			users.changePassword(user, currentPassword, newPassword);
			redirect.addFlashAttribute("flash", "identity.password.changed");
		}
		catch (ValidationFailedException ex) {
			ValidationFailedException.FieldError error = ex.errors().get(0);
			redirect.addFlashAttribute("passwordError", error.messageKey());
			redirect.addFlashAttribute("passwordErrorArgs", error.arguments());
		}
		return "redirect:/account#password";
	}

	@PostMapping("/account/tokens")
	String createToken(CurrentUser user, @RequestParam String name,
			@RequestParam(required = false) @Nullable Integer expiresInDays, RedirectAttributes redirect) {
		try {
			AccessTokens.IssuedToken issued = tokens.issue(user.id(), name, expiresInDays);
			redirect.addFlashAttribute("newToken", issued);
		}
		catch (ValidationFailedException ex) {
			ValidationFailedException.FieldError error = ex.errors().get(0);
			redirect.addFlashAttribute("tokenError", error.messageKey());
			redirect.addFlashAttribute("tokenErrorArgs", error.arguments());
		}
		return "redirect:/account#tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(user, id);
		redirect.addFlashAttribute("flash", "identity.token.revoked");
		return "redirect:/account#tokens";
	}
}
