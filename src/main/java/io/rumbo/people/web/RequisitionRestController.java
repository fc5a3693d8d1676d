package io.rumbo.people.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.springdoc.core.annotations.ParameterObject;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.PositionView;
import io.rumbo.people.CandidateView;
import io.rumbo.people.Candidates;
import io.rumbo.people.RecruitmentFigures;
import io.rumbo.people.RequisitionReason;
import io.rumbo.people.RequisitionView;
import io.rumbo.people.Requisitions;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/people/requisitions")
@Tag(name = "Requisitions", description = "Requisitions per vacancy: raised by managers and PEOPLE, approved by "
		+ "whoever the unit's approval rule names (a director by default), filled by a hire; recruitment figures")
class RequisitionRestController {

	@Schema(name = "PeopleRequisitionRequest")
	record RequisitionRequest(@Nullable Long version, @Nullable Long positionId, @Nullable RequisitionReason reason,
			@Nullable Long replacesStaffId, @Nullable BigDecimal budgetedCost, @Nullable String notes) {

		Requisitions.RequisitionDetails details() {
			return new Requisitions.RequisitionDetails(positionId, reason, replacesStaffId, budgetedCost, notes);
		}
	}

	@Schema(name = "PeopleVersionRequest")
	record VersionRequest(@NotNull Long version) {
	}

	@Schema(name = "PeopleRejectRequest")
	record RejectRequest(@NotNull Long version, @Nullable String rejectionReason) {
	}

	@Schema(name = "PeopleCandidateRequest")
	record CandidateRequest(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
			@Nullable String phone, io.rumbo.people.@Nullable CandidateSource source, @Nullable String sourceDetail) {

		Candidates.CandidateDetails details() {
			return new Candidates.CandidateDetails(firstName, lastName, email, phone, source, sourceDetail);
		}
	}

	private final Requisitions requisitions;
	private final Candidates candidates;
	private final RecruitmentFigures figures;
	private final java.time.Clock clock;

	RequisitionRestController(Requisitions requisitions, Candidates candidates, RecruitmentFigures figures,
			java.time.Clock clock) {
		this.requisitions = requisitions;
		this.candidates = candidates;
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@ParameterObject RecruitmentListParams.RequisitionParams filter,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return RecruitmentExports.requisitions(ExportFormat.fromAccept(accept), requisitions, actor, filter.criteria(),
				ListQuery.of(0, 1, sort, Requisitions.SORTS, "requestedOn,desc").unpaged());
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List the requisitions the caller sees", description = "Company-wide roles see all, a "
			+ "manager those of their subtree; a salesperson is refused (403). q: words in the requester's name, the "
			+ "notes or the job role; filters status, unitId (its subtree), reason, jobRole, from/to (requested on), "
			+ "open=true for DRAFT, SUBMITTED and APPROVED only. Sort keys: requestedOn, status, jobRole, "
			+ "budgetedCost, decidedOn, closedOn. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<RequisitionView> list(CurrentUser actor, @ParameterObject RecruitmentListParams.RequisitionParams filter,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return requisitions.list(actor, filter.criteria(),
				ListQuery.of(page, size, sort, Requisitions.SORTS, "requestedOn,desc"));
	}

	@GetMapping("/vacancies")
	@Operation(summary = "The vacancies the caller may raise a requisition for", description = "Positions in the "
			+ "caller's scope with more planned than filled headcount that no open requisition covers yet.")
	List<PositionView> vacancies(CurrentUser actor) {
		return requisitions.openVacancies(actor);
	}

	@GetMapping("/figures")
	@Operation(summary = "Recruitment figures in the caller's scope", description = "Time to fill per unit (days "
			+ "from approval to hire, requisitions filled between from and to), candidates per hire by source "
			+ "(candidates who applied between from and to), open requisitions per unit now. Defaults: the last 12 "
			+ "months.")
	RecruitmentFigures.Figures figures(CurrentUser actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		LocalDate start = from == null ? end.minusYears(1) : from;
		if (start.isAfter(end)) {
			throw ValidationFailedException.of("from", "people.figures.period");
		}
		return figures.figures(actor, start, end);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A requisition with its copied requirements (404 when the caller does not see it)")
	RequisitionView get(CurrentUser actor, @PathVariable long id) {
		return requisitions.get(actor, id);
	}

	@PostMapping
	@Operation(summary = "Raise a requisition for a vacancy", description = "A manager for a position of their "
			+ "subtree, PEOPLE, a director or an administrator for any (403 otherwise). The job role's requirements "
			+ "(company-wide and the unit's) are copied. 400 naming positionId when the position is unknown or out of "
			+ "scope, or when its vacancies are all covered by open requisitions.")
	ResponseEntity<RequisitionView> create(CurrentUser actor, @RequestBody RequisitionRequest request) {
		RequisitionView created = requisitions.raise(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/people/requisitions/" + created.id())).body(created);
	}

	@GetMapping("/{id}/approval")
	@Operation(summary = "Who must approve the requisition", description = "By the approval rule of its unit or the "
			+ "nearest ancestor with one (a director when none; a director too above the rule's budget threshold).")
	io.rumbo.people.ApprovalRules.Due approval(CurrentUser actor, @PathVariable long id) {
		return requisitions.approval(requisitions.get(actor, id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a draft (409 once submitted or when the version is stale)", description = "Reason, "
			+ "replaced person, budgeted cost, notes; positionId another vacancy the caller may raise for (the new "
			+ "position's requirements are copied; 409 when the draft already has candidates).")
	RequisitionView update(CurrentUser actor, @PathVariable long id, @RequestBody RequisitionRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return requisitions.edit(actor, id, request.version(), request.details());
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit a draft for approval (409 unless DRAFT)")
	RequisitionView submit(CurrentUser actor, @PathVariable long id, @Valid @RequestBody VersionRequest request) {
		return requisitions.submit(actor, id, request.version());
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve a submitted requisition", description = "Whoever the unit's approval rule names "
			+ "(GET /{id}/approval; 403 for anyone else; 409 unless SUBMITTED). Announces RequisitionApproved.")
	RequisitionView approve(CurrentUser actor, @PathVariable long id, @Valid @RequestBody VersionRequest request) {
		return requisitions.approve(actor, id, request.version());
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject a submitted requisition with the reason", description = "Whoever the unit's "
			+ "approval rule names; 400 naming rejectionReason without one, 409 unless SUBMITTED.")
	RequisitionView reject(CurrentUser actor, @PathVariable long id, @Valid @RequestBody RejectRequest request) {
		return requisitions.reject(actor, id, request.version(), request.rejectionReason());
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel an open requisition (409 once filled, rejected or cancelled)")
	RequisitionView cancel(CurrentUser actor, @PathVariable long id, @Valid @RequestBody VersionRequest request) {
		return requisitions.cancel(actor, id, request.version());
	}

	@PostMapping("/{id}/candidates")
	@Operation(summary = "Add a candidate to an open requisition", description = "PEOPLE, or a manager of the "
			+ "requisition's unit (403 otherwise); the candidate starts at the first open stage. 409 when the "
			+ "requisition is closed.")
	ResponseEntity<CandidateView> addCandidate(CurrentUser actor, @PathVariable long id,
			@RequestBody CandidateRequest request) {
		CandidateView created = candidates.add(actor, id, request.details());
		return ResponseEntity.created(URI.create("/api/v1/people/candidates/" + created.id())).body(created);
	}
}
