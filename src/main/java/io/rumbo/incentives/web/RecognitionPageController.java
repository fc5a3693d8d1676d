package io.rumbo.incentives.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.AwardBasis;
import io.rumbo.incentives.AwardId;
import io.rumbo.incentives.AwardKinds;
import io.rumbo.incentives.AwardProposals;
import io.rumbo.incentives.Awards;
import io.rumbo.incentives.MeasureLeaderboards;
import io.rumbo.incentives.ProposalStatus;
import io.rumbo.incentives.RecognitionFeed;
import io.rumbo.incentives.RecognitionViews.AwardView;
import io.rumbo.incentives.RecognitionViews.ProposalView;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

/**
 * The recognition pages: the team's feed (awards and badges, filterable and exportable), an award with the figures
 * behind it, the grant form (also from an evaluation nomination), the proposals waiting and the leaderboard of a
 * measure. The award kinds are {@link AwardKindPageController}'s.
 */
@Controller
class RecognitionPageController {

	private final RecognitionFeed feed;
	private final Awards awards;
	private final AwardKinds kinds;
	private final AwardProposals proposals;
	private final MeasureLeaderboards boards;
	private final StaffManagement staff;

	RecognitionPageController(RecognitionFeed feed, Awards awards, AwardKinds kinds, AwardProposals proposals,
			MeasureLeaderboards boards, StaffManagement staff) {
		this.feed = feed;
		this.awards = awards;
		this.kinds = kinds;
		this.proposals = proposals;
		this.boards = boards;
		this.staff = staff;
	}

	/** The feed's filters, as its query string names them. */
	record ListFilter(@Nullable String type, @Nullable String kind, @Nullable String period, @Nullable Long unitId,
			@Nullable Long staffId) {

		RecognitionFeed.Filter criteria() {
			return new RecognitionFeed.Filter(type, kind, period, unitId, staffId);
		}
	}

	@GetMapping(value = "/recognition", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return RecognitionExports.feed(ExportFormat.param(format), feed, user, filter.criteria(),
				list.unpaged(RecognitionFeed.SORTS, "on,desc"));
	}

	@GetMapping("/recognition")
	String feed(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(RecognitionFeed.SORTS, "on,desc", 25);
		Map<Object, String> kindOptions = new LinkedHashMap<>();
		kinds.kinds().forEach(k -> kindOptions.put(k.code(), k.name()));
		model.addAttribute("kindOptions", kindOptions);
		model.addAttribute("types", List.of("award", "badge"));
		model.addAttribute("unitOptions", feed.unitOptions(user));
		model.addAttribute("mayGrant", Awards.mayGrant(user));
		model.addAttribute("mayDecide", AwardKinds.mayDefine(user));
		if (request.getHeader("HX-Request") == null && Awards.mayGrant(user)) {
			model.addAttribute("openProposals", proposals.list(user, ProposalStatus.OPEN,
					ListQuery.of(0, 1, null, AwardProposals.SORTS, "nominatedAt")).page().totalElements());
		}
		return ListPages.render(request, model, "incentives/recognition-feed", filter, query,
				feed.list(user, filter.criteria(), query));
	}

	@GetMapping("/recognition/awards/{id}")
	String award(CurrentUser user, @PathVariable long id, Model model) {
		AwardView award = awards.get(user, AwardId.of(id));
		model.addAttribute("award", award);
		model.addAttribute("mayRevoke", !award.revoked() && awards.mayGrantTo(user, award.staffId(), award.unitId()));
		return "incentives/award";
	}

	@PostMapping("/recognition/awards/{id}/revocation")
	String revoke(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		try {
			awards.revoke(user, AwardId.of(id), version, reason);
			redirect.addFlashAttribute("flash", "incentives.recognition.award.revoked");
		}
		catch (ValidationFailedException ex) {
			redirect.addFlashAttribute("flash", "incentives.recognition.award.revokeReasonRequired");
			redirect.addFlashAttribute("flashKind", "danger");
		}
		return "redirect:/recognition/awards/" + id;
	}

	/** The grant form; {@code proposal}: the evaluation nomination it answers. */
	@GetMapping("/recognition/awards/new")
	String grantForm(CurrentUser user, @RequestParam(required = false) @Nullable Long proposal,
			@RequestParam(required = false) @Nullable Long staffId, Model model) {
		if (!Awards.mayGrant(user)) {
			throw new AccessRefusedException("incentives.recognition.grant");
		}
		GrantForm form = new GrantForm();
		form.staffId = staffId;
		if (proposal != null) {
			ProposalView p = proposals.get(user, proposal);
			form.proposal = p.id();
			form.version = p.version();
			form.staffId = p.staffId();
			form.citation = p.reason();
		}
		return grantForm(user, form, List.of(), model);
	}

	@PostMapping("/recognition/awards/new")
	String grant(CurrentUser user, GrantForm form, Model model, RedirectAttributes redirect) {
		try {
			AwardView award;
			Awards.GrantDetails details = new Awards.GrantDetails(form.staffId, form.kind, form.period, form.citation);
			if (form.proposal != null) {
				award = proposals.accept(user, form.proposal, form.version == null ? -1 : form.version, details);
			}
			else {
				award = awards.grant(user, details);
			}
			redirect.addFlashAttribute("flash", "incentives.recognition.award.granted");
			return "redirect:/recognition/awards/" + award.id();
		}
		catch (ValidationFailedException ex) {
			return grantForm(user, form, ex.errors(), model);
		}
		catch (ConflictException ex) {
			return grantForm(user, form, List.of(new ValidationFailedException.FieldError("kind", ex.messageKey(),
					ex.arguments())), model);
		}
	}

	private String grantForm(CurrentUser user, GrantForm form, List<ValidationFailedException.FieldError> errors,
			Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("people", staff.options(user, null));
		model.addAttribute("kinds", kinds.kinds().stream().filter(k -> k.basis() == AwardBasis.MANUAL && k.active())
			.toList());
		model.addAttribute("proposal", form.proposal == null ? null : proposals.get(user, form.proposal));
		return "incentives/award-form";
	}

	/** What the grant form posts. */
	static class GrantForm {

		@Nullable Long proposal;

		@Nullable Long version;

		@Nullable Long staffId;

		@Nullable String kind;

		@Nullable String period;

		@Nullable String citation;

		public @Nullable Long getProposal() {
			return proposal;
		}

		public void setProposal(@Nullable Long proposal) {
			this.proposal = proposal;
		}

		public @Nullable Long getVersion() {
			return version;
		}

		public void setVersion(@Nullable Long version) {
			this.version = version;
		}

		public @Nullable Long getStaffId() {
			return staffId;
		}

		public void setStaffId(@Nullable Long staffId) {
			this.staffId = staffId;
		}

		public @Nullable String getKind() {
			return kind;
		}

		public void setKind(@Nullable String kind) {
			this.kind = kind;
		}

		public @Nullable String getPeriod() {
			return period;
		}

		public void setPeriod(@Nullable String period) {
			this.period = period;
		}

		public @Nullable String getCitation() {
			return citation;
		}

		public void setCitation(@Nullable String citation) {
			this.citation = citation;
		}
	}

	@GetMapping("/recognition/proposals")
	String proposals(CurrentUser user, @RequestParam(required = false) @Nullable ProposalStatus status,
			@RequestParam(required = false) @Nullable Integer page, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("statuses", ProposalStatus.values());
		model.addAttribute("results", proposals.list(user, status,
				ListQuery.of(page, 25, null, AwardProposals.SORTS, "nominatedAt,desc")));
		model.addAttribute("pageUrl", ListPages.filterUrl("/recognition/proposals", "status", status));
		return "incentives/proposals";
	}

	@PostMapping("/recognition/proposals/{id}/dismissal")
	String dismiss(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		try {
			proposals.dismiss(user, id, version, note);
			redirect.addFlashAttribute("flash", "incentives.recognition.proposal.dismissed");
		}
		catch (ValidationFailedException ex) {
			redirect.addFlashAttribute("flash", "incentives.recognition.proposal.noteRequired");
			redirect.addFlashAttribute("flashKind", "danger");
		}
		return "redirect:/recognition/proposals";
	}

	@GetMapping("/recognition/leaderboard")
	String leaderboard(CurrentUser user, @RequestParam(required = false) @Nullable String measure,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long unitId, Model model) {
		Metric metric = measure == null ? Metric.VISITS : Metric.ofCode(measure).orElse(Metric.VISITS);
		model.addAttribute("board", boards.board(user, period, metric, unitId));
		model.addAttribute("metric", metric);
		List<Metric> measures = new ArrayList<>(List.of(Metric.values()));
		model.addAttribute("measures", measures);
		return "incentives/leaderboard";
	}
}
