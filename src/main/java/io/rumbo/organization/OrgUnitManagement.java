package io.rumbo.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.domain.OrgExportQueries;
import io.rumbo.organization.domain.OrgQueries;
import io.rumbo.organization.domain.OrgTree;
import io.rumbo.organization.domain.OrgUnit;
import io.rumbo.organization.domain.OrgUnitRepository;
import io.rumbo.organization.domain.Position;
import io.rumbo.organization.domain.PositionRepository;
import io.rumbo.organization.domain.StaffRepository;
import io.rumbo.organization.domain.StructureHistory;
import io.rumbo.organization.domain.UnitDirectory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * The org tree: units, their place in the tree over time, their managers and their planned positions.
 * Directors and administrators shape the tree; managers plan positions in the subtree they lead.
 */
@Service
public class OrgUnitManagement {

	public record UnitFilter(@Nullable String q, @Nullable OrgUnitKind kind, @Nullable Long under,
			boolean includeArchived, @Nullable LocalDate asOf) {
	}

	/**
	 * The editable fields of a unit. {@code validFrom} applies on creation; {@code effectiveDate} says from when
	 * a move to another parent or a change of manager applies (today when absent).
	 */
	public record UnitDetails(String code, String name, OrgUnitKind kind, @Nullable String location,
			@Nullable Long parentId, @Nullable Long managerStaffId, @Nullable LocalDate validFrom,
			@Nullable LocalDate effectiveDate) {
	}

	private final OrgUnitRepository units;
	private final StaffRepository staff;
	private final PositionRepository positions;
	private final StructureHistory structure;
	private final OrgQueries queries;
	private final OrgExportQueries exports;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OrgUnitManagement(OrgUnitRepository units, StaffRepository staff, PositionRepository positions,
			StructureHistory structure, OrgQueries queries, OrgExportQueries exports, DataScopes scopes,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.exports = exports;
		this.units = units;
		this.staff = staff;
		this.positions = positions;
		this.structure = structure;
		this.queries = queries;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResponse<OrgUnitView> list(CurrentUser actor, UnitFilter filter, ListQuery query) {
		return queries.units(scopes.of(actor), toQueryFilter(filter), query);
	}

	/**
	 * Every matching unit, streamed for exports, with its parent and manager named in the same query (their code and
	 * employee number are what the unit import reads back).
	 */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, UnitFilter filter, ListQuery query,
			java.util.function.Consumer<OrgExportQueries.UnitLine> sink) {
		exports.eachUnit(scopes.of(actor), toQueryFilter(filter), query, sink);
	}

	/** Every position with vacancies the user may see, streamed (for exports). */
	@Transactional(readOnly = true)
	public void eachVacancy(CurrentUser actor, java.util.function.Consumer<PositionView> sink) {
		queries.eachPosition(scopes.of(actor), p -> {
			if (p.vacancies() > 0) {
				sink.accept(p);
			}
		});
	}

	private OrgQueries.UnitFilter toQueryFilter(UnitFilter filter) {
		Set<Long> under = null;
		if (filter.under() != null) {
			OrgTree tree = filter.asOf() == null ? structure.currentTree() : structure.treeAt(filter.asOf());
			under = tree.subtree(filter.under());
		}
		return new OrgQueries.UnitFilter(filter.q(), filter.kind(), under, filter.includeArchived(), filter.asOf());
	}

	@Transactional(readOnly = true)
	public OrgUnitView get(CurrentUser actor, long id, @Nullable LocalDate asOf) {
		OrgUnitView view = queries.unitById(scopes.of(actor), id, asOf);
		if (view == null) {
			throw new NotFoundException("orgUnit", id);
		}
		return view;
	}

	/** Units the user may pick as a target (parent, a person's unit): all for the company-wide roles, else the managed subtree. */
	@Transactional(readOnly = true)
	public List<OrgUnitView> assignableUnits(CurrentUser actor) {
		DataScope scope = scopes.of(actor);
		List<OrgUnitView> all = queries.units(scope, new OrgQueries.UnitFilter(null, null, null, false, null),
				ListQuery.of(0, 1, List.of("name"), OrgQueries.UNIT_SORTS, "name").unpaged()).content();
		return all.stream().filter(u -> scope.managesUnit(u.id())).toList();
	}

	@Transactional
	public OrgUnitView create(CurrentUser actor, UnitDetails details) {
		requireShaper(actor);
		LocalDate validFrom = details.validFrom() == null ? LocalDate.now(clock) : details.validFrom();
		validate(null, details);
		OrgUnit unit = units.saveAndFlush(new OrgUnit(details.code().trim(), details.name().trim(), details.kind(),
				blankToNull(details.location()), details.parentId(), validFrom));
		structure.placeNewUnit(unit, validFrom);
		structure.changeManager(unit, details.managerStaffId(), validFrom);
		units.flush();
		audit.record("ORG_UNIT", unit.id(), "CREATE", null, unit.auditState(), unit.code() + " " + unit.name());
		return get(actor, unit.id(), null);
	}

	@Transactional
	public OrgUnitView update(CurrentUser actor, long id, long version, UnitDetails details) {
		OrgUnitView current = get(actor, id, null);
		requireShaper(actor);
		OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("orgUnit", id));
		if (unit.version() != version) {
			throw new StaleVersionException(version, current);
		}
		if (unit.archived()) {
			throw new ConflictException("organization.unit.archived");
		}
		validate(unit, details);
		var before = unit.auditState();
		unit.describe(details.code().trim(), details.name().trim(), details.kind(), blankToNull(details.location()));
		LocalDate effective = details.effectiveDate() == null ? LocalDate.now(clock) : details.effectiveDate();
		structure.changeManager(unit, details.managerStaffId(), effective);
		UnitMoved moved = null;
		if (!java.util.Objects.equals(unit.parentId(), details.parentId())) {
			moved = new UnitMoved(UnitId.of(id), unit.parentId() == null ? null : UnitId.of(unit.parentId()),
					details.parentId() == null ? null : UnitId.of(details.parentId()), effective);
			structure.moveUnit(unit, details.parentId(), effective);
		}
		units.saveAndFlush(unit);
		audit.record("ORG_UNIT", id, "UPDATE", before, unit.auditState(), unit.code() + " " + unit.name());
		if (moved != null) {
			events.publishEvent(moved);
		}
		return get(actor, id, null);
	}

	/**
	 * Archives an empty unit; a unit with active sub-units or people is refused, so nobody is left in a unit that no
	 * longer exists. A unit already archived is refused too (409): it ceased to exist once, on the date recorded.
	 */
	@Transactional
	public void archive(CurrentUser actor, long id, @Nullable LocalDate date) {
		get(actor, id, null);
		requireShaper(actor);
		OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("orgUnit", id));
		if (!structure.currentTree().childrenOf(id).isEmpty()) {
			throw new ConflictException("organization.unit.archive.hasChildren");
		}
		if (staff.countByUnitIdAndArchivedFalse(id) > 0) {
			throw new ConflictException("organization.unit.archive.hasStaff");
		}
		var before = unit.auditState();
		structure.archiveUnit(unit, date == null ? LocalDate.now(clock) : date);
		audit.record("ORG_UNIT", id, "ARCHIVE", before, unit.auditState(), unit.code() + " " + unit.name());
	}

	/** The org chart as of a date (today when absent), limited to what the user may see, with headcounts. */
	@Transactional(readOnly = true)
	public List<OrgChartNode> chart(CurrentUser actor, @Nullable LocalDate asOf) {
		DataScope scope = scopes.of(actor);
		OrgTree tree = asOf == null ? structure.currentTree() : structure.treeAt(asOf);
		List<OrgUnitView> visible = queries.units(scope, new OrgQueries.UnitFilter(null, null, null, false, asOf),
				ListQuery.of(0, 1, List.of("name"), OrgQueries.UNIT_SORTS, "name").unpaged()).content();
		Map<Long, OrgUnitView> byId = new HashMap<>();
		visible.forEach(u -> byId.put(u.id(), u));
		List<OrgChartNode> roots = new ArrayList<>();
		for (OrgUnitView unit : visible) {
			Long parent = tree.parentOf(unit.id());
			if (parent == null || !byId.containsKey(parent)) {
				roots.add(node(unit.id(), tree, byId));
			}
		}
		roots.sort(Comparator.comparing(OrgChartNode::name));
		return roots;
	}

	private OrgChartNode node(long id, OrgTree tree, Map<Long, OrgUnitView> byId) {
		OrgUnitView unit = byId.get(id);
		List<OrgChartNode> children = tree.childrenOf(id)
			.stream()
			.filter(byId::containsKey)
			.map(child -> node(child, tree, byId))
			.sorted(Comparator.comparing(OrgChartNode::name))
			.toList();
		long subtree = unit.headcount() + children.stream().mapToLong(OrgChartNode::subtreeHeadcount).sum();
		return new OrgChartNode(unit.id(), unit.code(), unit.name(), unit.kind(), unit.location(), unit.managerName(),
				unit.headcount(), subtree, children);
	}

	/** The direct sub-units of a unit, as the user may see them. */
	@Transactional(readOnly = true)
	public List<OrgUnitView> children(CurrentUser actor, long id) {
		get(actor, id, null);
		Set<Long> childIds = Set.copyOf(structure.currentTree().childrenOf(id));
		return queries.units(scopes.of(actor), new OrgQueries.UnitFilter(null, null, childIds, false, null),
				ListQuery.of(0, 1, List.of("name"), OrgQueries.UNIT_SORTS, "name").unpaged()).content();
	}

	/** The path from the root down to the unit's parent, for breadcrumbs. */
	@Transactional(readOnly = true)
	public List<UnitDirectory.Entry> ancestors(long id) {
		UnitDirectory directory = queries.directory();
		List<UnitDirectory.Entry> path = new ArrayList<>();
		for (Long ancestor : structure.currentTree().ancestors(id)) {
			UnitDirectory.Entry entry = directory.get(ancestor);
			if (entry != null) {
				path.add(0, entry);
			}
		}
		return path;
	}

	// ---- positions

	@Transactional(readOnly = true)
	public List<PositionView> positions(CurrentUser actor, long unitId) {
		get(actor, unitId, null);
		return queries.positions(Set.of(unitId));
	}

	/** Every planned position across the units the user may see, with how many people fill it. */
	@Transactional(readOnly = true)
	public List<PositionView> positionsInScope(CurrentUser actor) {
		return queries.positions(scopes.of(actor));
	}

	/** Positions with vacancies across every unit the user may see. */
	@Transactional(readOnly = true)
	public List<PositionView> vacancies(CurrentUser actor) {
		return positionsInScope(actor).stream().filter(p -> p.vacancies() > 0).toList();
	}

	@Transactional
	public PositionView planPosition(CurrentUser actor, long unitId, JobRole jobRole, int plannedHeadcount) {
		get(actor, unitId, null);
		if (!actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER) || !scopes.of(actor).managesUnit(unitId)) {
			throw new AccessRefusedException("positions");
		}
		if (plannedHeadcount < 0 || plannedHeadcount > 10_000) {
			throw ValidationFailedException.of("plannedHeadcount", "organization.position.planned.invalid");
		}
		Position position = positions.findByUnitIdAndJobRole(unitId, jobRole)
			.orElseGet(() -> new Position(unitId, jobRole, plannedHeadcount));
		Integer before = position.id() == 0 ? null : position.plannedHeadcount();
		position.plan(plannedHeadcount);
		positions.saveAndFlush(position);
		audit.record("POSITION", position.id(), before == null ? "CREATE" : "UPDATE",
				before == null ? null : Map.of("unitId", unitId, "jobRole", jobRole.name(), "planned", before),
				Map.of("unitId", unitId, "jobRole", jobRole.name(), "planned", plannedHeadcount), jobRole.name());
		return queries.positions(Set.of(unitId))
			.stream()
			.filter(p -> p.jobRole() == jobRole)
			.findFirst()
			.orElseThrow();
	}

	private void validate(@Nullable OrgUnit existing, UnitDetails details) {
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		String code = details.code() == null ? "" : details.code().trim();
		if (!code.matches("[A-Za-z0-9_.-]{1,32}")) {
			errors.add(new ValidationFailedException.FieldError("code", "organization.unit.code.invalid"));
		}
		else if (existing == null ? units.existsByCodeIgnoreCase(code)
				: units.existsByCodeIgnoreCaseAndIdNot(code, existing.id())) {
			errors.add(new ValidationFailedException.FieldError("code", "organization.unit.code.taken", code));
		}
		if (details.kind().isRoot() && details.parentId() != null) {
			errors.add(new ValidationFailedException.FieldError("parentId", "organization.unit.parent.companyIsRoot"));
		}
		if (!details.kind().isRoot() && details.parentId() == null) {
			errors.add(new ValidationFailedException.FieldError("parentId", "organization.unit.parent.required"));
		}
		if (details.parentId() != null) {
			OrgUnit parent = units.findById(details.parentId()).orElse(null);
			if (parent == null || parent.archived()) {
				errors.add(new ValidationFailedException.FieldError("parentId", "organization.unit.parent.unknown"));
			}
			else if (existing != null && structure.currentTree().wouldCreateCycle(existing.id(), details.parentId())) {
				errors.add(new ValidationFailedException.FieldError("parentId", "organization.unit.parent.cycle"));
			}
		}
		if (details.managerStaffId() != null && staff.findById(details.managerStaffId())
			.filter(s -> !s.archived())
			.isEmpty()) {
			errors.add(new ValidationFailedException.FieldError("managerStaffId", "organization.unit.manager.unknown"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	/** Who shapes the tree (creates, moves, archives units and imports them): administrators and directors. */
	public static boolean mayShape(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	private static void requireShaper(CurrentUser actor) {
		if (!mayShape(actor)) {
			throw new AccessRefusedException("orgUnits");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
