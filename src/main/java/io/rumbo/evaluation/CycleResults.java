package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.ScorecardViews.Line;
import io.rumbo.evaluation.domain.CycleStore;
import io.rumbo.evaluation.domain.EvaluationCycle;
import io.rumbo.evaluation.domain.EvaluationTemplate;
import io.rumbo.evaluation.domain.FigureReader;
import io.rumbo.evaluation.domain.KeptSheet;
import io.rumbo.evaluation.domain.ScoreSheet;
import io.rumbo.evaluation.domain.Scorecard;
import io.rumbo.evaluation.domain.TemplateStore;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * A cycle's results for its exports: every scorecard in the reader's scope with every line, one result per person and
 * criterion (decision 0017). Read set-based: one query for the scorecards, one for the names, and a thousand
 * scorecards at a time one for their kept lines (or, while the cycle is open, one read per measure). Feedback stays out: it is the
 * person's and their managers', never a list's.
 */
@Service
public class CycleResults {

	/** One line of one person's scorecard; {@code score} is the live score while the cycle is open. */
	public record Result(long scorecardId, String period, long staffId, String name, @Nullable String unitName,
			ScorecardState state, BigDecimal score, @Nullable Outcome outcome, Line line) {
	}

	private final EvaluationCycles cycles;
	private final CycleStore store;
	private final TemplateStore templates;
	private final FigureReader figures;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final DataScopes scopes;

	CycleResults(EvaluationCycles cycles, CycleStore store, TemplateStore templates, FigureReader figures,
			FiscalCalendar calendar, OrgDirectory org, DataScopes scopes) {
		this.cycles = cycles;
		this.store = store;
		this.templates = templates;
		this.figures = figures;
		this.calendar = calendar;
		this.org = org;
		this.scopes = scopes;
	}

	/** Answers "not found" (a problem, before a download starts) when the cycle is outside the reader's scope. */
	@Transactional(readOnly = true)
	public void check(CurrentUser actor, long cycleId) {
		cycles.load(actor, cycleId);
	}

	/**
	 * The results of the cycle's scorecards in scope, person by person (by name), criterion by criterion. The order by
	 * name needs every scorecard of the cycle in scope with its person's name (a few dozen bytes a person: bounded by
	 * the sales force, decision 0021); the lines, which are what grows (people times criteria), and the figures they
	 * are scored on are read and handed on a thousand scorecards at a time.
	 */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, long cycleId, Consumer<Result> sink) {
		EvaluationCycle cycle = cycles.load(actor, cycleId);
		EvaluationTemplate template = templates.find(cycle.templateId()).orElseThrow();
		Map<String, Object> params = new HashMap<>();
		params.put("cycle", cycleId);
		List<Scorecard> cards = store.scorecards(" WHERE s.cycle_id = :cycle AND "
				+ scopes.of(actor).sql("s.unit_id", "s.staff_id", params) + " ORDER BY s.id", params);
		Map<Long, String> names = org.staffNames(cards.stream().map(Scorecard::staffId).toList());
		Map<Long, String> units = org.unitNames(cards.stream().map(Scorecard::unitId).distinct().toList());
		List<Scorecard> ordered = cards.stream()
			.sorted(java.util.Comparator.comparing((Scorecard c) -> names.getOrDefault(c.staffId(), ""))
				.thenComparing(Scorecard::id))
			.toList();
		boolean live = cycle.state() == CycleState.OPEN;
		FiscalPeriod period = FiscalPeriod.days(cycle.startsOn(), cycle.endsOn());
		int fiscalYear = calendar.years().yearOf(cycle.startsOn());
		for (int from = 0; from < ordered.size(); from += ExportCursor.BATCH) {
			List<Scorecard> batch = ordered.subList(from, Math.min(ordered.size(), from + ExportCursor.BATCH));
			Map<Long, ScoreSheet.Figures> today = live ? figures.read(template.details().criteria(), period,
					fiscalYear, batch.stream().map(Scorecard::staffId).toList()) : Map.of();
			Map<Long, Map<Integer, CycleStore.KeptLine>> kept = live ? Map.of()
					: store.lines(batch.stream().map(Scorecard::id).toList());
			for (Scorecard card : batch) {
				List<Line> lines = live
						? ScoreSheet.lines(template.details(),
								today.getOrDefault(card.staffId(), ScoreSheet.Figures.NONE), Map.of(), m -> null)
						: KeptSheet.lines(template.details(), kept.getOrDefault(card.id(), Map.of()), m -> null);
				BigDecimal score = card.score() != null ? card.score() : ScoreSheet.score(lines);
				for (Line line : lines) {
					sink.accept(new Result(card.id(), cycle.periodCode(), card.staffId(),
							names.getOrDefault(card.staffId(), "#" + card.staffId()), units.get(card.unitId()),
							card.state(), score, card.outcome(), line));
				}
			}
		}
	}
}
