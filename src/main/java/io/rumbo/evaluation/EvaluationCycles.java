package io.rumbo.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.ScorecardViews.CycleView;
import io.rumbo.evaluation.ScorecardViews.Line;
import io.rumbo.evaluation.domain.CycleStore;
import io.rumbo.evaluation.domain.EvaluationCycle;
import io.rumbo.evaluation.domain.EvaluationTemplate;
import io.rumbo.evaluation.domain.FigureReader;
import io.rumbo.evaluation.domain.Populations;
import io.rumbo.evaluation.domain.ScoreSheet;
import io.rumbo.evaluation.domain.Scorecard;
import io.rumbo.evaluation.domain.TemplateStore;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Evaluation cycles: a period of whole fiscal months and a population scored by the template version in force on
 * its first day. Directors and administrators open them, and run them (a manager too, for a cycle of a unit they
 * lead): into review once the period is over, which freezes the measured figures of every scorecard (one read per
 * measure for the whole population); calibrated once every scorecard is reviewed; closed with a deadline for the
 * acknowledgements ({@link EvaluationClosed}). The people's scorecards are {@link Scorecards}'.
 */
@Service
public class EvaluationCycles {

	public static final Map<String, String> SORTS = Map.of("from", "c.starts_on", "name", "c.name", "state", "c.state");

	/** What opens a cycle: the template, a name, the cadence and the period's code, optionally a narrower unit. */
	public record CycleDetails(long templateId, String name, Cadence cadence, String period,
			@Nullable Long populationUnitId) {
	}

	private final CycleStore cycles;
	private final TemplateStore templates;
	private final Populations populations;
	private final FigureReader figures;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EvaluationCycles(CycleStore cycles, TemplateStore templates, Populations populations, FigureReader figures,
			FiscalCalendar calendar, OrgDirectory org, DataScopes scopes, AuditTrail audit, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.cycles = cycles;
		this.templates = templates;
		this.populations = populations;
		this.figures = figures;
		this.calendar = calendar;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The cycles the reader has a scorecard in sight of (all of them for the roles that see everything), newest first.
	 */
	@Transactional(readOnly = true)
	public PageResponse<CycleView> list(CurrentUser actor, @Nullable CycleState state, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		DataScope scope = scopes.of(actor);
		String where = " WHERE " + (scope.all() ? "TRUE" : "EXISTS (SELECT 1 FROM evaluation_scorecard s WHERE "
				+ "s.cycle_id = c.id AND " + scope.sql("s.unit_id", "s.staff_id", params) + ")");
		if (state != null) {
			where += " AND c.state = :state";
			params.put("state", state.name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM evaluation_cycle c" + where).params(params).query(Long.class)
			.single();
		return PageResponse.of(views(cycles.cycles(where + query.orderBy("c.id") + query.limit(), params)), query,
				total);
	}

	@Transactional(readOnly = true)
	public CycleView get(CurrentUser actor, long id) {
		return views(List.of(load(actor, id))).get(0);
	}

	/** Opens a cycle with a live scorecard for every member of the population in the period. */
	@Transactional
	public CycleView open(CurrentUser actor, CycleDetails details) {
		if (!EvaluationTemplates.mayAuthor(actor)) {
			throw new AccessRefusedException("evaluation.cycles");
		}
		EvaluationTemplate template = templates.find(details.templateId())
			.filter(t -> t.state() != TemplateState.DRAFT)
			.orElseThrow(() -> ValidationFailedException.of("templateId", "evaluation.cycle.template.unpublished"));
		if (details.name() == null || details.name().isBlank()) {
			throw ValidationFailedException.of("name", "shared.validation.required");
		}
		FiscalYears years = calendar.years();
		FiscalPeriod period;
		try {
			period = years.parse(details.period());
			years.monthsOf(period, years.yearOf(period.start()));
		}
		catch (IllegalArgumentException ex) {
			throw ValidationFailedException.of("period", "evaluation.cycle.period.invalid", details.period());
		}
		EvaluationTemplate inForce = templates.select(" WHERE code = :code AND state <> 'DRAFT' AND valid_from <= :day "
				+ "ORDER BY valid_from DESC", Map.of("code", template.code(), "day", period.start())).stream().findFirst()
			.orElse(null);
		if (inForce == null || !Objects.equals(inForce.id(), template.id())) {
			throw ValidationFailedException.of("templateId", "evaluation.cycle.template.notInForce",
					years.code(period));
		}
		Long unit = details.populationUnitId() != null ? details.populationUnitId()
				: template.details().populationUnitId();
		if (details.populationUnitId() != null && (!org.isActiveUnit(unit) || (template.details()
			.populationUnitId() != null && !org.subtree(template.details().populationUnitId()).contains(unit)))) {
			throw ValidationFailedException.of("populationUnitId", "evaluation.cycle.unit.outside");
		}
		EvaluationCycle cycle = EvaluationCycle.open(Objects.requireNonNull(template.id()), details.name().trim(),
				details.cadence(), years.code(period), period.start(), period.lastDay(),
				template.details().populationRole(), unit, actor.username(), clock.instant());
		long id = cycles.insert(cycle);
		Map<Long, Long> members = new LinkedHashMap<>();
		populations.members(cycle.populationRole(), unit, period.start(), period.end())
			.forEach((staff, m) -> members.put(staff, m.unitId()));
		cycles.insertScorecards(id, members);
		audit.record("EVALUATION_CYCLE", id, "OPEN", null, cycle.auditState(), cycle.name());
		return get(actor, id);
	}

	/** The period is over: every scorecard's measured figures are frozen and the managers review them. */
	@Transactional
	public CycleView review(CurrentUser actor, long id, long version) {
		EvaluationCycle cycle = runnable(actor, id, version);
		var before = cycle.auditState();
		cycle.review(LocalDate.now(clock), clock.instant());
		EvaluationTemplate template = templates.find(cycle.templateId()).orElseThrow();
		List<Scorecard> cards = cycles.scorecards(" WHERE cycle_id = :c", Map.of("c", id));
		FiscalPeriod period = FiscalPeriod.days(cycle.startsOn(), cycle.endsOn());
		var measured = figures.read(template.details().criteria(), period, calendar.years().yearOf(cycle.startsOn()),
				cards.stream().map(Scorecard::staffId).toList());
		Map<Long, List<Line>> lines = new LinkedHashMap<>();
		for (Scorecard card : cards) {
			lines.put(card.id(), ScoreSheet.lines(template.details(),
					measured.getOrDefault(card.staffId(), ScoreSheet.Figures.NONE), Map.of(), m -> null));
		}
		save(cycle, actor);
		cycles.freeze(lines);
		audit.record("EVALUATION_CYCLE", id, "REVIEW", before, cycle.auditState(),
				cycle.name() + ": figures frozen for " + cards.size());
		return get(actor, id);
	}

	/** Every scorecard is reviewed: the scores are agreed. */
	@Transactional
	public CycleView calibrate(CurrentUser actor, long id, long version) {
		EvaluationCycle cycle = runnable(actor, id, version);
		var before = cycle.auditState();
		int[] counts = cycles.counts(List.of(id)).getOrDefault(id, new int[3]);
		cycle.calibrate(counts[0] - counts[1]);
		save(cycle, actor);
		audit.record("EVALUATION_CYCLE", id, "CALIBRATE", before, cycle.auditState(), cycle.name());
		return get(actor, id);
	}

	/** The results go to the people, who acknowledge them by {@code acknowledgeBy}. */
	@Transactional
	public CycleView close(CurrentUser actor, long id, long version, @Nullable LocalDate acknowledgeBy) {
		EvaluationCycle cycle = runnable(actor, id, version);
		if (acknowledgeBy == null) {
			throw ValidationFailedException.of("acknowledgeBy", "shared.validation.required");
		}
		var before = cycle.auditState();
		cycle.close(acknowledgeBy, LocalDate.now(clock), actor.username(), clock.instant());
		save(cycle, actor);
		List<EvaluationClosed.Result> results = cycles.scorecards(" WHERE cycle_id = :c ORDER BY id", Map.of("c", id))
			.stream()
			.map(s -> new EvaluationClosed.Result(ScorecardId.of(s.id()), StaffId.of(s.staffId()), UnitId.of(s.unitId()),
					s.score(), s.outcome()))
			.toList();
		audit.record("EVALUATION_CYCLE", id, "CLOSE", before, cycle.auditState(),
				cycle.name() + ": " + results.size() + " scorecards, acknowledge by " + acknowledgeBy);
		events.publishEvent(new EvaluationClosed(CycleId.of(id), TemplateId.of(cycle.templateId()), cycle.startsOn(),
				cycle.endsOn(), acknowledgeBy, actor.username(), Objects.requireNonNull(cycle.closedAt()), results));
		return get(actor, id);
	}

	/** Whether the reader may run the cycle: a director or administrator, or the manager of its population's unit. */
	public boolean mayRun(CurrentUser actor, CycleView cycle) {
		return EvaluationTemplates.mayAuthor(actor) || (actor.has(Role.MANAGER) && cycle.populationUnitId() != null
				&& scopes.of(actor).managesUnit(cycle.populationUnitId()));
	}

	private EvaluationCycle runnable(CurrentUser actor, long id, long version) {
		EvaluationCycle cycle = load(actor, id);
		if (!mayRun(actor, get(actor, id))) {
			throw new AccessRefusedException("evaluation.cycles");
		}
		if (cycle.version() != version) {
			throw new StaleVersionException(version, get(actor, id));
		}
		return cycle;
	}

	private void save(EvaluationCycle cycle, CurrentUser actor) {
		long id = Objects.requireNonNull(cycle.id());
		StaleVersionException.guard(cycle.version(), () -> {
			cycles.update(cycle);
			return id;
		}, () -> get(actor, id));
	}

	EvaluationCycle load(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		DataScope scope = scopes.of(actor);
		String where = " WHERE c.id = :id" + (scope.all() ? "" : " AND EXISTS (SELECT 1 FROM evaluation_scorecard s "
				+ "WHERE s.cycle_id = c.id AND " + scope.sql("s.unit_id", "s.staff_id", params) + ")");
		return cycles.cycles(where, params).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("evaluationCycle", id));
	}

	List<CycleView> views(List<EvaluationCycle> found) {
		Map<Long, int[]> counts = cycles.counts(found.stream().map(EvaluationCycle::id).toList());
		Map<Long, String> units = org.unitNames(found.stream().map(EvaluationCycle::populationUnitId)
			.filter(Objects::nonNull).toList());
		Map<Long, EvaluationTemplate> used = new HashMap<>();
		return found.stream().map(c -> {
			long id = Objects.requireNonNull(c.id());
			EvaluationTemplate t = used.computeIfAbsent(c.templateId(), k -> templates.find(k).orElseThrow());
			int[] n = counts.getOrDefault(id, new int[3]);
			return new CycleView(id, c.name(), c.templateId(), t.details().name(), t.number(), c.cadence(),
					c.periodCode(), c.startsOn(), c.endsOn(), c.populationRole(), c.populationUnitId(),
					c.populationUnitId() == null ? null : units.get(c.populationUnitId()), c.state(), c.acknowledgeBy(),
					c.frozenAt(), c.closedBy(), c.closedAt(), c.version(), n[0], n[1], n[2]);
		}).toList();
	}
}
