package io.rumbo.people.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.JobRole;
import io.rumbo.people.GapKind;
import io.rumbo.people.GapReport;
import io.rumbo.people.HoldingWithdrawals;
import io.rumbo.people.PeopleViews.GapEnrolment;
import io.rumbo.people.PeopleViews.GapHeatmap;
import io.rumbo.people.PeopleViews.GapRow;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.people.PeopleViews.RequirementView;
import io.rumbo.people.PeopleViews.StaffQualificationView;
import io.rumbo.people.QualificationId;
import io.rumbo.people.QualificationKind;
import io.rumbo.people.Qualifications;
import io.rumbo.people.SessionId;
import io.rumbo.people.StaffQualifications;
import io.rumbo.people.Training;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The people API: qualifications and requirements (everyone reads, PEOPLE keeps), people's qualifications and the gap
 * report (within the caller's data scope: a rep their own, a manager their subtree; 404 outside) and enrolling the
 * people of a gap. Programmes, sessions and enrolments are {@link TrainingRestController}'s.
 */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "Qualifications, requirements, gaps and training")
class PeopleRestController {

	record QualificationRequest(@Nullable Long version, @Nullable String code, @Nullable String name,
			@Nullable QualificationKind kind, @Nullable String description, @Nullable Integer maxLevel,
			@Nullable Integer validityMonths, @Nullable List<String> levels) {

		Qualifications.QualificationDetails details() {
			return new Qualifications.QualificationDetails(code, name, kind, description, maxLevel, validityMonths,
					levels);
		}
	}

	record RequirementRequest(@Nullable Long version, @Nullable JobRole jobRole, @Nullable Long unitId,
			@Nullable Long qualificationId, @Nullable Integer minLevel, io.rumbo.people.@Nullable Importance importance) {

		Qualifications.RequirementDetails details() {
			return new Qualifications.RequirementDetails(jobRole, unitId, qualificationId, minLevel, importance);
		}
	}

	record HoldingRequest(@Nullable Long version, @Nullable Long staffId, @Nullable Long qualificationId,
			@Nullable Integer level, @Nullable LocalDate obtainedOn, @Nullable LocalDate expiresOn,
			@Nullable String evidence) {

		StaffQualifications.HoldingDetails details() {
			return new StaffQualifications.HoldingDetails(staffId, qualificationId, level, obtainedOn, expiresOn,
					evidence);
		}
	}

	/** Enrols the people the gap report (with these filters) shows lacking {@code qualificationId}. */
	record GapEnrolRequest(@Nullable Long qualificationId, @Nullable Long sessionId, @Nullable Long unitId,
			@Nullable JobRole jobRole, @Nullable GapKind kind) {
	}

	private final Qualifications qualifications;
	private final StaffQualifications holdings;
	private final GapReport gaps;
	private final Training training;
	private final HoldingWithdrawals withdrawals;

	PeopleRestController(Qualifications qualifications, StaffQualifications holdings, GapReport gaps,
			Training training, HoldingWithdrawals withdrawals) {
		this.qualifications = qualifications;
		this.holdings = holdings;
		this.gaps = gaps;
		this.training = training;
		this.withdrawals = withdrawals;
	}

	// ---- qualifications and requirements

	@GetMapping("/qualifications")
	@Operation(summary = "The qualification catalogue", description = "Filters: q (name, code), kind, archived.")
	PageResponse<QualificationView> qualifications(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable QualificationKind kind,
			@RequestParam(required = false) @Nullable Boolean archived) {
		List<QualificationView> all = qualifications.catalogue(q, kind, Boolean.TRUE.equals(archived));
		return PageResponse.of(all, ListQuery.of(0, ListQuery.MAX_SIZE, null, java.util.Map.of("name", "name"), "name"),
				all.size());
	}

	@GetMapping("/qualifications/{id}")
	QualificationView qualification(@PathVariable long id) {
		return qualifications.get(QualificationId.of(id));
	}

	@PostMapping("/qualifications")
	@Operation(summary = "Add a qualification to the catalogue (PEOPLE)")
	ResponseEntity<QualificationView> createQualification(CurrentUser actor, @RequestBody QualificationRequest request) {
		QualificationView created = qualifications.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/people/qualifications/" + created.id())).body(created);
	}

	@PutMapping("/qualifications/{id}")
	@Operation(summary = "Rewrite a qualification (PEOPLE); carries the version read, 409 when stale")
	QualificationView updateQualification(CurrentUser actor, @PathVariable long id,
			@RequestBody QualificationRequest request) {
		return qualifications.update(actor, QualificationId.of(id), ApiRequests.required(request.version(), "version"),
				request.details());
	}

	@PostMapping("/qualifications/{id}/archive")
	@Operation(summary = "Archive (archived true, the default) or restore a qualification (PEOPLE)")
	QualificationView archiveQualification(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ApiRequests.ArchiveRequest request) {
		return qualifications.archive(actor, QualificationId.of(id), request.version(),
				!Boolean.FALSE.equals(request.archived()));
	}

	@GetMapping("/requirements")
	@Operation(summary = "Requirements per job role", description = "Filters: jobRole, unitId (the role's "
			+ "company-wide requirements and that unit's), qualificationId.")
	PageResponse<RequirementView> requirements(@RequestParam(required = false) @Nullable JobRole jobRole,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Long qualificationId) {
		List<RequirementView> all = qualifications.requirements(jobRole, unitId, qualificationId);
		return PageResponse.of(all, ListQuery.of(0, ListQuery.MAX_SIZE, null, java.util.Map.of("jobRole", "jobRole"),
				"jobRole"), all.size());
	}

	@PostMapping("/requirements")
	@Operation(summary = "Require a qualification of a job role, optionally in one unit only (PEOPLE)")
	ResponseEntity<RequirementView> require(CurrentUser actor, @RequestBody RequirementRequest request) {
		RequirementView created = qualifications.require(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/people/requirements/" + created.id())).body(created);
	}

	@PutMapping("/requirements/{id}")
	RequirementView updateRequirement(CurrentUser actor, @PathVariable long id, @RequestBody RequirementRequest request) {
		return qualifications.updateRequirement(actor, id, ApiRequests.required(request.version(), "version"),
				request.details());
	}

	@DeleteMapping("/requirements/{id}")
	@Operation(summary = "Drop a requirement (PEOPLE); version as a query parameter")
	ResponseEntity<Void> dropRequirement(CurrentUser actor, @PathVariable long id, @RequestParam long version) {
		qualifications.dropRequirement(actor, id, version);
		return ResponseEntity.noContent().build();
	}

	// ---- people's qualifications

	@GetMapping(value = "/staff-qualifications", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportHoldings(CurrentUser actor,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Long qualificationId,
			@RequestParam(required = false) @Nullable QualificationKind kind,
			@RequestParam(required = false) @Nullable Boolean expiring,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return PeopleExports.holdings(ExportFormat.fromAccept(accept), holdings, actor,
				new StaffQualifications.Filter(q, staffId, unitId, qualificationId, kind, expiring),
				ListQuery.of(0, 1, sort, StaffQualifications.SORTS, "person").unpaged());
	}

	@GetMapping(value = "/staff-qualifications", produces = "application/json")
	@Operation(summary = "People's qualifications within the caller's scope", description = "Filters: q (person, "
			+ "qualification), staffId, unitId (subtree), qualificationId, kind, expiring (true: expiring within the "
			+ "warning days or expired). Sort keys: person, qualification, level, obtainedOn, expiresOn. A rep sees "
			+ "their own, a manager their subtree's. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<StaffQualificationView> listHoldings(CurrentUser actor,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Long qualificationId,
			@RequestParam(required = false) @Nullable QualificationKind kind,
			@RequestParam(required = false) @Nullable Boolean expiring,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return holdings.list(actor, new StaffQualifications.Filter(q, staffId, unitId, qualificationId, kind, expiring),
				ListQuery.of(page, size, sort, StaffQualifications.SORTS, "person"));
	}

	@GetMapping("/staff-qualifications/{id}")
	StaffQualificationView holding(CurrentUser actor, @PathVariable long id) {
		return holdings.get(actor, id);
	}

	@GetMapping("/staff")
	@Operation(summary = "The people of the caller's scope", description = "The active people of the sales "
			+ "organisation as this module keeps them (id: the staff id): a rep themselves, a manager their subtree. "
			+ "Filter: q (name). Sort keys: name, hireDate, jobRole.")
	PageResponse<io.rumbo.people.PeopleViews.PersonRow> people(CurrentUser actor,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return holdings.people(actor, q, ListQuery.of(page, size, sort, StaffQualifications.PEOPLE_SORTS, "name"));
	}

	@GetMapping("/staff/{staffId}/qualifications")
	@Operation(summary = "A person's qualifications (404 outside the caller's scope)")
	PageResponse<StaffQualificationView> personHoldings(CurrentUser actor, @PathVariable long staffId) {
		List<StaffQualificationView> all = holdings.ofPerson(actor, staffId);
		return PageResponse.of(all, ListQuery.of(0, ListQuery.MAX_SIZE, null, StaffQualifications.SORTS, "person"),
				all.size());
	}

	@PostMapping("/staff-qualifications")
	@Operation(summary = "Record a qualification a person holds (PEOPLE); the expiry defaults to the qualification's "
			+ "validity after the date obtained")
	ResponseEntity<StaffQualificationView> record(CurrentUser actor, @RequestBody HoldingRequest request) {
		StaffQualificationView created = holdings.record(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/people/staff-qualifications/" + created.id())).body(created);
	}

	@PutMapping("/staff-qualifications/{id}")
	StaffQualificationView updateHolding(CurrentUser actor, @PathVariable long id, @RequestBody HoldingRequest request) {
		return holdings.update(actor, id, ApiRequests.required(request.version(), "version"), request.details());
	}

	@PostMapping("/staff-qualifications/{id}/withdrawal")
	@Operation(summary = "Withdraw a person's qualification (PEOPLE) with the reason", description = "The holding "
			+ "goes; what it was and why stay in the person's history (GET /staff/{staffId}/withdrawals) and the audit "
			+ "trail. 409 with the current version when stale.")
	HoldingWithdrawals.Withdrawal withdraw(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ApiRequests.WithdrawRequest request) {
		return withdrawals.withdraw(actor, id, request.version(), request.reason());
	}

	@GetMapping("/staff/{staffId}/withdrawals")
	@Operation(summary = "A person's withdrawn qualifications, latest first (within the caller's scope)")
	List<HoldingWithdrawals.Withdrawal> withdrawals(CurrentUser actor, @PathVariable long staffId) {
		return withdrawals.ofPerson(actor, staffId);
	}

	// ---- gaps

	@GetMapping(value = "/gaps", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportGaps(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable JobRole jobRole,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Long qualificationId,
			@RequestParam(required = false) @Nullable GapKind kind,
			@RequestParam(required = false) @Nullable Boolean desirable,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return PeopleExports.gaps(ExportFormat.fromAccept(accept), gaps, actor,
				new GapReport.Filter(q, unitId, jobRole, staffId, qualificationId, kind, desirable),
				ListQuery.of(0, 1, sort, GapReport.SORTS, "person").unpaged());
	}

	@GetMapping(value = "/gaps", produces = "application/json")
	@Operation(summary = "The gap report: required qualifications missing, under level, expired or expiring",
			description = "One row per person and qualification within the caller's scope. Filters: q (person), "
					+ "unitId (subtree), jobRole, staffId, qualificationId, kind (MISSING, BELOW_LEVEL, EXPIRED, "
					+ "EXPIRING), desirable (true: desirable requirements too). Sort keys: person, qualification, kind, "
					+ "jobRole, expiresOn. Accept: text/csv or the XLSX type for an export.")
	PageResponse<GapRow> listGaps(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long unitId, @RequestParam(required = false) @Nullable JobRole jobRole,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Long qualificationId,
			@RequestParam(required = false) @Nullable GapKind kind,
			@RequestParam(required = false) @Nullable Boolean desirable,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return gaps.list(actor, new GapReport.Filter(q, unitId, jobRole, staffId, qualificationId, kind, desirable),
				ListQuery.of(page, size, sort, GapReport.SORTS, "person"));
	}

	@GetMapping("/gaps/heatmap")
	@Operation(summary = "The gaps counted by person, unit or job role (by) and qualification, for a heat map")
	GapHeatmap heatmap(CurrentUser actor, @RequestParam(required = false) GapReport.@Nullable By by,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable JobRole jobRole,
			@RequestParam(required = false) @Nullable Long qualificationId,
			@RequestParam(required = false) @Nullable GapKind kind,
			@RequestParam(required = false) @Nullable Boolean desirable) {
		return gaps.heatmap(actor, new GapReport.Filter(q, unitId, jobRole, null, qualificationId, kind, desirable),
				by == null ? GapReport.By.UNIT : by);
	}

	@PostMapping("/gaps/enrolments")
	@Operation(summary = "Enrol the people lacking a qualification in a session of a programme that grants it",
			description = "For PEOPLE, the director and managers (their subtree). People already enrolled in the "
					+ "programme are skipped; once the session is full the rest are counted as without a seat.")
	GapEnrolment enrolGaps(CurrentUser actor, @RequestBody GapEnrolRequest request) {
		return training.enrolGaps(actor, ApiRequests.required(request.qualificationId(), "qualificationId"),
				SessionId.of(ApiRequests.required(request.sessionId(), "sessionId")),
				new GapReport.Filter(null, request.unitId(), request.jobRole(), null, null, request.kind(), null));
	}
}
