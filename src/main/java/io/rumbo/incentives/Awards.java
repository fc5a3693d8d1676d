package io.rumbo.incentives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import io.rumbo.incentives.RecognitionViews.Decision;
import io.rumbo.incentives.RecognitionViews.DecisionRecord;
import io.rumbo.incentives.domain.AwardRule;
import io.rumbo.incentives.domain.AwardStore;
import io.rumbo.incentives.domain.AwardStore.NewAward;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.quotas.Attainment;
import io.rumbo.quotas.AttainmentViews.Row;
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
 * Awards: the kinds (decided by rule from a measure of the metrics engine or from the attainment of its quota, or
 * granted by hand), the decision of a rule-based kind for a closed period, grants by a manager for the people of their
 * subtree (a director or an administrator for anyone), and revocation, which keeps the record. A decision reads the
 * whole population at once (one grouped read of the measure through {@link MetricsQuery}, or the quotas'
 * {@link Attainment} for everyone), and inserts only the winners not yet recorded, so deciding again gives the same
 * awards. Every grant and revocation is audited and announced ({@link AwardGranted}, {@link AwardRevoked}).
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

	/** A new kind of award. {@code measure}: a metrics catalogue code, required unless granted by hand. */
	public record KindDetails(@Nullable String code, @Nullable String nameEn, @Nullable String nameEs,
			@Nullable AwardBasis basis, @Nullable String measure, @Nullable AwardPeriodKind periodKind,
			@Nullable Long unitId, @Nullable BigDecimal minimum) {
	}

	/** A grant by hand: the person, the kind's code (a kind granted by hand), the period's code and the citation. */
	public record GrantDetails(@Nullable Long staffId, @Nullable String kind, @Nullable String period,
			@Nullable String citation) {
	}

	private final AwardStore store;
	private final RecognitionPeriods periods;
	private final MetricsQuery metrics;
	private final Attainment attainment;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final RuleCitations citations;
	private final Clock clock;

	Awards(AwardStore store, RecognitionPeriods periods, MetricsQuery metrics, Attainment attainment, OrgDirectory org,
			DataScopes scopes, AuditTrail audit, ApplicationEventPublisher events, RuleCitations citations, Clock clock) {
		this.store = store;
		this.periods = periods;
		this.metrics = metrics;
		this.attainment = attainment;
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

	/** Directors and administrators define kinds and decide them for a period. */
	public static boolean mayDecide(CurrentUser actor) {
		return actor.hasAny(Role.DIRECTOR, Role.ADMIN);
	}

	@Transactional(readOnly = true)
	public List<AwardKindView> kinds() {
		List<AwardKindView> kinds = store.kinds(lang());
		Map<Long, String> units = org.unitNames(kinds.stream().map(AwardKindView::unitId)
			.filter(java.util.Objects::nonNull).distinct().toList());
		return kinds.stream().map(k -> k.unitId() == null ? k : new AwardKindView(k.id(), k.code(), k.name(), k.nameEn(),
				k.nameEs(), k.basis(), k.measure(), k.periodKind(), k.unitId(), units.get(k.unitId()), k.minimum(),
				k.active(), k.version())).toList();
	}

	@Transactional
	public AwardKindView defineKind(CurrentUser actor, KindDetails d) {
		if (!mayDecide(actor)) {
			throw new AccessRefusedException("incentives.recognition.kind");
		}
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		String code = d.code() == null ? "" : d.code().strip().toLowerCase(Locale.ROOT);
		if (!code.matches("[a-z0-9_-]{2,40}")) {
			errors.add(new ValidationFailedException.FieldError("code", "incentives.recognition.kind.code.invalid"));
		}
		else if (store.kindId(code).isPresent()) {
			errors.add(new ValidationFailedException.FieldError("code", "incentives.recognition.kind.code.taken", code));
		}
		requireText(errors, "nameEn", d.nameEn(), 120);
		requireText(errors, "nameEs", d.nameEs(), 120);
		if (d.basis() == null) {
			errors.add(new ValidationFailedException.FieldError("basis", "shared.validation.required"));
		}
		if (d.periodKind() == null) {
			errors.add(new ValidationFailedException.FieldError("periodKind", "shared.validation.required"));
		}
		Metric metric = null;
		if (d.basis() != null && d.basis().byRule()) {
			metric = d.measure() == null ? null : Metric.ofCode(d.measure()).orElse(null);
			if (metric == null) {
				errors.add(new ValidationFailedException.FieldError("measure", "incentives.recognition.kind.measure.invalid"));
			}
		}
		if (d.unitId() != null && !org.isActiveUnit(d.unitId())) {
			errors.add(new ValidationFailedException.FieldError("unitId", "incentives.recognition.kind.unit.invalid"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		long id = store.insertKind(new AwardStore.NewKind(code, d.nameEn().strip(), d.nameEs().strip(), d.basis(),
				metric == null ? null : metric.code(), d.periodKind(), d.unitId(), d.minimum()));
		audit.record("RECOGNITION_AWARD_KIND", id, "CREATE", null, Map.of("code", code, "basis", d.basis().name()),
				d.nameEn());
		return kind(id);
	}

	AwardKindView kind(long id) {
		return store.kind(id, lang()).orElseThrow(() -> new NotFoundException("awardKind", id));
	}

	AwardKindView kind(String code) {
		return store.kindId(code.strip().toLowerCase(Locale.ROOT)).map(this::kind)
			.orElseThrow(() -> ValidationFailedException.of("kind", "incentives.recognition.kind.unknown", code));
	}

	/**
	 * Decides a rule-based kind for a closed period: the population is read whole, the winners (the best value
	 * reaching the minimum, ties sharing) get an award unless they already hold one; the decision is recorded.
	 * Deciding again adds nobody who already won (an award is never withdrawn silently: a manager revokes it).
	 */
	@Transactional
	public Decision decide(CurrentUser actor, AwardKindId kindId, String periodCode) {
		if (!mayDecide(actor)) {
			throw new AccessRefusedException("incentives.recognition.decide");
		}
		FiscalPeriod period = periods.parse(periodCode);
		return decide(actor.username(), kind(kindId.value()), period);
	}

	/**
	 * The nightly job's decisions: each active rule-based kind for its last closed period, unless already decided.
	 */
	@Transactional
	public List<Decision> decideClosedPeriods() {
		List<Decision> decisions = new ArrayList<>();
		FiscalYears years = periods.years();
		for (AwardKindView kind : store.kinds(lang())) {
			if (!kind.active() || !kind.basis().byRule()) {
				continue;
			}
			FiscalPeriod period = periods.lastClosed(kind.periodKind());
			if (!store.decided(kind.id(), years.code(period))) {
				decisions.add(decide(SYSTEM.username(), kind, period));
			}
		}
		return decisions;
	}

	private Decision decide(String by, AwardKindView kind, FiscalPeriod period) {
		FiscalYears years = periods.years();
		String code = years.code(period);
		if (!kind.basis().byRule() || !kind.active()) {
			throw new ConflictException("incentives.recognition.decide.notByRule", kind.code());
		}
		if (RecognitionPeriods.kindOf(years, period) != kind.periodKind()) {
			throw ValidationFailedException.of("period", "incentives.recognition.decide.periodKind", code);
		}
		if (period.end().isAfter(periods.today())) {
			throw new ConflictException("incentives.recognition.decide.periodOpen", code);
		}
		Metric metric = Metric.ofCode(kind.measure()).orElseThrow();
		Map<Long, BigDecimal> values = new LinkedHashMap<>();
		Map<Long, Long> units = new HashMap<>();
		if (kind.basis() == AwardBasis.ATTAINMENT) {
			List<Row> rows = attainment.people(SYSTEM, code, List.of(metric),
					kind.unitId() == null ? null : UnitId.of(kind.unitId()));
			for (Row row : rows) {
				if (row.pace().attainment() != null && row.unitId() != null) {
					values.put(row.id(), row.pace().attainment());
					units.put(row.id(), row.unitId());
				}
			}
		}
		else {
			Set<Long> within = kind.unitId() == null ? null : org.subtree(kind.unitId());
			// Stays come in the order they began, so each person keeps the unit they were in last in the period.
			for (OrgDirectory.Stay stay : org.staysBetween(period.start(), period.end(), SELLING)) {
				if (within == null || within.contains(stay.unit().value())) {
					units.put(stay.staff().value(), stay.unit().value());
				}
			}
			metrics.byPerson(metric, period, units.keySet().stream().map(StaffId::of).toList())
				.forEach((staff, value) -> values.put(staff.value(), value));
		}
		boolean higherIsBetter = kind.basis() == AwardBasis.ATTAINMENT || metric.higherIsBetter();
		List<Long> winners = AwardRule.winners(values, higherIsBetter, kind.minimum());
		Set<Long> holders = store.holders(kind.id(), code);
		Instant now = clock.instant();
		int added = 0;
		for (Long staff : winners) {
			if (holders.contains(staff)) {
				continue;
			}
			BigDecimal value = values.get(staff).setScale(kind.basis() == AwardBasis.ATTAINMENT ? 2 : metric.scale(),
					RoundingMode.HALF_UP);
			String citation = citations.of(kind.basis(), kind.name(), metric.code(), value, code);
			record(new NewAward(kind.id(), staff, units.get(staff), code, period.start(), period.lastDay(),
					AwardSource.RULE, metric.code(), value, citation, null, by, now), kind.code());
			added++;
		}
		store.recordDecision(kind.id(), code, now, by, values.size(), winners.size());
		List<AwardView> awarded = named(store.select(" WHERE a.kind_id = :kind AND a.period_code = :period"
				+ " ORDER BY a.id", Map.of("kind", kind.id(), "period", code), lang()));
		return new Decision(kind.id(), kind.code(), code, values.size(), awarded, added);
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
		AwardKindView kind = kind(d.kind());
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

	private long record(NewAward award, String kindCode) {
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

	/** The latest decisions of rule-based kinds. */
	@Transactional(readOnly = true)
	public List<DecisionRecord> decisions() {
		return store.decisions(20);
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
