package io.rumbo.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.UnitId;
import io.rumbo.people.domain.Candidate;
import io.rumbo.people.domain.CandidateRepository;
import io.rumbo.people.domain.CandidateQueries;
import io.rumbo.people.domain.CandidateQueries.CandidateFilter;
import io.rumbo.people.domain.CandidateQueries.CandidateScope;
import io.rumbo.people.domain.Requisition;
import io.rumbo.people.domain.RequisitionRepository;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Candidates of requisitions (decision 0036). Their personal data is read only by PEOPLE and by the managers of the
 * requisition's unit (its subtree): for anyone else a candidate does not exist (404), and the candidate lists refuse
 * them (403). PEOPLE moves candidates through the stages, rejects them (with the reason) and hires them; managers in
 * scope add candidates (referrals); their documents are {@link CandidateDocuments}, their interviews
 * {@link CandidateInterviews}. A hire creates exactly one staff record through
 * the organisation's {@link StaffManagement} and fills the requisition in the same transaction; asking again answers
 * the same hire.
 */
@Service
public class Candidates {

	public static final Map<String, String> SORTS = CandidateQueries.CANDIDATE_SORTS;

	public record CandidateDetails(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
			@Nullable String phone, @Nullable CandidateSource source, @Nullable String sourceDetail) {
	}

	/**
	 * The terms of a hire: from when ({@code hireDate}, today if none), the employee number (REC-{id} if none), the
	 * qualification level on the organisation's 1-5 scale (rounded mean interview score if none), and optionally a
	 * sign-in account with the REP role under {@code username} (opened without a password).
	 */
	public record HireDetails(@Nullable LocalDate hireDate, @Nullable String employeeNumber,
			@Nullable Integer qualificationLevel, boolean createAccount, @Nullable String username) {
	}

	public record Filter(@Nullable String q, @Nullable String stage, @Nullable CandidateSource source,
			@Nullable Long requisitionId, @Nullable Long unitId) {

		public static Filter none() {
			return new Filter(null, null, null, null, null);
		}
	}

	private final CandidateRepository candidates;
	private final RequisitionRepository requisitions;
	private final CandidateQueries queries;
	private final Requisitions requisitionFacade;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final StaffManagement staff;
	private final UserManagement users;
	private final AuditTrail audit;
	private final PeopleFiles files;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Candidates(CandidateRepository candidates, RequisitionRepository requisitions, CandidateQueries queries,
			Requisitions requisitionFacade, DataScopes scopes, OrgDirectory org, StaffManagement staff,
			UserManagement users, AuditTrail audit, PeopleFiles files, ApplicationEventPublisher events, Clock clock) {
		this.candidates = candidates;
		this.requisitions = requisitions;
		this.queries = queries;
		this.requisitionFacade = requisitionFacade;
		this.scopes = scopes;
		this.org = org;
		this.staff = staff;
		this.users = users;
		this.audit = audit;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the user reads any candidate at all: PEOPLE, and managers (for their subtree). */
	public static boolean mayRead(CurrentUser actor) {
		return actor.hasAny(Role.PEOPLE, Role.MANAGER);
	}

	/** Who moves candidates through the stages, rejects and hires them: PEOPLE. */
	public static boolean mayDecide(CurrentUser actor) {
		return actor.has(Role.PEOPLE);
	}

	/** Whose candidates the user sees: every one for PEOPLE, those of the subtree they lead for a manager. */
	@Transactional(readOnly = true)
	public CandidateScope scopeOf(CurrentUser actor) {
		if (actor.has(Role.PEOPLE)) {
			return new CandidateScope(true, Set.of());
		}
		if (actor.has(Role.MANAGER)) {
			return new CandidateScope(false, scopes.of(actor).managedUnitIds());
		}
		return CandidateScope.NONE;
	}

	@Transactional(readOnly = true)
	public PageResponse<CandidateView> list(CurrentUser actor, Filter filter, ListQuery query) {
		if (!mayRead(actor)) {
			throw new AccessRefusedException("candidates");
		}
		return queries.candidates(scopeOf(actor), criteria(filter), query);
	}

	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<CandidateView> sink) {
		if (!mayRead(actor)) {
			throw new AccessRefusedException("candidates");
		}
		queries.eachCandidate(scopeOf(actor), criteria(filter), query, sink);
	}

	@Transactional(readOnly = true)
	public CandidateView get(CurrentUser actor, long id) {
		CandidateView view = queries.candidate(scopeOf(actor), id);
		if (view == null) {
			throw new NotFoundException("candidate", id);
		}
		return view;
	}

	/** A candidate with their document links and files, interviews and the requirements scored. */
	@Transactional(readOnly = true)
	public CandidateDetail detail(CurrentUser actor, long id) {
		CandidateView candidate = get(actor, id);
		return queries.detail(candidate, files.of(PeopleFiles.Owner.CANDIDATE, List.of(id)).getOrDefault(id, List.of()));
	}

	@Transactional(readOnly = true)
	public List<StageView> stages() {
		return queries.stages(false);
	}

	/** Adds a candidate to an open requisition the user sees candidates of, at the first open stage. */
	@Transactional
	public CandidateView add(CurrentUser actor, long requisitionId, CandidateDetails details) {
		RequisitionView requisition = requisitionFacade.get(actor, requisitionId);
		CandidateScope scope = scopeOf(actor);
		if (!scope.sees(requisition.unitId())) {
			throw new AccessRefusedException("candidates");
		}
		if (!requisition.status().open()) {
			throw new ConflictException("people.candidate.requisitionClosed", requisition.status().name());
		}
		Clean clean = validate(details);
		String first = queries.stages(false).stream().filter(s -> !s.terminal()).findFirst()
			.map(StageView::code).orElse(Candidate.FIRST);
		Candidate candidate = new Candidate(requisitionId, requisition.unitId(), first, LocalDate.now(clock),
				actor.username());
		candidate.describe(clean.firstName(), clean.lastName(), clean.email(), clean.phone(), clean.source(),
				clean.sourceDetail());
		candidates.saveAndFlush(candidate);
		audit.record("CANDIDATE", candidate.id(), "CREATE", null, candidate.auditState(), "#" + candidate.id());
		return get(actor, candidate.id());
	}

	@Transactional
	public CandidateView edit(CurrentUser actor, long id, long version, CandidateDetails details) {
		CandidateView current = get(actor, id);
		Candidate candidate = load(id, version, current);
		Clean clean = validate(details);
		var before = candidate.auditState();
		candidate.describe(clean.firstName(), clean.lastName(), clean.email(), clean.phone(), clean.source(),
				clean.sourceDetail());
		save(candidate, version, actor);
		audit.record("CANDIDATE", id, "UPDATE", before, candidate.auditState(), "#" + id);
		return get(actor, id);
	}

	/** PEOPLE moves a candidate to another open stage (400 for an unknown, archived or terminal one). */
	@Transactional
	public CandidateView move(CurrentUser actor, long id, long version, @Nullable String stage) {
		CandidateView current = get(actor, id);
		if (!mayDecide(actor)) {
			throw new AccessRefusedException("candidates");
		}
		StageView target = queries.stages(false).stream().filter(s -> s.code().equals(stage)).findFirst().orElse(null);
		if (target == null) {
			throw ValidationFailedException.of("stage", "people.candidate.stage.unknown");
		}
		if (target.terminal()) {
			throw ValidationFailedException.of("stage", "people.candidate.stage.terminal");
		}
		Candidate candidate = load(id, version, current);
		var before = candidate.auditState();
		candidate.moveTo(target.code(), LocalDate.now(clock));
		save(candidate, version, actor);
		audit.record("CANDIDATE", id, "MOVE", before, candidate.auditState(), "#" + id);
		return get(actor, id);
	}

	/** PEOPLE rejects a candidate, saying why (400 without a reason, 409 once hired or rejected). */
	@Transactional
	public CandidateView reject(CurrentUser actor, long id, long version, @Nullable String reason) {
		CandidateView current = get(actor, id);
		if (!mayDecide(actor)) {
			throw new AccessRefusedException("candidates");
		}
		if (reason == null || reason.isBlank()) {
			throw ValidationFailedException.of("rejectionReason", "people.candidate.rejectionReason.required");
		}
		if (reason.length() > 1000) {
			throw ValidationFailedException.of("rejectionReason", "people.requisition.notes.long", 1000);
		}
		Candidate candidate = load(id, version, current);
		var before = candidate.auditState();
		candidate.reject(reason.trim(), LocalDate.now(clock));
		save(candidate, version, actor);
		audit.record("CANDIDATE", id, "REJECT", before, candidate.auditState(), "#" + id);
		return get(actor, id);
	}

	/**
	 * PEOPLE hires a candidate of an approved requisition: one staff record in the requisition's unit and job role
	 * (the organisation publishes {@code StaffHired}), optionally a REP account, the candidate HIRED and the
	 * requisition FILLED, all in one transaction, announced with {@link CandidateHired}. Only PEOPLE hires (403 for
	 * anyone else, also for a candidate already hired). A candidate already hired answers PEOPLE as they are, whatever
	 * the version: a retried request carries the version read before the hire and creates nothing more.
	 */
	@Transactional
	public CandidateView hire(CurrentUser actor, long id, long version, HireDetails details) {
		CandidateView current = get(actor, id);
		if (!mayDecide(actor)) {
			throw new AccessRefusedException("candidates");
		}
		if (Candidate.HIRED.equals(current.stage()) && current.staffId() != null) {
			return current;
		}
		Candidate candidate = load(id, version, current);
		Requisition requisition = requisitions.findById(candidate.requisitionId())
			.orElseThrow(() -> new NotFoundException("requisition", candidate.requisitionId()));
		if (requisition.status() != RequisitionStatus.APPROVED) {
			throw new ConflictException("people.candidate.refused.notApproved", requisition.status().name());
		}
		if (candidate.terminal()) {
			throw new ConflictException("people.candidate.refused.hire", candidate.stage());
		}
		LocalDate hireDate = details.hireDate() == null ? LocalDate.now(clock) : details.hireDate();
		String number = details.employeeNumber() == null || details.employeeNumber().isBlank() ? "REC-" + id
				: details.employeeNumber().trim();
		int level = details.qualificationLevel() != null ? details.qualificationLevel()
				: current.averageScore() == null ? StaffManagement.MIN_QUALIFICATION
						: Math.max(StaffManagement.MIN_QUALIFICATION, Math.min(StaffManagement.MAX_QUALIFICATION,
								current.averageScore().setScale(0, java.math.RoundingMode.HALF_UP).intValue()));
		Long userId = null;
		if (details.createAccount()) {
			if (details.username() == null || details.username().isBlank()) {
				throw ValidationFailedException.of("username", "shared.validation.required");
			}
			UserView account = users.openSalespersonAccount(actor, details.username().trim(), current.fullName(),
					current.email());
			userId = account.id();
		}
		StaffView person = staff.create(actor, new StaffManagement.StaffDetails(number, candidate.firstName(),
				candidate.lastName(), candidate.email(), candidate.phone(), hireDate, requisition.unitId(),
				requisition.jobRole(), StaffStatus.ACTIVE, level, userId, null));
		var before = candidate.auditState();
		var requisitionBefore = requisition.auditState();
		candidate.hire(person.id(), hireDate);
		requisition.fill(id, hireDate);
		save(candidate, version, actor);
		requisitions.saveAndFlush(requisition);
		audit.record("CANDIDATE", id, "HIRE", before, candidate.auditState(), person.employeeNumber());
		audit.record("REQUISITION", requisition.id(), "FILL", requisitionBefore, requisition.auditState(),
				person.unitName());
		events.publishEvent(new CandidateHired(CandidateId.of(id), RequisitionId.of(requisition.id()),
				StaffId.of(person.id()), UnitId.of(requisition.unitId()), hireDate, candidate.source()));
		return get(actor, id);
	}

	private record Clean(String firstName, String lastName, @Nullable String email, @Nullable String phone,
			CandidateSource source, @Nullable String sourceDetail) {
	}

	private static Clean validate(CandidateDetails details) {
		List<FieldError> errors = new ArrayList<>();
		String first = details.firstName() == null ? "" : details.firstName().trim();
		String last = details.lastName() == null ? "" : details.lastName().trim();
		if (first.isEmpty() || first.length() > 100) {
			errors.add(new FieldError("firstName", "people.candidate.name.invalid"));
		}
		if (last.isEmpty() || last.length() > 100) {
			errors.add(new FieldError("lastName", "people.candidate.name.invalid"));
		}
		String email = details.email() == null || details.email().isBlank() ? null : details.email().trim();
		if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			errors.add(new FieldError("email", "people.candidate.email.invalid"));
		}
		String phone = details.phone() == null || details.phone().isBlank() ? null : details.phone().trim();
		if (phone != null && !phone.matches("[+0-9 ()./-]{3,40}")) {
			errors.add(new FieldError("phone", "people.candidate.phone.invalid"));
		}
		if (details.source() == null) {
			errors.add(new FieldError("source", "shared.validation.required"));
		}
		String detail = details.sourceDetail() == null || details.sourceDetail().isBlank() ? null
				: details.sourceDetail().trim();
		if (detail != null && detail.length() > 200) {
			errors.add(new FieldError("sourceDetail", "people.requisition.notes.long", 200));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		return new Clean(first, last, email, phone, details.source(), detail);
	}

	private Candidate load(long id, long version, CandidateView current) {
		Candidate candidate = candidates.findById(id).orElseThrow(() -> new NotFoundException("candidate", id));
		if (candidate.version() != version) {
			throw new StaleVersionException(version, current);
		}
		return candidate;
	}

	private void save(Candidate candidate, long version, CurrentUser actor) {
		StaleVersionException.guard(version, () -> candidates.saveAndFlush(candidate),
				() -> get(actor, candidate.id()));
	}

	private CandidateFilter criteria(Filter filter) {
		Set<Long> subtree = filter.unitId() == null ? null : org.subtree(filter.unitId());
		return new CandidateFilter(filter.q(), filter.stage(), filter.source(), filter.requisitionId(), subtree);
	}
}
