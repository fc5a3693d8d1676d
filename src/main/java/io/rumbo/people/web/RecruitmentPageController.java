package io.rumbo.people.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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
import io.rumbo.organization.JobRole;
import io.rumbo.people.CandidateDetail;
import io.rumbo.people.CandidateDocuments;
import io.rumbo.people.CandidateInterviews;
import io.rumbo.people.CandidateSource;
import io.rumbo.people.CandidateView;
import io.rumbo.people.Candidates;
import io.rumbo.people.DocumentKind;
import io.rumbo.people.FileView;
import io.rumbo.people.Recommendation;
import io.rumbo.people.RecruitmentFigures;
import io.rumbo.people.RequisitionReason;
import io.rumbo.people.RequisitionStatus;
import io.rumbo.people.RequisitionView;
import io.rumbo.people.Requisitions;
import io.rumbo.people.StageView;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import io.rumbo.shared.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recruitment pages (decision 0036): the requisition list with its figures and charts, the form that raises one
 * for a vacancy, a requisition's page (requirements, approval, its candidates for those who may see them), the
 * candidate list and a candidate's page (stages, rejection, hire, document links, interviews with scores). Refusals
 * come back to the page they were sent from with the reason (PageFormErrors).
 */
@Controller
class RecruitmentPageController {

	/** At most this many candidates on a requisition's page; the candidate list pages through all of them. */
	static final int CANDIDATES_SHOWN = 200;

	private final Requisitions requisitions;
	private final Candidates candidates;
	private final CandidateDocuments documents;
	private final CandidateInterviews interviews;
	private final RecruitmentFigures figures;
	private final JsonMapper json;
	private final org.springframework.context.MessageSource messages;
	private final Clock clock;

	private final UserNames userNames;

	RecruitmentPageController(Requisitions requisitions, Candidates candidates, CandidateDocuments documents,
			CandidateInterviews interviews, RecruitmentFigures figures,
			JsonMapper json, org.springframework.context.MessageSource messages, Clock clock, UserNames userNames) {
		this.userNames = userNames;
		this.messages = messages;
		this.requisitions = requisitions;
		this.candidates = candidates;
		this.documents = documents;
		this.interviews = interviews;
		this.figures = figures;
		this.json = json;
		this.clock = clock;
	}

	/** The requisition list's filters, as its query string names them. */
	record RequisitionListFilter(@Nullable String q, @Nullable RequisitionStatus status,
			@Nullable RequisitionReason reason, @Nullable JobRole jobRole,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Boolean open) {

		Requisitions.Filter criteria() {
			return new Requisitions.Filter(q, status, null, reason, jobRole, from, to, Boolean.TRUE.equals(open));
		}
	}

	record CandidateListFilter(@Nullable String q, @Nullable String stage, @Nullable CandidateSource source,
			@Nullable Long requisition) {

		Candidates.Filter criteria() {
			return new Candidates.Filter(q, stage, source, requisition, null);
		}
	}

	@GetMapping(value = "/people/requisitions", params = "format")
	ResponseEntity<StreamingResponseBody> exportRequisitions(CurrentUser user, @RequestParam String format,
			RequisitionListFilter filter, ListRequest list) {
		return RecruitmentExports.requisitions(ExportFormat.param(format), requisitions, user, filter.criteria(),
				list.unpaged(Requisitions.SORTS, "requestedOn,desc"));
	}

	@GetMapping("/people/requisitions")
	String requisitionList(CurrentUser user, RequisitionListFilter filter, ListRequest list,
			HttpServletRequest request, Model model) {
		ListQuery query = list.query(Requisitions.SORTS, "requestedOn,desc", 25);
		model.addAttribute("statuses", RequisitionStatus.values());
		model.addAttribute("reasons", RequisitionReason.values());
		model.addAttribute("jobRoles", JobRole.values());
		model.addAttribute("mayRaise", Requisitions.mayRaise(user));
		model.addAttribute("mayRules", io.rumbo.people.ApprovalRules.mayManage(user));
		model.addAttribute("mayStages", io.rumbo.people.CandidateStages.mayConfigure(user));
		LocalDate today = LocalDate.now(clock);
		RecruitmentFigures.Figures f = figures.figures(user, today.minusYears(1), today);
		model.addAttribute("recruitment", f);
		model.addAttribute("timeChart", chart(f.timeToFill().stream().map(t -> t.unitName()).toList(),
				f.timeToFill().stream().map(t -> (Object) t.averageDays()).toList(), false));
		model.addAttribute("sourceChart", chart(f.bySource().stream().map(s -> messages.getMessage("people.candidate.source." + s.source(), null,
						org.springframework.context.i18n.LocaleContextHolder.getLocale())).toList(),
				f.bySource().stream().map(s -> (Object) s.candidatesPerHire()).toList(), false));
		model.addAttribute("openChart", chart(f.openByUnit().stream().map(o -> o.unitName()).toList(),
				f.openByUnit().stream().map(o -> (Object) o.total()).toList(), true));
		return ListPages.render(request, model, "people/requisition-list", filter, query,
				requisitions.list(user, filter.criteria(), query));
	}

	private String chart(List<String> labels, List<Object> values, boolean counts) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", labels);
		data.put("values", values);
		data.put("counts", counts);
		return ChartData.json(json, data);
	}

	@GetMapping("/people/requisitions/new")
	String newRequisition(CurrentUser user, Model model) {
		model.addAttribute("vacancies", requisitions.openVacancies(user));
		model.addAttribute("reasons", RequisitionReason.values());
		return "people/requisition-form";
	}

	@PostMapping("/people/requisitions/new")
	String raise(CurrentUser user, @RequestParam(required = false) @Nullable Long positionId,
			@RequestParam(required = false) @Nullable RequisitionReason reason,
			@RequestParam(required = false) @Nullable BigDecimal budgetedCost,
			@RequestParam(required = false) @Nullable String notes, RedirectAttributes redirect) {
		RequisitionView raised = requisitions.raise(user,
				new Requisitions.RequisitionDetails(positionId, reason, null, budgetedCost, notes));
		redirect.addFlashAttribute("flash", "people.requisition.raised");
		return "redirect:/people/requisitions/" + raised.id();
	}

	@GetMapping("/people/requisitions/{id}")
	String requisition(CurrentUser user, @PathVariable long id, Model model) {
		RequisitionView requisition = requisitions.get(user, id);
		model.addAttribute("requisition", requisition);
		model.addAttribute("mayManage", requisitions.mayManage(user, requisition));
		model.addAttribute("approval", requisitions.approval(requisition));
		if (requisition.status() == RequisitionStatus.DRAFT && requisitions.mayManage(user, requisition)) {
			model.addAttribute("vacancies", requisitions.openVacancies(user));
			model.addAttribute("reasons", RequisitionReason.values());
		}
		model.addAttribute("mayDecide", requisitions.mayDecide(user, requisition));
		boolean seesCandidates = candidates.scopeOf(user).sees(requisition.unitId());
		model.addAttribute("seesCandidates", seesCandidates);
		// The first CANDIDATES_SHOWN candidates; with more, the page says how many it shows of how many and links to
		// the candidate list filtered by this requisition (paged, sorted, exported there).
		PageResponse<CandidateView> shown = seesCandidates ? candidates.list(user,
				new Candidates.Filter(null, null, null, id, null),
				ListQuery.of(0, CANDIDATES_SHOWN, List.of("appliedOn"), Candidates.SORTS, "appliedOn")) : null;
		model.addAttribute("candidates", shown == null ? List.of() : shown.content());
		model.addAttribute("candidatesTotal", shown == null ? 0L : shown.page().totalElements());
		model.addAttribute("sources", CandidateSource.values());
		model.addAttribute("userNames", userNames.of(java.util.Collections.singletonList(requisition.decidedBy())));
		return "people/requisition";
	}

	@PostMapping("/people/requisitions/{id}/edit")
	String editDraft(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long positionId,
			@RequestParam(required = false) @Nullable RequisitionReason reason,
			@RequestParam(required = false) @Nullable BigDecimal budgetedCost,
			@RequestParam(required = false) @Nullable String notes, RedirectAttributes redirect) {
		RequisitionView current = requisitions.get(user, id);
		requisitions.edit(user, id, version, new Requisitions.RequisitionDetails(positionId, reason,
				current.replacesStaffId(), budgetedCost, notes));
		redirect.addFlashAttribute("flash", "people.requisition.saved");
		return "redirect:/people/requisitions/" + id;
	}

	@PostMapping("/people/requisitions/{id}/{action:submit|approve|cancel}")
	String decide(CurrentUser user, @PathVariable long id, @PathVariable String action, @RequestParam long version,
			RedirectAttributes redirect) {
		switch (action) {
			case "submit" -> requisitions.submit(user, id, version);
			case "approve" -> requisitions.approve(user, id, version);
			default -> requisitions.cancel(user, id, version);
		}
		redirect.addFlashAttribute("flash", "people.requisition." + switch (action) {
			case "submit" -> "submitted";
			case "approve" -> "approved";
			default -> "cancelled";
		});
		return "redirect:/people/requisitions/" + id;
	}

	@PostMapping("/people/requisitions/{id}/reject")
	String rejectRequisition(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String rejectionReason, RedirectAttributes redirect) {
		requisitions.reject(user, id, version, rejectionReason);
		redirect.addFlashAttribute("flash", "people.requisition.rejected");
		return "redirect:/people/requisitions/" + id;
	}

	@PostMapping("/people/requisitions/{id}/candidates")
	String addCandidate(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String firstName,
			@RequestParam(required = false) @Nullable String lastName,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable CandidateSource source,
			@RequestParam(required = false) @Nullable String sourceDetail, RedirectAttributes redirect) {
		CandidateView added = candidates.add(user, id,
				new Candidates.CandidateDetails(firstName, lastName, email, phone, source, sourceDetail));
		redirect.addFlashAttribute("flash", "people.candidate.added");
		return "redirect:/people/candidates/" + added.id();
	}

	@GetMapping(value = "/people/candidates", params = "format")
	ResponseEntity<StreamingResponseBody> exportCandidates(CurrentUser user, @RequestParam String format,
			CandidateListFilter filter, ListRequest list) {
		return RecruitmentExports.candidates(ExportFormat.param(format), candidates, user, filter.criteria(),
				list.unpaged(Candidates.SORTS, "appliedOn,desc"));
	}

	@GetMapping("/people/candidates")
	String candidateList(CurrentUser user, CandidateListFilter filter, ListRequest list, HttpServletRequest request,
			Model model) {
		ListQuery query = list.query(Candidates.SORTS, "appliedOn,desc", 25);
		model.addAttribute("stages", ListPages.options(candidates.stages(), StageView::code,
				s -> s.name(org.springframework.context.i18n.LocaleContextHolder.getLocale())));
		model.addAttribute("sources", CandidateSource.values());
		return ListPages.render(request, model, "people/candidate-list", filter, query,
				candidates.list(user, filter.criteria(), query));
	}

	@GetMapping("/people/candidates/{id}")
	String candidate(CurrentUser user, @PathVariable long id, Model model) {
		CandidateDetail detail = candidates.detail(user, id);
		model.addAttribute("detail", detail);
		model.addAttribute("c", detail.candidate());
		model.addAttribute("mayDecide", Candidates.mayDecide(user));
		model.addAttribute("openStages", candidates.stages().stream().filter(s -> !s.terminal()).toList());
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("me", user.username());
		model.addAttribute("recommendations", Recommendation.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("requisition", requisitions.get(user, detail.candidate().requisitionId()));
		model.addAttribute("userNames", userNames.of(java.util.stream.Stream.concat(
				detail.files().stream().map(FileView::addedBy), detail.documents().stream()
					.map(CandidateDetail.Document::addedBy)).toList()));
		return "people/candidate";
	}

	@PostMapping("/people/candidates/{id}/stage")
	String move(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String stage, RedirectAttributes redirect) {
		candidates.move(user, id, version, stage);
		redirect.addFlashAttribute("flash", "people.candidate.moved");
		return "redirect:/people/candidates/" + id;
	}

	@PostMapping("/people/candidates/{id}/reject")
	String rejectCandidate(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String rejectionReason, RedirectAttributes redirect) {
		candidates.reject(user, id, version, rejectionReason);
		redirect.addFlashAttribute("flash", "people.candidate.rejectedFlash");
		return "redirect:/people/candidates/" + id;
	}

	@PostMapping("/people/candidates/{id}/hire")
	String hire(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate hireDate,
			@RequestParam(required = false) @Nullable String employeeNumber,
			@RequestParam(required = false) @Nullable Integer qualificationLevel,
			@RequestParam(required = false) @Nullable Boolean createAccount,
			@RequestParam(required = false) @Nullable String username, RedirectAttributes redirect) {
		CandidateView hired = candidates.hire(user, id, version, new Candidates.HireDetails(hireDate, employeeNumber,
				qualificationLevel, Boolean.TRUE.equals(createAccount), username));
		redirect.addFlashAttribute("flash", "people.candidate.hiredFlash");
		redirect.addFlashAttribute("flashArgs", new Object[] { hired.unitName() });
		return "redirect:/people/candidates/" + id;
	}

	@PostMapping("/people/candidates/{id}/documents")
	String addDocument(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable DocumentKind kind,
			@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String url,
			RedirectAttributes redirect) {
		documents.addDocument(user, id, new CandidateDocuments.DocumentDetails(kind, title, url));
		redirect.addFlashAttribute("flash", "people.candidate.document.added");
		return "redirect:/people/candidates/" + id;
	}

	@PostMapping("/people/candidates/{id}/interviews")
	String addInterview(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
			@RequestParam(required = false) @Nullable String notes,
			@RequestParam(required = false) @Nullable Recommendation recommendation,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<Long, Integer> scores = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("score-") && value != null && !value.isBlank()) {
				scores.put(Long.parseLong(name.substring(6)), Integer.parseInt(value.trim()));
			}
		});
		interviews.addInterview(user, id, new CandidateInterviews.InterviewDetails(heldOn, notes, recommendation, scores));
		redirect.addFlashAttribute("flash", "people.candidate.interview.added");
		return "redirect:/people/candidates/" + id;
	}
}
