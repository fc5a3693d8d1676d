package io.rumbo.sizing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import io.rumbo.sizing.Headcount;
import io.rumbo.sizing.ScenarioView;
import io.rumbo.sizing.SizingFigures;
import io.rumbo.sizing.SizingMethod;
import io.rumbo.sizing.SizingScenarios;
import io.rumbo.sizing.Working;

/**
 * The sizing pages: the scenario list (search, filters, sort, paging, export), the calculator that shows its working
 * as the person works it out (prefilled from the data of the unit chosen) and saves it, a scenario's page with its
 * working and its result against today's headcount and planned positions and the one step that turns the gap into
 * vacancies, and the comparison of scenarios side by side.
 */
@Controller
class SizingPageController {

	private final SizingScenarios scenarios;
	private final SizingFigures figures;
	private final io.rumbo.sizing.Budgets budgets;
	private final FiscalCalendar calendar;
	private final WorkingText text;
	private final Formats fmt;
	private final MessageSource messages;

	SizingPageController(SizingScenarios scenarios, SizingFigures figures, io.rumbo.sizing.Budgets budgets,
			FiscalCalendar calendar, WorkingText text, Formats fmt, MessageSource messages) {
		this.scenarios = scenarios;
		this.figures = figures;
		this.budgets = budgets;
		this.calendar = calendar;
		this.text = text;
		this.fmt = fmt;
		this.messages = messages;
	}

	/** The list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable SizingMethod method, @Nullable Long unitId,
			@Nullable Integer fiscalYear, @Nullable Boolean archived) {

		SizingScenarios.Filter criteria() {
			return new SizingScenarios.Filter(q, method, unitId, fiscalYear, Boolean.TRUE.equals(archived));
		}
	}

	@GetMapping(value = "/sizing", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		requireSizer(user);
		return SizingExports.scenarios(ExportFormat.param(format), scenarios, user, filter.criteria(),
				list.unpaged(SizingScenarios.SORTS, "createdAt,desc"));
	}

	@GetMapping("/sizing")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		requireSizer(user);
		ListQuery query = list.query(SizingScenarios.SORTS, "createdAt,desc", 25);
		model.addAttribute("methods", SizingMethod.values());
		model.addAttribute("unitOptions", ListPages.options(budgets.unitsInScope(user), OrgDirectory.UnitNode::id,
				OrgDirectory.UnitNode::name));
		model.addAttribute("years", years());
		return ListPages.render(request, model, "sizing/scenario-list", filter, query,
				scenarios.list(user, filter.criteria(), query));
	}

	@GetMapping("/sizing/new")
	String newScenario(CurrentUser user, @RequestParam(required = false) @Nullable SizingMethod method,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Integer fiscalYear, Model model) {
		requireSizer(user);
		SizingMethod m = method == null ? SizingMethod.WORKLOAD : method;
		long unit = unitId != null ? unitId : budgets.defaultUnit(user).orElseThrow(() -> new NotFoundException(
				"orgUnit", 0));
		int year = fiscalYear == null ? calendar.currentYear() : fiscalYear;
		SizingFigures.Found found = figures.of(user, unit, year, 0);
		ScenarioForm form = ScenarioForm.of(m, unit, year, figures.suggested(m, found), fmt);
		return form(user, form, null, found, null, List.of(), model);
	}

	/** Works the calculator out ({@code action=calculate}) or saves it ({@code action=save}). */
	@PostMapping("/sizing/new")
	String calculateOrSave(CurrentUser user, @ModelAttribute("form") ScenarioForm form,
			@RequestParam(defaultValue = "calculate") String action, Model model, RedirectAttributes redirect) {
		requireSizer(user);
		return calculateOrSave(user, form, null, action, model, redirect);
	}

	@GetMapping("/sizing/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, Model model) {
		ScenarioView s = scenarios.get(user, id);
		SizingFigures.Found found = figures.of(user, s.unitId(), s.fiscalYear(), 0);
		return form(user, ScenarioForm.of(s, fmt), s, found, s.working(), List.of(), model);
	}

	@PostMapping("/sizing/{id}/edit")
	String update(CurrentUser user, @PathVariable long id, @ModelAttribute("form") ScenarioForm form,
			@RequestParam(defaultValue = "calculate") String action, Model model, RedirectAttributes redirect) {
		return calculateOrSave(user, form, scenarios.get(user, id), action, model, redirect);
	}

	private String calculateOrSave(CurrentUser user, ScenarioForm form, @Nullable ScenarioView existing,
			String action, Model model, RedirectAttributes redirect) {
		SizingFigures.Found found = form.getUnitId() == null ? null
				: figures.of(user, form.getUnitId(), form.getFiscalYear() == null ? calendar.currentYear()
						: form.getFiscalYear(), 0);
		Working working = null;
		try {
			working = scenarios.calculate(form.getMethod(), form.inputs(fmt));
			if ("save".equals(action)) {
				ScenarioView saved = existing == null ? scenarios.save(user, form.draft(fmt))
						: scenarios.update(user, existing.id(), form.getVersion() == null ? -1 : form.getVersion(),
								form.draft(fmt));
				redirect.addFlashAttribute("flash", "sizing.scenario.saved");
				return "redirect:/sizing/" + saved.id();
			}
			return form(user, form, existing, found, working, List.of(), model);
		}
		catch (ValidationFailedException ex) {
			return form(user, form, existing, found, working, errors(ex), model);
		}
		catch (StaleVersionException ex) {
			return form(user, form, existing, found, working, List.of(msg("shared.problem.staleVersion.form")), model);
		}
		catch (ConflictException ex) {
			return form(user, form, existing, found, working, List.of(msg(ex.messageKey(), ex.arguments())), model);
		}
	}

	private String form(CurrentUser user, ScenarioForm form, @Nullable ScenarioView existing,
			SizingFigures.@Nullable Found found, @Nullable Working working, List<String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("scenario", existing);
		model.addAttribute("found", found);
		model.addAttribute("methods", SizingMethod.values());
		model.addAttribute("sellingRoles", SizingScenarios.SELLING_ROLES);
		model.addAttribute("fields", ScenarioForm.FIELDS.get(form.getMethod()));
		model.addAttribute("hasGroups", ScenarioForm.hasGroups(form.getMethod()));
		model.addAttribute("units", budgets.unitsInScope(user));
		model.addAttribute("years", years());
		model.addAttribute("working", working);
		model.addAttribute("lines", working == null ? List.of() : text.lines(working));
		model.addAttribute("resultText", working == null ? null : text.result(working));
		model.addAttribute("errors", errors);
		model.addAttribute("foundRoleNames", roleNames(SizingScenarios.DEFAULT_ROLES));
		return "sizing/scenario-form";
	}

	/** The job roles' names in the reader's language, as the headcount labels name them. */
	private String roleNames(java.util.Collection<io.rumbo.organization.JobRole> roles) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return String.join(", ", roles.stream()
			.sorted()
			.map(r -> messages.getMessage("organization.jobRole." + r.name(), null, locale))
			.toList());
	}

	@GetMapping("/sizing/{id}")
	String scenario(CurrentUser user, @PathVariable long id, Model model) {
		ScenarioView s = scenarios.get(user, id);
		Headcount headcount = scenarios.headcount(user, s);
		model.addAttribute("scenario", s);
		model.addAttribute("headcount", headcount);
		model.addAttribute("lines", text.lines(s.working()));
		model.addAttribute("resultText", text.result(s.working()));
		model.addAttribute("roleNames", roleNames(s.roles()));
		model.addAttribute("positionRoleName", roleNames(List.of(s.positionRole())));
		model.addAttribute("units", budgets.unitsInScope(user).stream()
			.filter(u -> budgets.subtreeOf(s.unitId()).contains(u.id()))
			.toList());
		return "sizing/scenario";
	}

	@PostMapping("/sizing/{id}/apply")
	String apply(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long unitId, RedirectAttributes redirect) {
		try {
			scenarios.apply(user, id, version, unitId);
			redirect.addFlashAttribute("flash", "sizing.scenario.applied");
		}
		catch (ConflictException | StaleVersionException | ValidationFailedException ex) {
			redirect.addFlashAttribute("flashKind", "warning");
			redirect.addFlashAttribute("flash", ex instanceof ConflictException c ? c.messageKey()
					: "shared.problem.staleVersion.form");
		}
		return "redirect:/sizing/" + id;
	}

	@PostMapping("/sizing/{id}/archive")
	String archive(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		scenarios.archive(user, id, version);
		redirect.addFlashAttribute("flash", "sizing.scenario.archived");
		return "redirect:/sizing";
	}

	/** Scenarios side by side: result, headcount today, planned, gap, and each one's working. */
	@GetMapping("/sizing/compare")
	String compare(CurrentUser user, @RequestParam(required = false) @Nullable List<Long> ids, Model model) {
		requireSizer(user);
		List<ScenarioView> chosen = new ArrayList<>();
		Map<Long, Headcount> headcounts = new LinkedHashMap<>();
		Map<Long, List<String>> lines = new LinkedHashMap<>();
		Map<Long, String> results = new LinkedHashMap<>();
		Map<Long, String> roleNames = new LinkedHashMap<>();
		for (Long id : ids == null ? List.<Long>of() : ids.stream().distinct().limit(6).toList()) {
			ScenarioView s = scenarios.get(user, id);
			chosen.add(s);
			headcounts.put(id, scenarios.headcount(user, s));
			lines.put(id, text.lines(s.working()));
			results.put(id, text.result(s.working()));
			roleNames.put(id, roleNames(s.roles()));
		}
		model.addAttribute("roleNames", roleNames);
		model.addAttribute("chosen", chosen);
		model.addAttribute("headcounts", headcounts);
		model.addAttribute("lines", lines);
		model.addAttribute("results", results);
		model.addAttribute("all", scenarios.list(user, new SizingScenarios.Filter(null, null, null, null, false),
				ListQuery.of(0, 100, null, SizingScenarios.SORTS, "createdAt,desc")).content());
		return "sizing/compare";
	}

	private List<Integer> years() {
		int now = calendar.currentYear();
		return List.of(now - 1, now, now + 1);
	}

	private List<String> errors(ValidationFailedException ex) {
		List<String> out = new ArrayList<>();
		for (ValidationFailedException.FieldError e : ex.errors()) {
			String label = messages.getMessage("sizing.field." + e.field(), null, e.field(), locale());
			out.add(label + ": " + msg(e.messageKey(), e.arguments()));
		}
		return out;
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static void requireSizer(CurrentUser user) {
		if (!SizingScenarios.maySize(user)) {
			throw new AccessRefusedException("sizing");
		}
	}
}
