package io.rumbo.organization.web;

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
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.domain.OrgQueries;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

@Controller
class OrgUnitPageController {

	private final OrgUnitManagement units;
	private final StaffManagement staff;
	private final tools.jackson.databind.json.JsonMapper json;

	OrgUnitPageController(OrgUnitManagement units, StaffManagement staff, tools.jackson.databind.json.JsonMapper json) {
		this.units = units;
		this.staff = staff;
		this.json = json;
	}

	/** The unit list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable OrgUnitKind kind, @Nullable Boolean archived) {

		OrgUnitManagement.UnitFilter criteria() {
			return new OrgUnitManagement.UnitFilter(q, kind, null, Boolean.TRUE.equals(archived), null);
		}
	}

	@GetMapping(value = "/organization/units", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return OrgExports.units(ExportFormat.param(format), units, user, filter.criteria(),
				list.unpaged(OrgQueries.UNIT_SORTS, "code"));
	}

	@GetMapping("/organization/units")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(OrgQueries.UNIT_SORTS, "code", 25);
		model.addAttribute("kinds", OrgUnitKind.values());
		model.addAttribute("mayShape", user.hasAny(Role.ADMIN, Role.DIRECTOR));
		return ListPages.render(request, model, "organization/unit-list", filter, query,
				units.list(user, filter.criteria(), query));
	}

	@GetMapping("/organization/units/{id}")
	String unit(CurrentUser user, @PathVariable long id, Model model) {
		OrgUnitView unit = units.get(user, id, null);
		model.addAttribute("unit", unit);
		model.addAttribute("ancestors", units.ancestors(id));
		model.addAttribute("children", units.children(user, id));
		model.addAttribute("positions", units.positions(user, id));
		model.addAttribute("people", staff.members(user, id));
		model.addAttribute("subtreeCount", staff.list(user,
				new StaffManagement.StaffFilter(null, id, null, null, false, null),
				ListQuery.of(0, 1, null, OrgQueries.STAFF_SORTS, "lastName")).page().totalElements());
		model.addAttribute("mayShape", user.hasAny(Role.ADMIN, Role.DIRECTOR));
		model.addAttribute("mayPlan", user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)
				&& units.assignableUnits(user).stream().anyMatch(u -> u.id() == id));
		model.addAttribute("jobRoles", JobRole.values());
		return "organization/unit";
	}

	@PostMapping("/organization/units/{id}/positions")
	String planPosition(CurrentUser user, @PathVariable long id, @RequestParam JobRole jobRole,
			@RequestParam int plannedHeadcount, RedirectAttributes redirect) {
		units.planPosition(user, id, jobRole, plannedHeadcount);
		redirect.addFlashAttribute("flash", "organization.position.saved");
		return "redirect:/organization/units/" + id + "#positions";
	}

	@GetMapping("/organization/units/new")
	String newForm(CurrentUser user, @RequestParam(required = false) @Nullable Long parentId, Model model) {
		OrgUnitForm form = new OrgUnitForm();
		form.setParentId(parentId);
		return form(user, form, null, model);
	}

	@PostMapping("/organization/units/new")
	String create(CurrentUser user, @Valid @ModelAttribute("form") OrgUnitForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(user, form, null, model);
		}
		try {
			OrgUnitView created = units.create(user, form.details());
			redirect.addFlashAttribute("flash", "organization.unit.created");
			return "redirect:/organization/units/" + created.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(user, form, null, model);
		}
	}

	@GetMapping("/organization/units/{id}/edit")
	String editForm(CurrentUser user, @PathVariable long id, Model model) {
		OrgUnitView unit = units.get(user, id, null);
		if (!user.hasAny(Role.ADMIN, Role.DIRECTOR)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("orgUnits");
		}
		return form(user, OrgUnitForm.of(unit), unit, model);
	}

	@PostMapping("/organization/units/{id}/edit")
	String update(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") OrgUnitForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		OrgUnitView unit = units.get(user, id, null);
		if (binding.hasErrors()) {
			return form(user, form, unit, model);
		}
		try {
			units.update(user, id, form.getVersion(), form.details());
			redirect.addFlashAttribute("flash", "organization.unit.saved");
			return "redirect:/organization/units/" + id;
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(user, form, unit, model);
		}
		catch (StaleVersionException ex) {
			binding.reject("shared.problem.staleVersion.form");
			form.setVersion(((OrgUnitView) ex.current()).version());
			return form(user, form, unit, model);
		}
	}

	/** A unit that still has people or active sub-units is refused: PageFormErrors shows why on the unit's page. */
	@PostMapping("/organization/units/{id}/archive")
	String archive(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		units.archive(user, id, null);
		redirect.addFlashAttribute("flash", "organization.unit.archived");
		return "redirect:/organization/chart";
	}

	@GetMapping(value = "/organization/vacancies", params = "format")
	ResponseEntity<StreamingResponseBody> exportVacancies(CurrentUser user, @RequestParam String format) {
		return OrgExports.positions(ExportFormat.param(format), units, user);
	}

	@GetMapping("/organization/vacancies")
	String vacancies(CurrentUser user, Model model) {
		List<io.rumbo.organization.PositionView> positions = units.positionsInScope(user);
		model.addAttribute("vacancies", positions.stream().filter(p -> p.vacancies() > 0).toList());
		model.addAttribute("chartJson", io.rumbo.shared.web.ChartData.json(json, HeadcountChart.byUnit(positions)));
		return "organization/vacancies";
	}

	private String form(CurrentUser user, OrgUnitForm form, @Nullable OrgUnitView unit, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("unit", unit);
		model.addAttribute("kinds", OrgUnitKind.values());
		model.addAttribute("parentOptions", units.assignableUnits(user)
			.stream()
			.filter(u -> unit == null || u.id() != unit.id())
			.toList());
		model.addAttribute("managerOptions", staff.options(user, null));
		return "organization/unit-form";
	}
}
