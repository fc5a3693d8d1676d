package io.rumbo.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

/** Administrators manage accounts and role grants here. */
@Controller
class UserAdminPageController {

	private final UserManagement users;

	UserAdminPageController(UserManagement users) {
		this.users = users;
	}

	/** The user list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable Role role, @Nullable Boolean enabled, @Nullable Boolean archived) {

		UserManagement.Filter criteria() {
			return new UserManagement.Filter(q, role, enabled, Boolean.TRUE.equals(archived));
		}
	}

	@GetMapping(value = "/admin/users", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return UserExports.users(ExportFormat.param(format), users, actor, filter.criteria(),
				list.sort() == null ? null : List.of(list.sort()));
	}

	@GetMapping("/admin/users")
	String list(CurrentUser actor, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(UserManagement.SORTS, "username", 25);
		model.addAttribute("roles", Role.values());
		return ListPages.render(request, model, "identity/user-list", filter, query,
				users.list(actor, filter.criteria(), query));
	}

	@GetMapping("/admin/users/new")
	String newForm(CurrentUser actor, Model model) {
		return form(new UserForm(), null, model);
	}

	@PostMapping("/admin/users/new")
	String create(CurrentUser actor, @Valid @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(form, null, model);
		}
		try {
			UserView created = users.create(actor, new UserManagement.NewUser(form.getUsername(), form.getDisplayName(),
					form.getEmail(), form.getPassword() == null ? "" : form.getPassword(), form.getRoles()));
			redirect.addFlashAttribute("flash", "identity.user.created");
			return "redirect:/admin/users/" + created.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(form, null, model);
		}
	}

	@GetMapping("/admin/users/{id}")
	String editForm(CurrentUser actor, @PathVariable long id, Model model) {
		UserView user = users.get(actor, id);
		if (!actor.has(Role.ADMIN)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("users");
		}
		return form(UserForm.of(user), user, model);
	}

	@PostMapping("/admin/users/{id}")
	String update(CurrentUser actor, @PathVariable long id, @Valid @ModelAttribute("form") UserForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		UserView user = users.get(actor, id);
		if (binding.hasErrors()) {
			return form(form, user, model);
		}
		try {
			users.update(actor, id, new UserManagement.UserChanges(form.getVersion(), form.getDisplayName(),
					form.getEmail(), form.isEnabled(), form.getRoles()));
			redirect.addFlashAttribute("flash", "identity.user.saved");
			return "redirect:/admin/users/" + id;
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(form, user, model);
		}
		catch (StaleVersionException ex) {
			binding.reject("shared.problem.staleVersion.form");
			form.setVersion(((UserView) ex.current()).version());
			return form(form, user, model);
		}
	}

	@PostMapping("/admin/users/{id}/archive")
	String archive(CurrentUser actor, @PathVariable long id, RedirectAttributes redirect) {
		users.archive(actor, id);
		redirect.addFlashAttribute("flash", "identity.user.archived");
		return "redirect:/admin/users";
	}

	private String form(UserForm form, @Nullable UserView user, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("user", user);
		model.addAttribute("roles", Role.values());
		return "identity/user-form";
	}
}
