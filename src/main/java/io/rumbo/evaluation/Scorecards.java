package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.ScorecardViews.Feedback;
import io.rumbo.evaluation.ScorecardViews.Line;
import io.rumbo.evaluation.ScorecardViews.ScorecardSummary;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.domain.CalibrationStore;
import io.rumbo.evaluation.domain.CycleStore;
import io.rumbo.evaluation.domain.NominationStore;
import io.rumbo.evaluation.domain.CycleStore.KeptLine;
import io.rumbo.evaluation.domain.EvaluationCycle;
import io.rumbo.evaluation.domain.EvaluationTemplate;
import io.rumbo.evaluation.domain.FigureReader;
import io.rumbo.evaluation.domain.KeptSheet;
import io.rumbo.evaluation.domain.ScoreSheet;
import io.rumbo.evaluation.domain.Scorecard;
import io.rumbo.evaluation.domain.TemplateStore;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * People's scorecards, within the reader's data scope in SQL (a salesperson their own, a manager their subtree's,
 * the company-wide roles everyone's; anything else is "not found"). Live while the cycle is open, frozen after: a
 * later correction of a measured figure shows next to the kept one, never in the score. The manager above a person
 * reviews their scorecard (ratings, feedback, outcome); the person reads the feedback once the cycle is closed and
 * acknowledges it by the deadline ({@link ScorecardAcknowledged}); after it, {@link #recordMissedAcknowledgements}.
 */
@Service
public class Scorecards {

	public static final Map<String, String> SORTS = Map.of("score", "s.score", "state", "s.state", "cycle",
			"c.starts_on");

	/** List filter: a cycle, a person (their history), a state. */
	public record Filter(@Nullable Long cycleId, @Nullable Long staffId, @Nullable ScorecardState state) {
	}

	/** A qualitative criterion (by position, from 1) rated at a level of its scale. */
	public record Rating(int position, int level) {
	}

	/** The manager's review of a scorecard. */
	public record Review(List<Rating> ratings, @Nullable String strengths, @Nullable String improvements,
			@Nullable String text, @Nullable Outcome outcome) {
	}

	private final CycleStore cycles;
	private final TemplateStore templates;
	private final FigureReader figures;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final CalibrationStore calibration;
	private final NominationStore nominations;

	Scorecards(CycleStore cycles, TemplateStore templates, FigureReader figures, FiscalCalendar calendar,
			OrgDirectory org, DataScopes scopes, AuditTrail audit, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock, CalibrationStore calibration, NominationStore nominations) {
		this.calibration = calibration;
		this.nominations = nominations;
		this.cycles = cycles;
		this.templates = templates;
		this.figures = figures;
		this.calendar = calendar;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Scorecards in the reader's scope; {@code score} is absent while the cycle is open (the card shows it live). */
	@Transactional(readOnly = true)
	public PageResponse<ScorecardSummary> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE " + scopes.of(actor).sql("s.unit_id", "s.staff_id", params));
		if (filter.cycleId() != null) {
			where.append(" AND s.cycle_id = :cycle");
			params.put("cycle", filter.cycleId());
		}
		if (filter.staffId() != null) {
			where.append(" AND s.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		if (filter.state() != null) {
			where.append(" AND s.state = :state");
			params.put("state", filter.state().name());
		}
		String from = " FROM evaluation_scorecard s JOIN evaluation_cycle c ON c.id = s.cycle_id";
		long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
		List<ScorecardSummary> rows = jdbc.sql("""
				SELECT s.id, s.cycle_id, c.name, c.period_code, s.staff_id, '', s.unit_id, s.state, s.score,
				       s.outcome""" + from + where + query.orderBy("s.id") + query.limit())
			.params(params)
			.query((rs, n) -> new ScorecardSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getString(6), rs.getLong(7), null, ScorecardState.valueOf(rs.getString(8)),
					rs.getBigDecimal(9), rs.getString(10) == null ? null : Outcome.valueOf(rs.getString(10))))
			.list();
		Map<Long, String> units = org.unitNames(rows.stream().map(ScorecardSummary::unitId).distinct().toList());
		Map<Long, String> names = org.staffNames(rows.stream().map(ScorecardSummary::staffId).distinct().toList());
		return PageResponse.of(rows.stream().map(r -> new ScorecardSummary(r.id(), r.cycleId(), r.cycleName(),
				r.period(), r.staffId(), names.getOrDefault(r.staffId(), "#" + r.staffId()), r.unitId(), units.get(r.unitId()), r.state(), r.score(), r.outcome()))
			.toList(), query, total);
	}

	@Transactional(readOnly = true)
	public ScorecardView get(CurrentUser actor, long id) {
		Scorecard card = load(actor, id);
		EvaluationCycle cycle = cycles.cycle(card.cycleId()).orElseThrow();
		EvaluationTemplate template = templates.find(cycle.templateId()).orElseThrow();
		List<Line> lines = lines(card, cycle, template);
		boolean self = scopes.staffIdOf(actor).map(s -> s == card.staffId()).orElse(false);
		Feedback feedback = card.reviewedAt() == null || (self && cycle.state() != CycleState.CLOSED) ? null
				: new Feedback(card.strengths(), card.improvements(), card.feedback(), card.outcome(), card.reviewedBy(),
						card.reviewedAt());
		String name = org.staff(card.staffId()).map(OrgDirectory.StaffSummary::fullName).orElse("#" + card.staffId());
		BigDecimal score = card.score() != null ? card.score() : ScoreSheet.score(lines);
		String unitName = org.unitNames(List.of(card.unitId())).get(card.unitId());
		return new ScorecardView(id, card.cycleId(), cycle.name(), cycle.periodCode(), cycle.startsOn(), cycle.endsOn(),
				cycle.state(), card.staffId(), name, card.unitId(), unitName,
				card.state(), template.details().scaleMax(), score, lines, feedback, cycle.acknowledgeBy(),
				card.acknowledgedAt(), card.answer(), card.version(),
				self && cycle.state() != CycleState.CLOSED ? List.of()
						: calibration.adjustments(List.of(id)).getOrDefault(id, List.of()),
				nominations.select(" WHERE n.scorecard_id = :card", new HashMap<>(Map.of("card", id))).stream()
					.findFirst().map(n -> n.named(name, unitName)).orElse(null));
	}

	/**
	 * The lines: live (figures of today) while the cycle is open; else the kept ones, each quantitative line with what
	 * the metrics engine measures today when that differs (a correction after the freeze).
	 */
	private List<Line> lines(Scorecard card, EvaluationCycle cycle, EvaluationTemplate template) {
		FiscalPeriod period = FiscalPeriod.days(cycle.startsOn(), cycle.endsOn());
		int year = calendar.years().yearOf(cycle.startsOn());
		ScoreSheet.Figures today = figures.read(template.details().criteria(), period, year, List.of(card.staffId()))
			.getOrDefault(card.staffId(), ScoreSheet.Figures.NONE);
		java.util.function.Function<Metric, String> records = m -> ScoreSheet.recordsUrl(m, cycle.periodCode(),
				card.staffId());
		if (cycle.state() == CycleState.OPEN) {
			return ScoreSheet.lines(template.details(), today, Map.of(), records);
		}
		Map<Integer, KeptLine> kept = cycles.lines(List.of(card.id())).getOrDefault(card.id(), Map.of());
		List<Line> lines = new ArrayList<>();
		for (Line line : KeptSheet.lines(template.details(), kept, records)) {
			BigDecimal now = line.measure() == null ? null
					: today.actuals().getOrDefault(Metric.ofCode(line.measure()).orElseThrow(), BigDecimal.ZERO);
			lines.add(now == null || Objects.requireNonNull(line.actual()).compareTo(now) == 0 ? line
					: new Line(line.position(), line.name(), line.kind(), line.focus(), line.weight(), line.measure(),
							line.actual(), line.target(), line.attainment(), line.credit(), null, null, line.points(),
							now, line.recordsUrl()));
		}
		return lines;
	}

	/** Whether the reader reviews this person's scorecard: a director or administrator, or a manager above them. */
	public boolean mayReview(CurrentUser actor, ScorecardView card) {
		boolean self = scopes.staffIdOf(actor).map(s -> s == card.staffId()).orElse(false);
		return !self && (actor.hasAny(Role.ADMIN, Role.DIRECTOR)
				|| (actor.has(Role.MANAGER) && scopes.of(actor).managesUnit(card.unitId())));
	}

	/** The manager rates every qualitative criterion, writes the feedback and proposes an outcome (while in review). */
	@Transactional
	public ScorecardView review(CurrentUser actor, long id, long version, Review review) {
		ScorecardView current = get(actor, id);
		if (!mayReview(actor, current)) {
			throw new AccessRefusedException("evaluation.review");
		}
		Scorecard card = load(actor, id);
		if (card.version() != version) {
			throw new StaleVersionException(version, current);
		}
		EvaluationCycle cycle = cycles.cycle(card.cycleId()).orElseThrow();
		EvaluationTemplate template = templates.find(cycle.templateId()).orElseThrow();
		Map<Integer, Integer> levels = new HashMap<>();
		for (Rating r : review.ratings() == null ? List.<Rating>of() : review.ratings()) {
			levels.put(r.position(), r.level());
		}
		List<Line> rated = new ArrayList<>();
		List<Criterion> criteria = template.details().criteria();
		for (int i = 0; i < criteria.size(); i++) {
			Criterion c = criteria.get(i);
			if (c.kind() != CriterionKind.QUALITATIVE) {
				continue;
			}
			Integer level = levels.get(i + 1);
			if (level == null || level < 1 || level > c.levelList().size()) {
				throw ValidationFailedException.of("ratings", "evaluation.scorecard.rating.invalid", c.name(),
						c.levelList().size());
			}
			rated.add(ScoreSheet.rated(i + 1, c, level, template.details().scaleMax()));
		}
		if (review.outcome() == null) {
			throw ValidationFailedException.of("outcome", "shared.validation.required");
		}
		Map<Integer, BigDecimal> points = new HashMap<>();
		cycles.lines(List.of(id)).getOrDefault(id, Map.of()).forEach((p, k) -> points.put(p, k.points()));
		rated.forEach(l -> points.put(l.position(), l.points()));
		BigDecimal score = points.values().stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2);
		var before = card.auditState();
		card.review(cycle.state(), score, blank(review.strengths()), blank(review.improvements()), blank(review.text()),
				review.outcome(), actor.username(), clock.instant());
		StaleVersionException.guard(version, () -> {
			cycles.update(card);
			return id;
		}, () -> get(actor, id));
		cycles.rate(id, rated);
		audit.record("EVALUATION_SCORECARD", id, "REVIEW", before, card.auditState(), current.name());
		return get(actor, id);
	}

	/** The person acknowledges their closed scorecard by the deadline, with an answer if they wish. */
	@Transactional
	public ScorecardView acknowledge(CurrentUser actor, long id, @Nullable String answer) {
		Scorecard card = load(actor, id);
		if (!scopes.staffIdOf(actor).map(s -> s == card.staffId()).orElse(false)) {
			throw new AccessRefusedException("evaluation.acknowledge");
		}
		EvaluationCycle cycle = cycles.cycle(card.cycleId()).orElseThrow();
		card.acknowledge(cycle.state(), cycle.acknowledgeBy(), LocalDate.now(clock), answer, clock.instant());
		StaleVersionException.guard(card.version(), () -> {
			cycles.update(card);
			return id;
		}, () -> get(actor, id));
		events.publishEvent(new ScorecardAcknowledged(ScorecardId.of(id), CycleId.of(card.cycleId()),
				StaffId.of(card.staffId()), Objects.requireNonNull(card.acknowledgedAt()), card.answer() != null));
		return get(actor, id);
	}

	/**
	 * Records as not acknowledged every reviewed scorecard whose cycle's deadline has passed (one statement), each
	 * in the audit trail; answers how many. Runs every night ({@code evaluation.domain.EvaluationSchedule}, on the
	 * shared job runner) and may run any time (it is idempotent).
	 */
	@Transactional
	public int recordMissedAcknowledgements() {
		List<long[]> missed = cycles.missAcknowledgements(LocalDate.now(clock));
		for (long[] m : missed) {
			audit.record("EVALUATION_SCORECARD", m[0], "NOT_ACKNOWLEDGED", null,
					Map.of("cycleId", m[1], "staffId", m[2]), "deadline passed");
		}
		return missed.size();
	}

	private Scorecard load(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		DataScope scope = scopes.of(actor);
		return cycles.scorecards(" WHERE s.id = :id AND " + scope.sql("s.unit_id", "s.staff_id", params), params)
			.stream().findFirst().orElseThrow(() -> new NotFoundException("scorecard", id));
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
