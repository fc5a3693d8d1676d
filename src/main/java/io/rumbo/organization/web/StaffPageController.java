package io.rumbo.organization.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffProfileSection;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.domain.OrgQueries;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

@Controller
class StaffPageController {

	private final StaffManagement staff;
	private final OrgUnitManagement units;
	private final UserManagement users;
	private final java.time.Clock clock;
	private final List<StaffProfileSection> sections;

	StaffPageController(StaffManagement staff, OrgUnitManagement units, UserManagement users, java.time.Clock clock,
			List<StaffProfileSection> sections) {
		this.staff = staff;
		this.units = units;
		this.users = users;
		this.clock = clock;
		this.sections = sections;
	}

	/** The staff list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable Long unitId, @Nullable JobRole jobRole,
			@Nullable StaffStatus status, @Nullable Boolean archived) {

		StaffManagement.StaffFilter criteria() {
			return new StaffManagement.StaffFilter(q, unitId, jobRole, status, Boolean.TRUE.equals(archived), null);
		}
	}

	/** The CSV or XLSX export of the list with the same filters and sort as the page. */
	@GetMapping(value = "/organization/staff", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return OrgExports.staff(ExportFormat.param(format), staff, user, filter.criteria(),
				list.unpaged(OrgQueries.STAFF_SORTS, "lastName"));
	}

	/** The list; an htmx request gets only the results. */
	@GetMapping("/organization/staff")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(OrgQueries.STAFF_SORTS, "lastName", 25);
		model.addAttribute("unitOptions", ListPages.options(units.list(user,
				new OrgUnitManagement.UnitFilter(null, null, null, false, null),
				ListQuery.of(0, 1, List.of("name"), OrgQueries.UNIT_SORTS, "name").unpaged()).content(),
				OrgUnitView::id, OrgUnitView::name));
		model.addAttribute("jobRoles", JobRole.values());
		model.addAttribute("statuses", StaffStatus.values());
		model.addAttribute("mayCreate", staff.mayCreate(user));
		return ListPages.render(request, model, "organization/staff-list", filter, query,
				staff.list(user, filter.criteria(), query));
	}

	@GetMapping("/organization/staff/{id}")
	String profile(CurrentUser user, @PathVariable long id, Model model) {
		StaffView person = staff.get(user, id);
		model.addAttribute("person", person);
		model.addAttribute("mayEdit", staff.mayEdit(user, person));
		model.addAttribute("username", person.userId() == null ? null
				: users.usernameOf(new UserId(person.userId())).orElse(null));
		// What later modules show of the person (recognition...), through the extension point they implement.
		model.addAttribute("sections", sections.stream()
			.flatMap(s -> s.section(user, StaffId.of(person.id())).stream())
			.sorted(java.util.Comparator.comparingInt(StaffProfileSection.Section::order))
			.toList());
		return "organization/staff-profile";
	}

	@GetMapping("/organization/staff/new")
	String newForm(CurrentUser user, @RequestParam(required = false) @Nullable Long unitId, Model model) {
		StaffForm form = new StaffForm();
		form.setUnitId(unitId);
		form.setHireDate(LocalDate.now(clock));
		return form(user, form, null, model);
	}

	@PostMapping("/organization/staff/new")
	String create(CurrentUser user, @Valid @ModelAttribute("form") StaffForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		resolveAccount(user, form, binding);
		if (binding.hasErrors()) {
			return form(user, form, null, model);
		}
		try {
			StaffView created = staff.create(user, form.details());
			redirect.addFlashAttribute("flash", "organization.staff.created");
			return "redirect:/organization/staff/" + created.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(user, form, null, model);
		}
	}

	@GetMapping("/organization/staff/{id}/edit")
	String editForm(CurrentUser user, @PathVariable long id, Model model) {
		StaffView person = staff.get(user, id);
		if (!staff.mayEdit(user, person)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("staff");
		}
		StaffForm form = StaffForm.of(person);
		if (person.userId() != null) {
			form.setUsername(users.usernameOf(new UserId(person.userId())).orElse(null));
		}
		return form(user, form, person, model);
	}

	@PostMapping("/organization/staff/{id}/edit")
	String update(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") StaffForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		StaffView person = staff.get(user, id);
		resolveAccount(user, form, binding);
		if (binding.hasErrors()) {
			return form(user, form, person, model);
		}
		try {
			staff.update(user, id, form.getVersion(), form.details());
			redirect.addFlashAttribute("flash", "organization.staff.saved");
			return "redirect:/organization/staff/" + id;
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(user, form, person, model);
		}
		catch (StaleVersionException ex) {
			binding.reject("shared.problem.staleVersion.form");
			form.setVersion(((StaffView) ex.current()).version());
			return form(user, form, person, model);
		}
	}

	@PostMapping("/organization/staff/{id}/archive")
	String archive(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			RedirectAttributes redirect) {
		staff.archive(user, id, date);
		redirect.addFlashAttribute("flash", "organization.staff.archived");
		return "redirect:/organization/staff";
	}

	/** Only company-wide editors link accounts; for everyone else the form keeps no link of its own. */
	private void resolveAccount(CurrentUser user, StaffForm form, BindingResult binding) {
		if (!mayLinkAccounts(user)) {
			form.setUserId(null);
			return;
		}
		String username = form.getUsername();
		if (username == null || username.isBlank()) {
			form.setUserId(null);
			return;
		}
		users.findByUsername(username.trim())
			.ifPresentOrElse(account -> form.setUserId(account.id()),
					() -> binding.rejectValue("username", "organization.staff.user.unknown"));
	}

	private static boolean mayLinkAccounts(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.PEOPLE);
	}

	private String form(CurrentUser user, StaffForm form, @Nullable StaffView person, Model model) {
		model.addAttribute("mayLink", mayLinkAccounts(user));
		model.addAttribute("form", form);
		model.addAttribute("person", person);
		model.addAttribute("unitOptions", units.assignableUnits(user));
		model.addAttribute("jobRoles", JobRole.values());
		model.addAttribute("statuses", StaffStatus.values());
		return "organization/staff-form";
	}
}
