package io.rumbo.people;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.PositionView;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.people.domain.RecruitmentQueries;
import io.rumbo.people.domain.RecruitmentQueries.RequisitionFilter;
import io.rumbo.people.domain.Requisition;
import io.rumbo.people.domain.RequisitionRepository;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Requisitions (decision 0036): raised for a vacancy of a planned position by a manager for a unit of their subtree,
 * or by PEOPLE, a director or an administrator for any; submitted, then approved or rejected by whoever the unit's
 * approval rule names ({@link ApprovalRules}, decision 0040; a director by default); filled by
 * a hire ({@link Candidates#hire}) or cancelled. Every change is audited; the approval is announced with
 * {@link RequisitionApproved}. Reads follow the data scope: company-wide roles see all, a manager their subtree, a
 * salesperson nothing (403).
 */
@Service
public class Requisitions {

	public static final java.util.Map<String, String> SORTS = RecruitmentQueries.REQUISITION_SORTS;

	public static final BigDecimal MAX_COST = new BigDecimal("999999999");

	/** What whoever raises a requisition says: which position, why, whom it replaces, what it may cost. */
	public record RequisitionDetails(@Nullable Long positionId, @Nullable RequisitionReason reason,
			@Nullable Long replacesStaffId, @Nullable BigDecimal budgetedCost, @Nullable String notes) {
	}

	/** The list's filters, with a unit meaning its whole subtree. */
	public record Filter(@Nullable String q, @Nullable RequisitionStatus status, @Nullable Long unitId,
			@Nullable RequisitionReason reason, @Nullable JobRole jobRole, @Nullable LocalDate from,
			@Nullable LocalDate to, boolean openOnly) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, null, false);
		}
	}

	private final RequisitionRepository requisitions;
	private final RecruitmentQueries queries;
	private final DataScopes scopes;
	private final OrgUnitManagement units;
	private final OrgDirectory org;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final ApprovalRules rules;
	private final Clock clock;

	Requisitions(RequisitionRepository requisitions, RecruitmentQueries queries, DataScopes scopes,
			OrgUnitManagement units, OrgDirectory org, AuditTrail audit, ApplicationEventPublisher events,
			ApprovalRules rules, Clock clock) {
		this.rules = rules;
		this.requisitions = requisitions;
		this.queries = queries;
		this.scopes = scopes;
		this.units = units;
		this.org = org;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Who reads requisitions at all: company-wide roles that plan or watch the organisation, and managers. */
	public static boolean mayRead(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.PEOPLE, Role.VIEWER, Role.MANAGER);
	}

	/** Who raises requisitions: PEOPLE, directors and administrators for any unit, managers for their subtree. */
	public static boolean mayRaise(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.PEOPLE, Role.MANAGER);
	}

	/** Who must approve this requisition, by its unit's rule and budgeted cost (decision 0040). */
	@Transactional(readOnly = true)
	public ApprovalRules.Due approval(RequisitionView requisition) {
		return rules.due(requisition.unitId(), requisition.budgetedCost(), requisition.requestedBy());
	}

	/**
	 * Whether the user approves or rejects this requisition: whoever its unit's rule names, never its requester
	 * (decision 0040).
	 */
	@Transactional(readOnly = true)
	public boolean mayDecide(CurrentUser actor, RequisitionView requisition) {
		return rules.mayDecide(actor, approval(requisition), requisition.requestedBy());
	}

	/** Whether the user may submit, edit or cancel this requisition: its requester or whoever could have raised it. */
	public boolean mayManage(CurrentUser actor, RequisitionView requisition) {
		if (!mayRaise(actor)) {
			return false;
		}
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.PEOPLE) || requisition.requestedBy().equals(actor.username())
				|| scopes.of(actor).managesUnit(requisition.unitId());
	}

	@Transactional(readOnly = true)
	public PageResponse<RequisitionView> list(CurrentUser actor, Filter filter, ListQuery query) {
		return queries.requisitions(readScope(actor), criteria(filter), query);
	}

	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<RequisitionView> sink) {
		queries.eachRequisition(readScope(actor), criteria(filter), query, sink);
	}

	@Transactional(readOnly = true)
	public RequisitionView get(CurrentUser actor, long id) {
		if (!mayRead(actor)) {
			throw new NotFoundException("requisition", id);
		}
		RequisitionView view = queries.requisition(scopes.of(actor), id);
		if (view == null) {
			throw new NotFoundException("requisition", id);
		}
		return view;
	}

	/** The vacancies the user may raise a requisition for: positions in scope with a vacancy no open one covers. */
	@Transactional(readOnly = true)
	public List<PositionView> openVacancies(CurrentUser actor) {
		if (!mayRaise(actor)) {
			return List.of();
		}
		DataScope scope = scopes.of(actor);
		return units.vacancies(actor).stream()
			.filter(p -> scope.managesUnit(p.unitId()))
			.filter(p -> p.vacancies() > queries.openRequisitions(p.id()))
			.toList();
	}

	@Transactional
	public RequisitionView raise(CurrentUser actor, RequisitionDetails details) {
		if (!mayRaise(actor)) {
			throw new AccessRefusedException("requisitions");
		}
		DataScope scope = scopes.of(actor);
		List<FieldError> errors = new ArrayList<>();
		PositionView position = null;
		// Counted under the lock, held until commit: a concurrent raise waits and then counts this one too.
		queries.lockRaising();
		if (details.positionId() == null) {
			errors.add(new FieldError("positionId", "shared.validation.required"));
		}
		else {
			position = units.positionsInScope(actor).stream()
				.filter(p -> p.id() == details.positionId() && scope.managesUnit(p.unitId()))
				.findFirst()
				.orElse(null);
			if (position == null) {
				errors.add(new FieldError("positionId", "people.requisition.position.unknown"));
			}
			else if (position.vacancies() <= queries.openRequisitions(position.id())) {
				errors.add(new FieldError("positionId", "people.requisition.position.noVacancy", position.planned(),
						position.filled()));
			}
		}
		validateTerms(details, errors);
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		Requisition requisition = new Requisition(position.id(), position.unitId(), position.jobRole(),
				actor.username(), actor.displayName(), scopes.staffIdOf(actor).orElse(null), LocalDate.now(clock));
		requisition.describe(details.reason(), details.replacesStaffId(), details.budgetedCost(), trim(details.notes()));
		requisitions.saveAndFlush(requisition);
		queries.copyRequirements(requisition.id(), position.jobRole(), position.unitId());
		audit.record("REQUISITION", requisition.id(), "CREATE", null, requisition.auditState(),
				position.unitName() + " · " + position.jobRole());
		return get(actor, requisition.id());
	}

	private void validateTerms(RequisitionDetails details, List<FieldError> errors) {
		if (details.reason() == null) {
			errors.add(new FieldError("reason", "shared.validation.required"));
		}
		else if (details.reason() == RequisitionReason.REPLACEMENT && details.replacesStaffId() != null
				&& org.staff(details.replacesStaffId()).isEmpty()) {
			errors.add(new FieldError("replacesStaffId", "people.requisition.replaces.unknown"));
		}
		if (details.budgetedCost() == null) {
			errors.add(new FieldError("budgetedCost", "shared.validation.required"));
		}
		else if (details.budgetedCost().signum() < 0 || details.budgetedCost().compareTo(MAX_COST) > 0
				|| details.budgetedCost().scale() > 2) {
			errors.add(new FieldError("budgetedCost", "people.requisition.cost.range"));
		}
		if (details.notes() != null && details.notes().length() > 2000) {
			errors.add(new FieldError("notes", "people.requisition.notes.long", 2000));
		}
	}

	/**
	 * Changes a draft: its terms, and its position (another vacancy the user may raise for, while the draft has no
	 * candidates; the new position's requirements are copied instead). 409 with the current version when stale.
	 */
	@Transactional
	public RequisitionView edit(CurrentUser actor, long id, long version, RequisitionDetails details) {
		RequisitionView current = get(actor, id);
		if (!mayManage(actor, current)) {
			throw new AccessRefusedException("requisitions");
		}
		Requisition requisition = load(id, version, current);
		var before = requisition.auditState();
		List<FieldError> errors = new ArrayList<>();
		PositionView moveTo = null;
		if (details.positionId() != null && details.positionId() != current.positionId()) {
			queries.lockRaising();
			DataScope scope = scopes.of(actor);
			moveTo = units.positionsInScope(actor).stream()
				.filter(p -> p.id() == details.positionId() && scope.managesUnit(p.unitId()))
				.findFirst().orElse(null);
			if (moveTo == null) {
				errors.add(new FieldError("positionId", "people.requisition.position.unknown"));
			}
			else if (moveTo.vacancies() <= queries.openRequisitions(moveTo.id())) {
				errors.add(new FieldError("positionId", "people.requisition.position.noVacancy", moveTo.planned(),
						moveTo.filled()));
			}
			else if (queries.candidateCount(id) > 0) {
				throw new io.rumbo.shared.domain.ConflictException("people.requisition.position.hasCandidates");
			}
		}
		validateTerms(details, errors);
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		if (moveTo != null) {
			requisition.place(moveTo.id(), moveTo.unitId(), moveTo.jobRole());
		}
		requisition.describe(details.reason(), details.replacesStaffId(), details.budgetedCost(),
				trim(details.notes()));
		save(requisition, version, actor);
		if (moveTo != null) {
			queries.dropRequirements(id);
			queries.copyRequirements(id, moveTo.jobRole(), moveTo.unitId());
		}
		audit.record("REQUISITION", id, "UPDATE", before, requisition.auditState(), current.unitName());
		return get(actor, id);
	}

	@Transactional
	public RequisitionView submit(CurrentUser actor, long id, long version) {
		return change(actor, id, version, "SUBMIT", r -> r.submit(LocalDate.now(clock)));
	}

	@Transactional
	public RequisitionView cancel(CurrentUser actor, long id, long version) {
		return change(actor, id, version, "CANCEL", r -> r.cancel(LocalDate.now(clock)));
	}

	/** The approver the unit's rule names approves a submitted requisition; announced with {@link RequisitionApproved}. */
	@Transactional
	public RequisitionView approve(CurrentUser actor, long id, long version) {
		RequisitionView current = get(actor, id);
		if (!mayDecide(actor, current)) {
			throw new AccessRefusedException("requisitions");
		}
		Requisition requisition = load(id, version, current);
		var before = requisition.auditState();
		LocalDate today = LocalDate.now(clock);
		requisition.approve(actor.username(), today);
		save(requisition, version, actor);
		audit.record("REQUISITION", id, "APPROVE", before, requisition.auditState(), current.unitName());
		StaffId requester = requisition.requesterStaffId() == null ? null : StaffId.of(requisition.requesterStaffId());
		Long manager = units.get(actor, requisition.unitId(), null).managerStaffId();
		events.publishEvent(new RequisitionApproved(RequisitionId.of(id), UnitId.of(requisition.unitId()),
				requisition.jobRole(), requisition.requestedBy(), requester, manager == null ? null : StaffId.of(manager),
				actor.username(), today));
		return get(actor, id);
	}

	/** The approver the unit's rule names rejects a submitted requisition, saying why (400 without a reason). */
	@Transactional
	public RequisitionView reject(CurrentUser actor, long id, long version, @Nullable String reason) {
		RequisitionView current = get(actor, id);
		if (!mayDecide(actor, current)) {
			throw new AccessRefusedException("requisitions");
		}
		if (reason == null || reason.isBlank()) {
			throw ValidationFailedException.of("rejectionReason", "people.requisition.rejectionReason.required");
		}
		if (reason.length() > 1000) {
			throw ValidationFailedException.of("rejectionReason", "people.requisition.notes.long", 1000);
		}
		Requisition requisition = load(id, version, current);
		var before = requisition.auditState();
		requisition.reject(actor.username(), LocalDate.now(clock), reason.trim());
		save(requisition, version, actor);
		audit.record("REQUISITION", id, "REJECT", before, requisition.auditState(), current.unitName());
		return get(actor, id);
	}

	private RequisitionView change(CurrentUser actor, long id, long version, String action,
			Consumer<Requisition> transition) {
		RequisitionView current = get(actor, id);
		if (!mayManage(actor, current)) {
			throw new AccessRefusedException("requisitions");
		}
		Requisition requisition = load(id, version, current);
		var before = requisition.auditState();
		transition.accept(requisition);
		save(requisition, version, actor);
		audit.record("REQUISITION", id, action, before, requisition.auditState(), current.unitName());
		return get(actor, id);
	}

	private Requisition load(long id, long version, RequisitionView current) {
		Requisition requisition = requisitions.findById(id).orElseThrow(() -> new NotFoundException("requisition", id));
		if (requisition.version() != version) {
			throw new StaleVersionException(version, current);
		}
		return requisition;
	}

	private void save(Requisition requisition, long version, CurrentUser actor) {
		StaleVersionException.guard(version, () -> requisitions.saveAndFlush(requisition),
				() -> get(actor, requisition.id()));
	}

	private DataScope readScope(CurrentUser actor) {
		if (!mayRead(actor)) {
			throw new AccessRefusedException("requisitions");
		}
		return scopes.of(actor);
	}

	private RequisitionFilter criteria(Filter filter) {
		Set<Long> subtree = filter.unitId() == null ? null : org.subtree(filter.unitId());
		return new RequisitionFilter(filter.q(), filter.status(), subtree, filter.reason(), filter.jobRole(),
				filter.from(), filter.to(), filter.openOnly());
	}

	private static @Nullable String trim(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
