package io.rumbo.incentives.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.DisputeState;
import io.rumbo.incentives.DisputeViews.DisputeView;
import io.rumbo.incentives.Disputes;
import io.rumbo.incentives.Statements;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.Htmx;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

/**
 * The dispute pages: the owner questions a line from their statement (an htmx form in the line, errors at the
 * field); the list of disputes in the reader's scope (filters, sorting, paging, exports); a dispute with finance's
 * forms to answer, adjust (an amount typed the way the reader's language writes numbers) or reject it.
 */
@Controller
class DisputePageController {

	/** The list's filters: a state, a run, a person. */
	record DisputeListFilter(@Nullable DisputeState state, @Nullable Long runId, @Nullable Long staffId) {

		Disputes.Filter criteria() {
			return new Disputes.Filter(state, runId, staffId);
		}
	}

	static final List<String> COLUMNS = List.of("id", "period", "runId", "plan", "staffId", "name", "component",
			"forPeriod", "lineAmount", "state", "comment", "raisedBy", "raisedAt", "response", "adjustment",
			"resolvedBy", "resolvedAt", "paidRunId");

	private final Disputes disputes;
	private final Statements statements;
	private final Formats fmt;

	DisputePageController(Disputes disputes, Statements statements, Formats fmt) {
		this.disputes = disputes;
		this.statements = statements;
		this.fmt = fmt;
	}

	/**
	 * The owner questions a statement line. With htmx, a refused comment comes back as the form with the error at
	 * the field, and a dispute raised reloads the statement; without, the statement page shows either.
	 */
	@PostMapping("/incentives/statements/lines/{lineId}/dispute")
	String raise(CurrentUser user, @PathVariable long lineId, @RequestParam String back,
			@ModelAttribute("raise") DisputeForms.Raise form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String statement = back.startsWith("/incentives/statements/") ? back : "/incentives/statements";
		try {
			disputes.raise(user, lineId, form.getComment());
		}
		catch (ValidationFailedException ex) {
			if (!Htmx.isHtmx(request)) {
				throw ex;
			}
			FormErrors.bind(ex, binding);
			model.addAttribute("lineId", lineId);
			model.addAttribute("back", statement);
			return "incentives/dispute-raise :: raise(lineId=${lineId}, back=${back})";
		}
		if (Htmx.isHtmx(request)) {
			// A redirect would be followed by the XMLHttpRequest itself: htmx reloads the statement instead.
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put("flash", "incentives.dispute.page.raised");
			RequestContextUtils.saveOutputFlashMap(statement, request, response);
			response.setHeader("HX-Redirect", request.getContextPath() + statement);
			return "incentives/dispute-raise :: sent";
		}
		redirect.addFlashAttribute("flash", "incentives.dispute.page.raised");
		return "redirect:" + statement;
	}

	@GetMapping(value = "/incentives/disputes", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format,
			DisputeListFilter filter, ListRequest list) {
		List<DisputeView> rows = disputes.list(user, filter.criteria(), list.unpaged(Disputes.SORTS, "raisedAt,desc"))
			.content();
		return Exports.download(ExportFormat.param(format), "disputes", COLUMNS,
				table -> rows.forEach(d -> table.row(d.id(), d.periodCode(), d.runId(), d.planCode(), d.staffId(),
						d.staffName(), d.componentName(), d.forPeriod(), d.lineAmount(),
						Exports.label("incentives.dispute.state.", d.state()), d.comment(), d.raisedBy(),
						d.raisedAt().toString(), d.response() == null ? "" : d.response(), d.adjustment(),
						d.resolvedBy() == null ? "" : d.resolvedBy(),
						d.resolvedAt() == null ? "" : d.resolvedAt().toString(),
						d.paidRunId())));
	}

	@GetMapping("/incentives/disputes")
	String list(CurrentUser user, DisputeListFilter filter, ListRequest list, HttpServletRequest request,
			Model model) {
		ListQuery query = list.query(Disputes.SORTS, "raisedAt,desc", 25);
		model.addAttribute("states", DisputeState.values());
		return ListPages.render(request, model, "incentives/disputes", filter, query,
				disputes.list(user, filter.criteria(), query));
	}

	@GetMapping("/incentives/disputes/{id}")
	String dispute(CurrentUser user, @PathVariable long id, Model model) {
		DisputeView dispute = disputes.get(user, id);
		return page(user, dispute, DisputeForms.Resolve.at(dispute.version()),
				DisputeForms.Resolve.at(dispute.version()), DisputeForms.Resolve.at(dispute.version()), model);
	}

	@PostMapping("/incentives/disputes/{id}/answer")
	String answer(CurrentUser user, @PathVariable long id, @ModelAttribute("answer") DisputeForms.Resolve form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		try {
			disputes.answer(user, id, version(form), form.getComment());
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			DisputeView dispute = disputes.get(user, id);
			return page(user, dispute, form, DisputeForms.Resolve.at(dispute.version()),
					DisputeForms.Resolve.at(dispute.version()), model);
		}
		redirect.addFlashAttribute("flash", "incentives.dispute.page.answered");
		return "redirect:/incentives/disputes/" + id;
	}

	@PostMapping("/incentives/disputes/{id}/adjust")
	String adjust(CurrentUser user, @PathVariable long id, @ModelAttribute("adjust") DisputeForms.Resolve form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		try {
			disputes.adjust(user, id, version(form), fmt.parseField("amount", form.getAmount()), form.getReason());
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			DisputeView dispute = disputes.get(user, id);
			return page(user, dispute, DisputeForms.Resolve.at(dispute.version()), form,
					DisputeForms.Resolve.at(dispute.version()), model);
		}
		redirect.addFlashAttribute("flash", "incentives.dispute.page.adjusted");
		return "redirect:/incentives/disputes/" + id;
	}

	@PostMapping("/incentives/disputes/{id}/reject")
	String reject(CurrentUser user, @PathVariable long id, @ModelAttribute("reject") DisputeForms.Resolve form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		try {
			disputes.reject(user, id, version(form), form.getReason());
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			DisputeView dispute = disputes.get(user, id);
			return page(user, dispute, DisputeForms.Resolve.at(dispute.version()),
					DisputeForms.Resolve.at(dispute.version()), form, model);
		}
		redirect.addFlashAttribute("flash", "incentives.dispute.page.rejected");
		return "redirect:/incentives/disputes/" + id;
	}

	private static long version(DisputeForms.Resolve form) {
		if (form.getVersion() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return form.getVersion();
	}

	private String page(CurrentUser user, DisputeView dispute, DisputeForms.Resolve answer,
			DisputeForms.Resolve adjust, DisputeForms.Resolve reject, Model model) {
		model.addAttribute("dispute", dispute);
		model.addAttribute("planName", statements.planName(dispute.runId(), dispute.planCode()));
		model.addAttribute("mayResolve", Disputes.mayResolve(user) && dispute.state() == DisputeState.OPEN);
		model.addAttribute("answer", answer);
		model.addAttribute("adjust", adjust);
		model.addAttribute("reject", reject);
		return "incentives/dispute";
	}
}
