package io.rumbo.people.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
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
import io.rumbo.people.CandidateDetail;
import io.rumbo.people.CandidateDocuments;
import io.rumbo.people.CandidateInterviews;
import io.rumbo.people.CandidateSource;
import io.rumbo.people.CandidateView;
import io.rumbo.people.Candidates;
import io.rumbo.people.DocumentKind;
import io.rumbo.people.CandidateStages;
import io.rumbo.people.Recommendation;
import io.rumbo.people.StageView;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "Candidates", description = "Candidates through the pipeline stages, their document links, interviews "
		+ "and the hire; personal data for PEOPLE and the requisition's managers only")
class CandidateRestController {

	@Schema(name = "PeopleCandidateUpdateRequest")
	record CandidateRequest(@NotNull Long version, @Nullable String firstName, @Nullable String lastName,
			@Nullable String email, @Nullable String phone, @Nullable CandidateSource source,
			@Nullable String sourceDetail) {
	}

	@Schema(name = "PeopleMoveRequest")
	record MoveRequest(@NotNull Long version, @Nullable String stage) {
	}

	@Schema(name = "PeopleCandidateRejectRequest")
	record RejectRequest(@NotNull Long version, @Nullable String rejectionReason) {
	}

	@Schema(name = "PeopleHireRequest")
	record HireRequest(@NotNull Long version, @Nullable LocalDate hireDate, @Nullable String employeeNumber,
			@Nullable Integer qualificationLevel, @Nullable Boolean createAccount, @Nullable String username) {
	}

	@Schema(name = "PeopleDocumentRequest")
	record DocumentRequest(@Nullable DocumentKind kind, @Nullable String title, @Nullable String url) {
	}

	@Schema(name = "PeopleInterviewRequest")
	record InterviewRequest(@Nullable LocalDate heldOn, @Nullable String notes,
			@Nullable Recommendation recommendation, @Nullable Map<Long, Integer> scores) {
	}

	@Schema(name = "PeopleStageRequest")
	record StageRequest(@Nullable Long version, @Nullable String code, @Nullable String nameEn,
			@Nullable String nameEs, @Nullable Integer position, @Nullable Boolean archived) {

		CandidateStages.StageDetails details() {
			return new CandidateStages.StageDetails(code, nameEn, nameEs, position, Boolean.TRUE.equals(archived));
		}
	}

	private final Candidates candidates;
	private final CandidateDocuments documents;
	private final CandidateInterviews interviews;
	private final CandidateStages stages;

	CandidateRestController(Candidates candidates, CandidateDocuments documents, CandidateInterviews interviews,
			CandidateStages stages) {
		this.candidates = candidates;
		this.documents = documents;
		this.interviews = interviews;
		this.stages = stages;
	}

	@GetMapping(value = "/candidates", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@ParameterObject RecruitmentListParams.CandidateParams filter,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return RecruitmentExports.candidates(ExportFormat.fromAccept(accept), candidates, actor, filter.criteria(),
				ListQuery.of(0, 1, sort, Candidates.SORTS, "appliedOn,desc").unpaged());
	}

	@GetMapping(value = "/candidates", produces = "application/json")
	@Operation(summary = "List the candidates the caller may see", description = "PEOPLE sees all, a manager those "
			+ "of requisitions in their subtree; anyone else is refused (403). q: words in the name, e-mail or phone; "
			+ "filters stage, source, requisitionId, unitId (its subtree). Sort keys: appliedOn, lastName, stage, "
			+ "stageOn, source. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<CandidateView> list(CurrentUser actor, @ParameterObject RecruitmentListParams.CandidateParams filter,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return candidates.list(actor, filter.criteria(), ListQuery.of(page, size, sort, Candidates.SORTS,
				"appliedOn,desc"));
	}

	@GetMapping("/candidates/{id}")
	@Operation(summary = "A candidate with documents and interviews (404 for anyone but PEOPLE and the managers of "
			+ "the requisition's unit)")
	CandidateDetail get(CurrentUser actor, @PathVariable long id) {
		return candidates.detail(actor, id);
	}

	@PutMapping("/candidates/{id}")
	@Operation(summary = "Correct a candidate's details (409 once hired or rejected, or when the version is stale)")
	CandidateView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody CandidateRequest request) {
		return candidates.edit(actor, id, request.version(), new Candidates.CandidateDetails(request.firstName(),
				request.lastName(), request.email(), request.phone(), request.source(), request.sourceDetail()));
	}

	@PostMapping("/candidates/{id}/stage")
	@Operation(summary = "Move a candidate to another open stage", description = "PEOPLE (403 otherwise); 400 "
			+ "naming stage for an unknown, archived or terminal stage (use /reject or /hire); 409 once hired or "
			+ "rejected.")
	CandidateView move(CurrentUser actor, @PathVariable long id, @Valid @RequestBody MoveRequest request) {
		return candidates.move(actor, id, request.version(), request.stage());
	}

	@PostMapping("/candidates/{id}/reject")
	@Operation(summary = "Reject a candidate with the reason (required: 400 naming rejectionReason)")
	CandidateView reject(CurrentUser actor, @PathVariable long id, @Valid @RequestBody RejectRequest request) {
		return candidates.reject(actor, id, request.version(), request.rejectionReason());
	}

	@PostMapping("/candidates/{id}/hire")
	@Operation(summary = "Hire a candidate", description = "PEOPLE. Creates exactly one staff record in the "
			+ "requisition's unit and job role (organisation announces StaffHired), optionally a sign-in account "
			+ "with the REP role and no password (createAccount, username), marks the candidate HIRED and fills the "
			+ "requisition. 409 unless the requisition is APPROVED. Asking again for a hired candidate answers the "
			+ "same hire and creates nothing.")
	CandidateView hire(CurrentUser actor, @PathVariable long id, @Valid @RequestBody HireRequest request) {
		return candidates.hire(actor, id, request.version(), new Candidates.HireDetails(request.hireDate(),
				request.employeeNumber(), request.qualificationLevel(), Boolean.TRUE.equals(request.createAccount()),
				request.username()));
	}

	@PostMapping("/candidates/{id}/documents")
	@Operation(summary = "Attach a document link (http or https; at most 20 a candidate)")
	CandidateDetail addDocument(CurrentUser actor, @PathVariable long id, @RequestBody DocumentRequest request) {
		return documents.addDocument(actor, id, new CandidateDocuments.DocumentDetails(request.kind(), request.title(),
				request.url()));
	}

	@PostMapping("/candidates/{id}/interviews")
	@Operation(summary = "Record an interview the caller held", description = "A verdict and scores 1-5 keyed by "
			+ "the requisition's requirement ids (400 naming scores for another requisition's requirement or a score "
			+ "out of range).")
	CandidateDetail addInterview(CurrentUser actor, @PathVariable long id, @RequestBody InterviewRequest request) {
		return interviews.addInterview(actor, id, new CandidateInterviews.InterviewDetails(request.heldOn(), request.notes(),
				request.recommendation(), request.scores()));
	}

	@GetMapping("/stages")
	@Operation(summary = "The pipeline's stages in order (archived ones with includeArchived=true)")
	List<StageView> stages(@RequestParam(required = false) @Nullable Boolean includeArchived) {
		return stages.list(Boolean.TRUE.equals(includeArchived));
	}

	@PostMapping("/stages")
	@Operation(summary = "Add an open stage (PEOPLE or administrators)")
	ResponseEntity<StageView> addStage(CurrentUser actor, @RequestBody StageRequest request) {
		StageView created = stages.add(actor, request.details());
		return ResponseEntity.created(java.net.URI.create("/api/v1/people/stages/" + created.code())).body(created);
	}

	@PutMapping("/stages/{code}")
	@Operation(summary = "Rename, reorder or archive an open stage (409 for HIRED and REJECTED, which are fixed)")
	StageView updateStage(CurrentUser actor, @PathVariable String code, @RequestBody StageRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return stages.update(actor, code, request.version(), request.details());
	}
}
