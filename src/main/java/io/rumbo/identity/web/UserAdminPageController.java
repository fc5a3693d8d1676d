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
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.Htmx;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/** Administrators manage accounts and role grants here. */
@Controller
class UserAdminPageController {

	private final UserManagement users;

	UserAdminPageController(UserManagement users) {
		this.users = users;
	}

	@GetMapping(value = "/admin/users", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestParam String format,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Role role, @RequestParam(required = false) @Nullable Boolean enabled,
			@RequestParam(defaultValue = "false") boolean archived, @RequestParam(required = false) @Nullable String sort) {
		return UserExports.users(ExportFormat.param(format), users, actor,
				new UserManagement.Filter(q, role, enabled, archived), sort == null ? null : List.of(sort));
	}

	@GetMapping("/admin/users")
	String list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Role role, @RequestParam(required = false) @Nullable Boolean enabled,
			@RequestParam(defaultValue = "false") boolean archived, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable String sort, HttpServletRequest request, Model model) {
		UserManagement.Filter filter = new UserManagement.Filter(q, role, enabled, archived);
		List<String> sorts = sort == null ? null : List.of(sort);
		ListQuery query = ListQuery.of(page, 25, sorts, UserManagement.SORTS, "username");
		PageResponse<UserView> results = users.list(actor, filter, query);
		ListPages.addTo(model, ListPages.filterUrl("/admin/users", "q", q, "role", role, "enabled", enabled, "archived",
				archived), query, results);
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("enabled", enabled);
		model.addAttribute("archived", archived);
		model.addAttribute("roles", Role.values());
		return Htmx.view(request, "identity/user-list", "results");
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
		try {
			users.archive(actor, id);
			redirect.addFlashAttribute("flash", "identity.user.archived");
			return "redirect:/admin/users";
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flash", ex.messageKey());
			redirect.addFlashAttribute("flashKind", "warning");
			return "redirect:/admin/users/" + id;
		}
	}

	private String form(UserForm form, @Nullable UserView user, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("user", user);
		model.addAttribute("roles", Role.values());
		return "identity/user-form";
	}
}
