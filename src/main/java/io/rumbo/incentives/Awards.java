package io.rumbo.incentives;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.incentives.RecognitionViews.AwardKindView;
import io.rumbo.incentives.RecognitionViews.AwardView;
import io.rumbo.incentives.domain.AwardStore;
import io.rumbo.incentives.domain.AwardStore.NewAward;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Awards: grants by a manager for the people of their subtree (a director or an administrator for anyone), the
 * awards a rule's decision records ({@link AwardDecisions}), revocation, which keeps the record, and the reads of the
 * reader's scope. Every grant and revocation is audited and announced ({@link AwardGranted}, {@link AwardRevoked}).
 * The kinds are {@link AwardKinds}.
 */
@Service
public class Awards {

	public static final Map<String, String> SORTS = Map.of("grantedAt", "a.granted_at", "period", "a.period_start",
			"kind", "k.code", "value", "a.metric_value");

	/** The job roles that compete for an award decided on a measure: the people who sell. */
	static final Set<JobRole> SELLING = EnumSet.of(JobRole.SALESPERSON, JobRole.KEY_ACCOUNT_MANAGER, JobRole.AGENT);

	/** Who the nightly decision and the badge check act as: a reader of everything that is no person. */
	static final CurrentUser SYSTEM = new CurrentUser(new UserId(0), "system", "Rumbo", Set.of(Role.VIEWER));

	/** List filter: a person, a kind's code, a period's code, a unit's subtree, and whether revoked awards show. */
	public record Filter(@Nullable Long staffId, @Nullable String kind, @Nullable String period, @Nullable Long unitId,
			boolean revoked) {

		public static Filter none() {
			return new Filter(null, null, null, null, false);
		}
	}

	/** A grant by hand: the person, the kind's code (a kind granted by hand), the period's code and the citation. */
	public record GrantDetails(@Nullable Long staffId, @Nullable String kind, @Nullable String period,
			@Nullable String citation) {
	}

	private final AwardStore store;
	private final AwardKinds kinds;
	private final RecognitionPeriods periods;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final RuleCitations citations;
	private final Clock clock;

	Awards(AwardStore store, AwardKinds kinds, RecognitionPeriods periods, OrgDirectory org, DataScopes scopes,
			AuditTrail audit, ApplicationEventPublisher events, RuleCitations citations, Clock clock) {
		this.store = store;
		this.kinds = kinds;
		this.periods = periods;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.citations = citations;
		this.clock = clock;
	}

	/** Managers grant to their subtree, directors and administrators to anyone. */
	public static boolean mayGrant(CurrentUser actor) {
		return actor.hasAny(Role.MANAGER, Role.DIRECTOR, Role.ADMIN);
	}

	/** A manager's grant of a kind granted by hand to a person of their subtree (a director's to anyone). */
	@Transactional
	public AwardView grant(CurrentUser actor, GrantDetails d) {
		return grant(actor, d, AwardSource.MANAGER, null);
	}

	AwardView grant(CurrentUser actor, GrantDetails d, AwardSource source, @Nullable Long proposalId) {
		if (!mayGrant(actor)) {
			throw new AccessRefusedException("incentives.recognition.grant");
		}
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		if (d.staffId() == null) {
			errors.add(new ValidationFailedException.FieldError("staffId", "shared.validation.required"));
		}
		requireText(errors, "citation", d.citation(), 2000);
		if (d.kind() == null || d.kind().isBlank()) {
			errors.add(new ValidationFailedException.FieldError("kind", "shared.validation.required"));
		}
		if (d.period() == null || d.period().isBlank()) {
			errors.add(new ValidationFailedException.FieldError("period", "shared.validation.required"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		OrgDirectory.StaffSummary person = org.staff(StaffId.of(d.staffId()))
			.orElseThrow(() -> new NotFoundException("staff", d.staffId()));
		DataScope scope = scopes.of(actor);
		if (!scope.seesStaff(person.id(), person.unitId())) {
			throw new NotFoundException("staff", d.staffId());
		}
		if (!mayGrantTo(actor, scope, person.id(), person.unitId())) {
			throw new AccessRefusedException("incentives.recognition.grant");
		}
		AwardKindView kind = kinds.kind(d.kind());
		if (kind.basis().byRule() || !kind.active()) {
			throw ValidationFailedException.of("kind", "incentives.recognition.grant.kindByRule", kind.code());
		}
		FiscalYears years = periods.years();
		FiscalPeriod period = periods.parse(d.period());
		if (RecognitionPeriods.kindOf(years, period) != kind.periodKind()) {
			throw ValidationFailedException.of("period", "incentives.recognition.decide.periodKind", years.code(period));
		}
		String code = years.code(period);
		if (store.holders(kind.id(), code).contains(person.id())) {
			throw new ConflictException("incentives.recognition.grant.exists", person.fullName(), kind.name(), code);
		}
		long id = record(new NewAward(kind.id(), person.id(), person.unitId(), code, period.start(), period.lastDay(),
				source, null, null, d.citation().strip(), proposalId, actor.username(), clock.instant()), kind.code());
		return get(actor, AwardId.of(id));
	}

	private boolean mayGrantTo(CurrentUser actor, DataScope scope, long staffId, long unitId) {
		if (actor.hasAny(Role.DIRECTOR, Role.ADMIN)) {
			return true;
		}
		// A manager grants to the people of the units they manage, never to themselves.
		return actor.has(Role.MANAGER) && scope.managesUnit(unitId) && !Long.valueOf(staffId).equals(scope.ownStaffId());
	}

	/** Whether the reader may grant to (and revoke from) this person. */
	@Transactional(readOnly = true)
	public boolean mayGrantTo(CurrentUser actor, long staffId, long unitId) {
		return mayGrant(actor) && mayGrantTo(actor, scopes.of(actor), staffId, unitId);
	}

	/** Records an award: inserted, audited and announced. */
	long record(NewAward award, String kindCode) {
		long id = store.insert(award);
		audit.record("RECOGNITION_AWARD", id, "GRANT", null, Map.of("kind", kindCode, "staffId", award.staffId(),
				"period", award.period(), "source", award.source().name(), "citation", award.citation()), kindCode);
		events.publishEvent(new AwardGranted(AwardId.of(id), kindCode, StaffId.of(award.staffId()),
				UnitId.of(award.unitId()), award.period(), award.source(), award.citation(), award.grantedBy(),
				award.grantedAt()));
		return id;
	}

	/** Revokes an award, with the reason; the record stays, marked revoked. 409 when stale or already revoked. */
	@Transactional
	public AwardView revoke(CurrentUser actor, AwardId id, long version, @Nullable String reason) {
		AwardView award = get(actor, id);
		if (!mayGrantTo(actor, scopes.of(actor), award.staffId(), award.unitId())) {
			throw new AccessRefusedException("incentives.recognition.revoke");
		}
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		requireText(errors, "reason", reason, 2000);
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		if (award.revoked()) {
			throw new ConflictException("incentives.recognition.revoke.already");
		}
		Instant now = clock.instant();
		if (!store.revoke(id.value(), version, actor.username(), now, reason.strip())) {
			throw new StaleVersionException(version, award.version());
		}
		audit.record("RECOGNITION_AWARD", id.value(), "REVOKE", Map.of("citation", award.citation()),
				Map.of("reason", reason.strip()), award.personName());
		events.publishEvent(new AwardRevoked(id, StaffId.of(award.staffId()), reason.strip(), actor.username(), now));
		return get(actor, id);
	}

	/** An award in the reader's scope (their own, their team's, their subtree's); otherwise not found. */
	@Transactional(readOnly = true)
	public AwardView get(CurrentUser actor, AwardId id) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id.value());
		String where = " WHERE a.id = :id AND " + scope(actor, params);
		return named(store.select(where, params, lang())).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("award", id.value()));
	}

	@Transactional(readOnly = true)
	public PageResponse<AwardView> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		return PageResponse.of(named(store.select(where + query.orderBy("a.id") + query.limit(), params, lang())), query,
				store.count(where, params));
	}

	/** Every award of the list, in batches, for an export. */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<AwardView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		int size = ExportCursor.BATCH;
		for (int page = 0;; page++) {
			params.put("batchOffset", (long) page * size);
			List<AwardView> batch = named(store.select(where + query.orderBy("a.id") + " LIMIT " + size
					+ " OFFSET :batchOffset", params, lang()));
			batch.forEach(sink);
			if (batch.size() < size) {
				return;
			}
		}
	}

	private String where(CurrentUser actor, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE " + scope(actor, params));
		if (!filter.revoked()) {
			where.append(" AND a.revoked_at IS NULL");
		}
		if (filter.staffId() != null) {
			where.append(" AND a.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		if (filter.kind() != null && !filter.kind().isBlank()) {
			where.append(" AND k.code = :kindCode");
			params.put("kindCode", filter.kind().strip().toLowerCase(Locale.ROOT));
		}
		if (filter.period() != null && !filter.period().isBlank()) {
			where.append(" AND a.period_code = :period");
			params.put("period", filter.period().strip().toUpperCase(Locale.ROOT));
		}
		if (filter.unitId() != null) {
			where.append(" AND a.unit_id IN (:units)");
			params.put("units", org.subtree(filter.unitId()));
		}
		return where.toString();
	}

	/**
	 * The reader's scope over awards: their own, their own team's (recognition is shared with the team), and their
	 * subtree's.
	 */
	private String scope(CurrentUser actor, Map<String, Object> params) {
		return scopes.of(actor).sql(new DataScope.Columns(List.of("a.unit_id"), List.of("a.staff_id"),
				List.of("a.unit_id")), params);
	}

	List<AwardView> named(List<AwardView> rows) {
		Map<Long, String> names = org.staffNames(rows.stream().map(AwardView::staffId).distinct().toList());
		Map<Long, String> units = org.unitNames(rows.stream().map(AwardView::unitId).distinct().toList());
		return rows.stream().map(a -> a.named(names.getOrDefault(a.staffId(), "#" + a.staffId()), units.get(a.unitId()),
				a.kindName(), citation(a))).toList();
	}

	private String citation(AwardView a) {
		return a.source() == AwardSource.RULE && a.measure() != null && a.value() != null
				? citations.of(a.basis(), a.kindName(), a.measure(), a.value(), a.period()) : a.citation();
	}

	static void requireText(List<ValidationFailedException.FieldError> errors, String field, @Nullable String text,
			int max) {
		if (text == null || text.isBlank()) {
			errors.add(new ValidationFailedException.FieldError(field, "shared.validation.required"));
		}
		else if (text.strip().length() > max) {
			errors.add(new ValidationFailedException.FieldError(field, "incentives.recognition.validation.tooLong", max));
		}
	}

	static String lang() {
		return "es".equals(LocaleContextHolder.getLocale().getLanguage()) ? "es" : "en";
	}
}
