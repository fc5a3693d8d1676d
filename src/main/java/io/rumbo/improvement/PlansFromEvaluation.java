package io.rumbo.improvement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.Scorecards;
import io.rumbo.identity.CurrentUser;
import io.rumbo.improvement.ImprovementPlans.GoalDetails;
import io.rumbo.improvement.ImprovementPlans.PlanDetails;
import io.rumbo.improvement.ImprovementViews.PlanView;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;

/**
 * Improvement plans opened from a closed evaluation (decision 0017): the manager above the person starts from their
 * scorecard, and the draft carries its "points to improve" as goals (one per line of the feedback, checked by hand and
 * due at the plan's end until the manager gives each a measure and a deadline) and records the scorecard it answers.
 * This module reads the evaluation module's API ({@link Scorecards}, within the reader's scope: out of scope is "not
 * found"); the evaluation module knows nothing of plans.
 */
@Service
public class PlansFromEvaluation {

	/** The most goals a scorecard's points suggest; the manager may add more on the form. */
	public static final int MAX_GOALS = 10;

	private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*\\u2022\\u00B7]|\\d{1,2}[.)])\\s*");

	private final Scorecards scorecards;
	private final ImprovementPlans plans;
	private final MessageSource messages;
	private final Clock clock;

	PlansFromEvaluation(Scorecards scorecards, ImprovementPlans plans, MessageSource messages, Clock clock) {
		this.scorecards = scorecards;
		this.plans = plans;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The draft a closed scorecard suggests: the person, a title naming the cycle (in {@code locale}), the points to
	 * improve as the reason and as goals, twelve weeks from today with a check-in every two weeks.
	 */
	@Transactional(readOnly = true)
	public PlanDetails suggest(CurrentUser actor, long scorecardId, Locale locale) {
		ScorecardView card = source(actor, scorecardId);
		LocalDate today = LocalDate.now(clock);
		LocalDate end = today.plusWeeks(12);
		String improvements = Objects.requireNonNull(card.feedback()).improvements();
		List<GoalDetails> goals = points(improvements).stream()
			.map(point -> new GoalDetails(point, null, null, null, null, end))
			.toList();
		String title = messages.getMessage("improvement.fromScorecard.planTitle", new Object[] { card.cycleName() },
				locale);
		String reason = improvements == null ? null
				: improvements.strip().substring(0, Math.min(2000, improvements.strip().length()));
		return new PlanDetails(card.staffId(), title, reason, today, end, 14, goals, List.of());
	}

	/** Opens the draft for the scorecard's person (whatever person the details name) and records where it came from. */
	@Transactional
	public PlanView open(CurrentUser actor, long scorecardId, PlanDetails details) {
		ScorecardView card = source(actor, scorecardId);
		return plans.open(actor, new PlanDetails(card.staffId(), details.title(), details.reason(), details.startsOn(),
				details.endsOn(), details.checkInEveryDays(), details.goals(), details.supports()), scorecardId);
	}

	/** Whether the reader may open a plan from this scorecard (the manager above the person, once closed). */
	public boolean mayOpenFrom(CurrentUser actor, ScorecardView card) {
		return card.cycleState() == CycleState.CLOSED && card.feedback() != null && ImprovementQueries.mayOpen(actor)
				&& scorecards.mayReview(actor, card);
	}

	private ScorecardView source(CurrentUser actor, long scorecardId) {
		ScorecardView card = scorecards.get(actor, scorecardId);
		if (!ImprovementQueries.mayOpen(actor) || !scorecards.mayReview(actor, card)) {
			throw new AccessRefusedException("improvement");
		}
		if (card.cycleState() != CycleState.CLOSED || card.feedback() == null) {
			throw new ConflictException("improvement.fromScorecard.notClosed");
		}
		return card;
	}

	/** The points to improve, one per line, without their bullets or numbers, each cut to a goal's 200 characters. */
	static List<String> points(@Nullable String improvements) {
		List<String> points = new ArrayList<>();
		if (improvements == null) {
			return points;
		}
		for (String line : improvements.split("\\R")) {
			String point = BULLET.matcher(line).replaceFirst("").strip();
			if (!point.isEmpty() && points.size() < MAX_GOALS) {
				points.add(point.length() > 200 ? point.substring(0, 200) : point);
			}
		}
		return points;
	}
}
