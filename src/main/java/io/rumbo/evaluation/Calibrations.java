package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.CalibrationViews.Adjustment;
import io.rumbo.evaluation.CalibrationViews.Distribution;
import io.rumbo.evaluation.CalibrationViews.QuadrantPoint;
import io.rumbo.evaluation.CalibrationViews.Quadrants;
import io.rumbo.evaluation.CalibrationViews.Ranked;
import io.rumbo.evaluation.CalibrationViews.TeamScores;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.domain.CalibrationRules;
import io.rumbo.evaluation.domain.CalibrationStore;
import io.rumbo.evaluation.domain.CalibrationStore.FocusRow;
import io.rumbo.evaluation.domain.CalibrationStore.ScoreRow;
import io.rumbo.evaluation.domain.CycleStore;
import io.rumbo.evaluation.domain.EvaluationCycle;
import io.rumbo.evaluation.domain.Scorecard;
import io.rumbo.evaluation.domain.Scorecard.ScoreAdjustment;
import io.rumbo.evaluation.domain.TemplateStore;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.StaleVersionException;

/**
 * Calibration of a cycle's frozen scores (decision 0016): the director, or a manager for their subtree, sees the
 * distribution by team, the ranking and results versus effort, all in the reader's data scope in SQL; while the cycle
 * is calibrated (every scorecard reviewed, not yet closed) they may adjust a score with a written reason, kept with the
 * score before it and recorded in the audit trail.
 */
@Service
public class Calibrations {

	private final EvaluationCycles cycles;
	private final Scorecards scorecards;
	private final CycleStore cycleStore;
	private final TemplateStore templates;
	private final CalibrationStore store;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final Clock clock;

	Calibrations(EvaluationCycles cycles, Scorecards scorecards, CycleStore cycleStore, TemplateStore templates,
			CalibrationStore store, OrgDirectory org, DataScopes scopes, AuditTrail audit, Clock clock) {
		this.cycles = cycles;
		this.scorecards = scorecards;
		this.cycleStore = cycleStore;
		this.templates = templates;
		this.store = store;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the reader calibrates: a director or administrator, or a manager (for their subtree). */
	public static boolean mayCalibrate(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	/**
	 * A cycle's frozen scores in the reader's scope: by team, for everyone in sight, and ranked; empty while the cycle
	 * is open (nothing is frozen to compare yet).
	 */
	@Transactional(readOnly = true)
	public Distribution distribution(CurrentUser actor, long cycleId) {
		EvaluationCycle cycle = readable(actor, cycleId);
		int scale = scaleOf(cycle);
		Map<String, Object> params = new HashMap<>();
		List<ScoreRow> rows = store.ranking(cycleId, scopes.of(actor).sql("s.unit_id", "s.staff_id", params), params);
		Map<Long, String> names = org.staffNames(rows.stream().map(ScoreRow::staffId).distinct().toList());
		Map<Long, String> units = org.unitNames(rows.stream().map(ScoreRow::unitId).distinct().toList());
		Map<Long, List<Adjustment>> adjusted = store.adjustments(rows.stream().map(ScoreRow::scorecardId).toList());
		Map<Long, List<BigDecimal>> byTeam = new LinkedHashMap<>();
		List<Ranked> ranking = new ArrayList<>();
		for (ScoreRow r : rows) {
			byTeam.computeIfAbsent(r.unitId(), k -> new ArrayList<>()).add(r.score());
			List<Adjustment> a = adjusted.get(r.scorecardId());
			ranking.add(new Ranked(ranking.size() + 1, r.scorecardId(), r.staffId(),
					names.getOrDefault(r.staffId(), "#" + r.staffId()), r.unitId(), units.get(r.unitId()), r.score(),
					a == null ? null : a.get(0).scoreBefore()));
		}
		List<TeamScores> teams = new ArrayList<>();
		byTeam.forEach((unit, scores) -> teams.add(team(unit, units.getOrDefault(unit, "#" + unit), scores, scale)));
		teams.sort((a, b) -> Objects.requireNonNull(b.mean()).compareTo(Objects.requireNonNull(a.mean())));
		TeamScores everyone = team(null, "", rows.stream().map(ScoreRow::score).toList(), scale);
		return new Distribution(cycleId, cycle.name(), cycle.state(), scale, CalibrationRules.bandFloors(scale),
				everyone, teams, ranking, cycle.state() == CycleState.CALIBRATED);
	}

	private static TeamScores team(@Nullable Long unit, String name, List<BigDecimal> scores, int scale) {
		CalibrationRules.Summary s = CalibrationRules.summarize(scores, scale);
		return new TeamScores(unit, name, s.count(), s.mean(), s.min(), s.max(), s.bands());
	}

	/** Results versus effort of a frozen cycle's people in the reader's scope, with each quadrant's action. */
	@Transactional(readOnly = true)
	public Quadrants quadrants(CurrentUser actor, long cycleId) {
		EvaluationCycle cycle = readable(actor, cycleId);
		int scale = scaleOf(cycle);
		Map<String, Object> params = new HashMap<>();
		List<FocusRow> rows = store.focus(cycleId, scopes.of(actor).sql("s.unit_id", "s.staff_id", params), params);
		Map<Long, String> names = org.staffNames(rows.stream().map(FocusRow::staffId).distinct().toList());
		Map<Long, String> units = org.unitNames(rows.stream().map(FocusRow::unitId).distinct().toList());
		List<QuadrantPoint> people = new ArrayList<>();
		for (FocusRow r : rows) {
			BigDecimal results = CalibrationRules.share(r.resultsPoints(), r.resultsWeight(), scale);
			BigDecimal effort = CalibrationRules.share(r.effortPoints(), r.effortWeight(), scale);
			if (results != null && effort != null) {
				people.add(new QuadrantPoint(r.scorecardId(), r.staffId(), names.getOrDefault(r.staffId(), "#"
						+ r.staffId()), r.unitId(), units.get(r.unitId()), results, effort,
						CalibrationRules.action(results, effort)));
			}
		}
		return new Quadrants(cycleId, cycle.name(), CalibrationRules.HIGH, people);
	}

	/**
	 * Adjusts a reviewed scorecard's score while its cycle is calibrated (409 otherwise, or when {@code version} is
	 * stale), with a written reason; the reader must review that person (a director, or a manager above them).
	 */
	@Transactional
	public ScorecardView adjust(CurrentUser actor, long id, long version, @Nullable BigDecimal score,
			@Nullable String reason) {
		ScorecardView current = scorecards.get(actor, id);
		if (!scorecards.mayReview(actor, current)) {
			throw new AccessRefusedException("evaluation.calibration");
		}
		Scorecard card = cycleStore.scorecard(id).orElseThrow();
		if (card.version() != version) {
			throw new StaleVersionException(version, current);
		}
		EvaluationCycle cycle = cycleStore.cycle(card.cycleId()).orElseThrow();
		var before = card.auditState();
		ScoreAdjustment adjustment = card.adjust(cycle.state(), current.scaleMax(), score, reason, actor.username(),
				clock.instant());
		StaleVersionException.guard(version, () -> {
			cycleStore.update(card);
			return id;
		}, () -> scorecards.get(actor, id));
		store.insert(adjustment);
		Map<String, Object> after = new LinkedHashMap<>(card.auditState());
		after.put("reason", adjustment.reason());
		audit.record("EVALUATION_SCORECARD", id, "ADJUST", before, after, current.name() + ": "
				+ adjustment.before().toPlainString() + " -> " + adjustment.after().toPlainString());
		return scorecards.get(actor, id);
	}

	private EvaluationCycle readable(CurrentUser actor, long cycleId) {
		if (!mayCalibrate(actor)) {
			throw new AccessRefusedException("evaluation.calibration");
		}
		return cycles.load(actor, cycleId);
	}

	private int scaleOf(EvaluationCycle cycle) {
		return templates.find(cycle.templateId()).orElseThrow().details().scaleMax();
	}
}
