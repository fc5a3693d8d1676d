package io.rumbo.evaluation.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.evaluation.Cadence;
import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.EvaluationTemplates;
import io.rumbo.evaluation.Focus;
import io.rumbo.evaluation.ScoringMethod;
import io.rumbo.evaluation.TargetKind;
import io.rumbo.evaluation.TemplateState;
import io.rumbo.evaluation.TemplateViews.TemplateView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.Formats;

/**
 * Writing templates on a page (directors and administrators, as {@link EvaluationTemplates#mayAuthor} says): a new
 * template or a draft with its weighted criteria, rows added and removed through htmx, the weights' total kept live,
 * every refusal of {@code TemplateRules} shown at its field in the reader's language; a new version of a published
 * template, and the publication of a draft from the day it scores.
 */
@Controller
class TemplateFormController {

	private final EvaluationTemplates templates;
	private final OrgDirectory org;
	private final Formats fmt;

	TemplateFormController(EvaluationTemplates templates, OrgDirectory org, Formats fmt) {
		this.templates = templates;
		this.org = org;
		this.fmt = fmt;
	}

	@GetMapping("/evaluation/templates/new")
	String newTemplate(CurrentUser user, Model model) {
		authoring(user);
		return form(TemplateForm.blank(), null, model);
	}

	@PostMapping("/evaluation/templates/new")
	String create(CurrentUser user, @ModelAttribute("form") TemplateForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		try {
			TemplateView created = templates.create(user, form.details(fmt));
			redirect.addFlashAttribute("flash", "evaluation.templateForm.saved");
			return "redirect:/evaluation/templates/" + created.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(form, null, model);
		}
	}

	@GetMapping("/evaluation/templates/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, Model model) {
		authoring(user);
		TemplateView template = templates.get(user, id);
		if (template.state() != TemplateState.DRAFT) {
			throw new ConflictException("evaluation.template.published");
		}
		return form(TemplateForm.of(template, fmt), template, model);
	}

	@PostMapping("/evaluation/templates/{id}/edit")
	String update(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@ModelAttribute("form") TemplateForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		try {
			templates.update(user, id, version, form.details(fmt));
			redirect.addFlashAttribute("flash", "evaluation.templateForm.saved");
			return "redirect:/evaluation/templates/" + id;
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(form, templates.get(user, id), model);
		}
	}

	/** The rows of the criteria with one added or removed, or redrawn for a kind or method chosen (htmx). */
	@PostMapping("/evaluation/templates/form/criteria")
	String criteria(CurrentUser user, @ModelAttribute("form") TemplateForm form, @RequestParam TemplateForm.Change change,
			@RequestParam(required = false) @Nullable Integer criterion,
			@RequestParam(required = false) @Nullable Integer row, Model model) {
		authoring(user);
		form.change(change, criterion, row);
		form(form, null, model);
		return "evaluation/template-form :: criteria";
	}

	/** The weights' total as typed so far (htmx, as the author types a weight). */
	@PostMapping("/evaluation/templates/form/total")
	String total(CurrentUser user, @ModelAttribute("form") TemplateForm form, Model model) {
		authoring(user);
		model.addAttribute("total", form.totalWeight(fmt));
		return "evaluation/template-form :: total";
	}

	/** A new draft version of a published template, opened in the form. */
	@PostMapping("/evaluation/templates/{id}/versions")
	String newVersion(CurrentUser user, @PathVariable long id) {
		return "redirect:/evaluation/templates/" + templates.newVersion(user, id).id() + "/edit";
	}

	@PostMapping("/evaluation/templates/{id}/publish")
	String publish(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validFrom,
			RedirectAttributes redirect) {
		templates.publish(user, id, version, validFrom);
		redirect.addFlashAttribute("flash", "evaluation.templateForm.published");
		return "redirect:/evaluation/templates/" + id;
	}

	private static void authoring(CurrentUser user) {
		if (!EvaluationTemplates.mayAuthor(user)) {
			throw new AccessRefusedException("evaluation.templates");
		}
	}

	private String form(TemplateForm form, @Nullable TemplateView template, Model model) {
		form.fill();
		model.addAttribute("form", form);
		model.addAttribute("template", template);
		model.addAttribute("total", form.totalWeight(fmt));
		model.addAttribute("cadences", Cadence.values());
		model.addAttribute("roles", JobRole.values());
		model.addAttribute("units", org.unitTree());
		model.addAttribute("kinds", CriterionKind.values());
		model.addAttribute("focuses", Focus.values());
		model.addAttribute("measures", Metric.values());
		model.addAttribute("targets", TargetKind.values());
		model.addAttribute("methods", ScoringMethod.values());
		return "evaluation/template-form";
	}
}
