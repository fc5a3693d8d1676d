package io.rumbo.incentives.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.AwardBasis;
import io.rumbo.incentives.AwardDecisions;
import io.rumbo.incentives.AwardKindId;
import io.rumbo.incentives.AwardKinds;
import io.rumbo.incentives.AwardPeriodKind;
import io.rumbo.incentives.RecognitionFeed;
import io.rumbo.incentives.RecognitionViews.AwardKindView;
import io.rumbo.incentives.RecognitionViews.Decision;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricUnit;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.Htmx;

/**
 * The award kinds: the list with the decide form and the latest decisions, and the form a director or an
 * administrator defines or changes a kind with. The form posts through htmx and, refused, comes back as its fragment
 * with the errors at their fields; a kind taken out of use is deleted when nothing refers to it, archived otherwise.
 */
@Controller
class AwardKindPageController {

	private final AwardKinds kinds;
	private final AwardDecisions decisions;
	private final RecognitionFeed feed;
	private final Formats fmt;

	AwardKindPageController(AwardKinds kinds, AwardDecisions decisions, RecognitionFeed feed, Formats fmt) {
		this.kinds = kinds;
		this.decisions = decisions;
		this.feed = feed;
		this.fmt = fmt;
	}

	@GetMapping("/recognition/kinds")
	String kinds(CurrentUser user, Model model) {
		List<AwardKindView> all = kinds.kinds();
		model.addAttribute("kinds", all);
		Map<Long, String> names = new LinkedHashMap<>();
		all.forEach(k -> names.put(k.id(), k.name()));
		model.addAttribute("kindNames", names);
		model.addAttribute("decisions", decisions.decisions());
		model.addAttribute("mayDecide", AwardKinds.mayDefine(user));
		return "incentives/kinds";
	}

	@PostMapping("/recognition/kinds/{id}/decisions")
	String decide(CurrentUser user, @PathVariable long id, @RequestParam String period, RedirectAttributes redirect) {
		try {
			Decision decision = decisions.decide(user, AwardKindId.of(id), period);
			redirect.addFlashAttribute("flash", "incentives.recognition.kind.decided");
			redirect.addFlashAttribute("flashArgs", new Object[] { decision.period(), decision.winners().size(),
					decision.added() });
		}
		catch (ValidationFailedException | ConflictException ex) {
			redirect.addFlashAttribute("flash", "incentives.recognition.kind.decideRefused");
			redirect.addFlashAttribute("flashArgs", new Object[] { period });
			redirect.addFlashAttribute("flashKind", "danger");
		}
		return "redirect:/recognition/kinds";
	}

	@GetMapping("/recognition/kinds/new")
	String newKind(CurrentUser user, Model model) {
		requireDefiner(user);
		model.addAttribute("form", new AwardKindForm());
		return form(user, null, model);
	}

	@PostMapping("/recognition/kinds/new")
	@Nullable String create(CurrentUser user, @ModelAttribute("form") AwardKindForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			AwardKindView created = kinds.defineKind(user, form.details(fmt));
			return done(request, response, "incentives.recognition.kindForm.created", created.name());
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return Htmx.view(request, form(user, null, model), "kind-form");
		}
	}

	@GetMapping("/recognition/kinds/{id}/edit")
	String editKind(CurrentUser user, @PathVariable long id, Model model) {
		requireDefiner(user);
		AwardKindView kind = kinds.kind(AwardKindId.of(id));
		model.addAttribute("form", AwardKindForm.of(kind, fmt));
		return form(user, kind, model);
	}

	@PostMapping("/recognition/kinds/{id}/edit")
	@Nullable String update(CurrentUser user, @PathVariable long id, @ModelAttribute("form") AwardKindForm form,
			BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
		AwardKindView kind = kinds.kind(AwardKindId.of(id));
		try {
			AwardKindView changed = kinds.updateKind(user, AwardKindId.of(id),
					form.getVersion() == null ? -1 : form.getVersion(), form.details(fmt));
			return done(request, response, "incentives.recognition.kindForm.saved", changed.name());
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return Htmx.view(request, form(user, kind, model), "kind-form");
		}
	}

	@PostMapping("/recognition/kinds/{id}/retirement")
	String retire(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		AwardKindView kind = kinds.kind(AwardKindId.of(id));
		AwardKinds.Retired retired = kinds.retireKind(user, AwardKindId.of(id), version);
		redirect.addFlashAttribute("flash", "incentives.recognition.kindForm." + retired.name().toLowerCase());
		redirect.addFlashAttribute("flashArgs", new Object[] { kind.name() });
		return "redirect:/recognition/kinds";
	}

	@PostMapping("/recognition/kinds/{id}/restoration")
	String restore(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		AwardKindView kind = kinds.restoreKind(user, AwardKindId.of(id), version);
		redirect.addFlashAttribute("flash", "incentives.recognition.kindForm.restored");
		redirect.addFlashAttribute("flashArgs", new Object[] { kind.name() });
		return "redirect:/recognition/kinds";
	}

	private String form(CurrentUser user, @Nullable AwardKindView kind, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("locked", kind != null && kinds.referenced(AwardKindId.of(kind.id())));
		model.addAttribute("bases", AwardBasis.values());
		model.addAttribute("periodKinds", AwardPeriodKind.values());
		model.addAttribute("measures", List.of(Metric.values()));
		model.addAttribute("moneyMeasures", java.util.Arrays.stream(Metric.values())
			.filter(m -> m.unit() == MetricUnit.MONEY).map(Metric::code).toList());
		model.addAttribute("unitOptions", feed.unitOptions(user));
		return "incentives/kind-form";
	}

	/**
	 * Saved: back to the kinds with a message. An htmx post is told where to go ({@code HX-Redirect}), the message kept
	 * for that page as a redirect's would be; a plain post is redirected.
	 */
	private @Nullable String done(HttpServletRequest request, HttpServletResponse response, String message,
			String name) {
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("flash", message);
		flash.put("flashArgs", new Object[] { name });
		if (!Htmx.isHtmx(request)) {
			return "redirect:/recognition/kinds";
		}
		flash.setTargetRequestPath(request.getContextPath() + "/recognition/kinds");
		RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(flash, request, response);
		response.setHeader("HX-Redirect", request.getContextPath() + "/recognition/kinds");
		return null;
	}

	private static void requireDefiner(CurrentUser user) {
		if (!AwardKinds.mayDefine(user)) {
			throw new AccessRefusedException("incentives.recognition.kind");
		}
	}
}
