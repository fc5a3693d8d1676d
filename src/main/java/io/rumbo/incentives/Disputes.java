package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.DisputeViews.DisputeView;
import io.rumbo.incentives.domain.Dispute;
import io.rumbo.incentives.domain.DisputeRepository;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Disputes of statement lines (docs/incentives.md, "Disputes"; decision 0023). Only the person a statement belongs to
 * raises one, on a line of a statement they can see, with a comment; finance answers it, rejects it with a reason or
 * adjusts it with an amount and a reason, at the version it read. Every step is audited and announced
 * ({@link DisputeRaised}, {@link DisputeAnswered}). An adjustment never changes the disputed run: the next payout run
 * of the person and plan pays it as an adjustment line ({@link PayoutRuns}, through {@link #pending} and
 * {@link #paid}), exactly once. Readers: finance, directors and administrators every dispute; managers their
 * subtree's (read-only); salespeople their own; anything else answers 404.
 */
@Service
public class Disputes {

	public static final Map<String, String> SORTS = Map.of("raisedAt", "d.raised_at", "state", "d.state", "period",
			"d.period_end", "staff", "d.staff_id", "amount", "d.line_amount", "resolvedAt", "d.resolved_at");

	/** Dispute list filter: a state, a run, a person. */
	public record Filter(@Nullable DisputeState state, @Nullable Long runId, @Nullable Long staffId) {
	}

	/** An adjustment granted and not yet paid: the next run of its plan adds it to the person's statement. */
	record Pending(long disputeId, long staffId, int component, String componentName, String metric,
			@Nullable Long productLineId, String measuredOn, String forPeriod, LocalDate spanFrom, LocalDate spanTo,
			BigDecimal adjustment) {
	}

	private final DisputeRepository disputes;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Disputes(DisputeRepository disputes, DataScopes scopes, OrgDirectory org, AuditTrail audit, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.disputes = disputes;
		this.scopes = scopes;
		this.org = org;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Who answers, adjusts and rejects disputes: those who approve payout runs ({@link PayoutRuns#mayApprove}). */
	public static boolean mayResolve(CurrentUser actor) {
		return PayoutRuns.mayApprove(actor);
	}

	/** Whether {@code actor} is the person whose statement this is, the only one who may question its lines. */
	public boolean owns(CurrentUser actor, long staffId) {
		Long own = scopes.of(actor).ownStaffId();
		return own != null && own == staffId;
	}

	/**
	 * The owner of the statement questions the line {@code lineId}. A line the reader cannot see answers 404;
	 * someone else's line they can see (a manager, finance) 403; a line with an open dispute 409.
	 */
	@Transactional
	public DisputeView raise(CurrentUser actor, long lineId, @Nullable String comment) {
		record Found(Dispute.Line line, boolean approved) {
		}
		Found found = jdbc.sql("""
				SELECT l.run_id, r.period_code, r.period_end, l.plan_id, l.plan_code, l.staff_id, s.unit_id,
				  l.component, l.component_name, l.metric, l.product_line_id, l.measured_on, l.for_period,
				  l.span_from, l.span_to, l.amount, r.state
				FROM incentives_payout_line l JOIN incentives_payout_run r ON r.id = l.run_id
				JOIN incentives_payout_statement s ON s.run_id = l.run_id AND s.plan_code = l.plan_code
				  AND s.staff_id = l.staff_id
				WHERE l.id = :id""").param("id", lineId).query((rs, n) -> new Found(new Dispute.Line(
						rs.getLong("run_id"), rs.getString("period_code"), rs.getObject("period_end", LocalDate.class),
						lineId, rs.getLong("plan_id"), rs.getString("plan_code"), rs.getLong("staff_id"),
						rs.getLong("unit_id"), rs.getInt("component"), rs.getString("component_name"),
						rs.getString("metric"),
						rs.getObject("product_line_id") == null ? null : rs.getLong("product_line_id"),
						rs.getString("measured_on"), rs.getString("for_period"),
						rs.getObject("span_from", LocalDate.class), rs.getObject("span_to", LocalDate.class),
						rs.getBigDecimal("amount")), "APPROVED".equals(rs.getString("state"))))
			.optional()
			.filter(f -> PayoutRuns.readsRuns(actor)
					|| f.approved() && scopes.of(actor).seesStaff(f.line().staffId(), f.line().unitId()))
			.orElseThrow(() -> new NotFoundException("statement line", lineId));
		Dispute.Line line = found.line();
		if (!owns(actor, line.staffId())) {
			throw new AccessRefusedException("question someone else's statement");
		}
		Long open = jdbc.sql("SELECT MIN(id) FROM incentives_dispute WHERE line_id = :line AND state = 'OPEN'")
			.param("line", lineId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (open != null) {
			throw new ConflictException("incentives.dispute.alreadyOpen", open);
		}
		Dispute dispute = disputes.saveAndFlush(Dispute.raise(line, comment, actor.username(), clock.instant()));
		audit.record("PAYOUT_DISPUTE", dispute.id(), "RAISE", null, dispute.auditState(), line.periodCode());
		events.publishEvent(new DisputeRaised(DisputeId.of(dispute.id()), PayoutRunId.of(line.runId()),
				line.planCode(), lineId, StaffId.of(line.staffId()), line.periodCode(), actor.username()));
		return view(dispute);
	}

	/** Finance explains the line at {@code version}; nothing is paid. */
	@Transactional
	public DisputeView answer(CurrentUser actor, long id, long version, @Nullable String comment) {
		return resolve(actor, id, version, "ANSWER", d -> d.answer(comment, actor.username(), clock.instant()));
	}

	/** Finance refuses the claim at {@code version}, with a reason. */
	@Transactional
	public DisputeView reject(CurrentUser actor, long id, long version, @Nullable String reason) {
		return resolve(actor, id, version, "REJECT", d -> d.reject(reason, actor.username(), clock.instant()));
	}

	/**
	 * Finance grants {@code amount} at {@code version}, with a reason: the disputed run stays as it is, and the next
	 * payout run of the person and plan pays the amount as an adjustment line citing this dispute.
	 */
	@Transactional
	public DisputeView adjust(CurrentUser actor, long id, long version, @Nullable BigDecimal amount,
			@Nullable String reason) {
		return resolve(actor, id, version, "ADJUST", d -> d.adjust(amount, reason, actor.username(), clock.instant()));
	}

	private DisputeView resolve(CurrentUser actor, long id, long version, String action,
			java.util.function.Consumer<Dispute> change) {
		Dispute dispute = load(actor, id);
		if (!mayResolve(actor)) {
			throw new AccessRefusedException("answer payout disputes");
		}
		if (dispute.version() != version) {
			throw new StaleVersionException(version, view(dispute));
		}
		var before = dispute.auditState();
		change.accept(dispute);
		StaleVersionException.guard(version, () -> disputes.saveAndFlush(dispute), () -> view(load(actor, id)));
		audit.record("PAYOUT_DISPUTE", id, action, before, dispute.auditState(), dispute.periodCode());
		events.publishEvent(new DisputeAnswered(DisputeId.of(id), PayoutRunId.of(dispute.runId()),
				dispute.planCode(), StaffId.of(dispute.staffId()), dispute.state(),
				Objects.requireNonNull(dispute.response()), dispute.adjustment(), actor.username()));
		return view(dispute);
	}

	@Transactional(readOnly = true)
	public DisputeView get(CurrentUser actor, long id) {
		return view(load(actor, id));
	}

	/** The disputes the reader may see (the scope in SQL), filtered, sorted and paged. */
	@Transactional(readOnly = true)
	public PageResponse<DisputeView> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(scopeWhere(actor, params));
		if (filter.state() != null) {
			where.append(" AND d.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.runId() != null) {
			where.append(" AND d.run_id = :runId");
			params.put("runId", filter.runId());
		}
		if (filter.staffId() != null) {
			where.append(" AND d.staff_id = :staffId");
			params.put("staffId", filter.staffId());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM incentives_dispute d" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Long> ids = jdbc.sql("SELECT d.id FROM incentives_dispute d" + where + query.orderBy("d.id")
				+ query.limit()).params(params).query(Long.class).list();
		Map<Long, Dispute> found = new HashMap<>();
		disputes.findAllById(ids).forEach(d -> found.put(d.id(), d));
		Map<Long, String> names = org.staffNames(found.values().stream().map(Dispute::staffId)
			.collect(Collectors.toSet()));
		return PageResponse.of(ids.stream().map(found::get).map(d -> view(d, names)).toList(), query, total);
	}

	/** Adjustments granted for {@code planCode} on runs that ended by {@code start}, not yet paid by any run. */
	List<Pending> pending(String planCode, LocalDate start) {
		return jdbc.sql("""
				SELECT id, staff_id, component, component_name, metric, product_line_id, measured_on, for_period,
				  span_from, span_to, adjustment
				FROM incentives_dispute
				WHERE plan_code = :plan AND state = 'ADJUSTED' AND paid_run_id IS NULL AND period_end <= :start
				ORDER BY staff_id, id""")
			.param("plan", planCode)
			.param("start", start)
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("staff_id"), rs.getInt("component"),
					rs.getString("component_name"), rs.getString("metric"),
					rs.getObject("product_line_id") == null ? null : rs.getLong("product_line_id"),
					rs.getString("measured_on"), rs.getString("for_period"),
					rs.getObject("span_from", LocalDate.class), rs.getObject("span_to", LocalDate.class),
					rs.getBigDecimal("adjustment")))
			.list();
	}

	/** A draft run is calculated again: the adjustments it paid wait for it (or a later run) again. */
	void release(long runId) {
		jdbc.sql("UPDATE incentives_dispute SET paid_run_id = NULL, paid_line_id = NULL WHERE paid_run_id = :run")
			.param("run", runId)
			.update();
	}

	/**
	 * Records that run {@code runId} pays the adjustment of {@code disputeId} in line {@code lineId}; a dispute
	 * another run paid meanwhile answers 409 (the run's calculation is rolled back and may be retried).
	 */
	void paid(long disputeId, long runId, long lineId) {
		int claimed = jdbc.sql("UPDATE incentives_dispute SET paid_run_id = :run, paid_line_id = :line "
				+ "WHERE id = :id AND paid_run_id IS NULL")
			.param("run", runId)
			.param("line", lineId)
			.param("id", disputeId)
			.update();
		if (claimed != 1) {
			throw new ConflictException("incentives.dispute.alreadyPaid", disputeId);
		}
	}

	private String scopeWhere(CurrentUser actor, Map<String, Object> params) {
		if (PayoutRuns.readsRuns(actor)) {
			return " WHERE 1 = 1";
		}
		DataScope scope = scopes.of(actor);
		return " WHERE " + scope.sql("d.unit_id", "d.staff_id", params);
	}

	private Dispute load(CurrentUser actor, long id) {
		Dispute dispute = disputes.findById(id).orElseThrow(() -> new NotFoundException("dispute", id));
		if (!PayoutRuns.readsRuns(actor) && !scopes.of(actor).seesStaff(dispute.staffId(), dispute.unitId())) {
			throw new NotFoundException("dispute", id);
		}
		return dispute;
	}

	private DisputeView view(Dispute d) {
		return view(d, org.staffNames(java.util.Set.of(d.staffId())));
	}

	private static DisputeView view(Dispute d, Map<Long, String> names) {
		return new DisputeView(d.id(), d.runId(), d.periodCode(), d.lineId(), d.planCode(), d.staffId(),
				names.getOrDefault(d.staffId(), "#" + d.staffId()), d.unitId(), d.component(), d.componentName(),
				d.forPeriod(), d.lineAmount(), d.state(), d.comment(), d.raisedBy(), d.raisedAt(), d.response(),
				d.adjustment(), d.resolvedBy(), d.resolvedAt(), d.paidRunId(), d.version());
	}
}
