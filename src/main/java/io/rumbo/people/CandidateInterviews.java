package io.rumbo.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.people.domain.RecruitmentQueries;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * Interviews of candidates (decision 0036): whoever reads the candidate (PEOPLE, the requisition's managers) records an
 * interview they held, with a verdict and scores from 1 to 5 against the requisition's copied requirements.
 */
@Service
public class CandidateInterviews {

	public static final int MIN_SCORE = 1;

	public static final int MAX_SCORE = 5;

	public record InterviewDetails(@Nullable LocalDate heldOn, @Nullable String notes,
			@Nullable Recommendation recommendation, @Nullable Map<Long, Integer> scores) {
	}

	private final Candidates candidates;
	private final RecruitmentQueries queries;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final Clock clock;

	CandidateInterviews(Candidates candidates, RecruitmentQueries queries, AuditTrail audit, JdbcClient jdbc,
			Clock clock) {
		this.candidates = candidates;
		this.queries = queries;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The user records an interview they held: a verdict and a score from 1 to 5 against any of the requisition's
	 * requirements (400 naming {@code scores} for a requirement of another requisition or a score out of range).
	 */
	@Transactional
	public CandidateDetail addInterview(CurrentUser actor, long id, InterviewDetails details) {
		CandidateView current = candidates.get(actor, id);
		if (current.terminal()) {
			throw new ConflictException("people.candidate.refused.interview", current.stage());
		}
		List<FieldError> errors = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		if (details.heldOn() == null) {
			errors.add(new FieldError("heldOn", "shared.validation.required"));
		}
		else if (details.heldOn().isAfter(today) || details.heldOn().isBefore(current.appliedOn())) {
			errors.add(new FieldError("heldOn", "people.candidate.interview.date"));
		}
		if (details.recommendation() == null) {
			errors.add(new FieldError("recommendation", "shared.validation.required"));
		}
		if (details.notes() != null && details.notes().length() > 2000) {
			errors.add(new FieldError("notes", "people.requisition.notes.long", 2000));
		}
		Map<Long, Integer> scores = details.scores() == null ? Map.of() : details.scores();
		Set<Long> requirementIds = queries.requirements(current.requisitionId()).stream().map(RequirementView::id)
			.collect(Collectors.toSet());
		for (Map.Entry<Long, Integer> score : scores.entrySet()) {
			if (!requirementIds.contains(score.getKey()) || score.getValue() == null || score.getValue() < MIN_SCORE
					|| score.getValue() > MAX_SCORE) {
				errors.add(new FieldError("scores", "people.candidate.interview.score", MIN_SCORE, MAX_SCORE));
				break;
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO people_interview (candidate_id, interviewer, interviewer_name, held_on, notes, "
				+ "recommendation) VALUES (:id, :by, :name, :on, :notes, :rec)").param("id", id)
			.param("by", actor.username()).param("name", actor.displayName()).param("on", details.heldOn())
			.param("notes", details.notes() == null || details.notes().isBlank() ? null : details.notes().trim())
			.param("rec", details.recommendation().name())
			.update(keys, "id");
		long interviewId = java.util.Objects.requireNonNull(keys.getKey()).longValue();
		scores.forEach((requirement, score) -> jdbc.sql("INSERT INTO people_interview_score (interview_id, "
				+ "requirement_id, score) VALUES (:i, :r, :s)").param("i", interviewId).param("r", requirement)
			.param("s", score).update());
		audit.record("CANDIDATE", id, "INTERVIEW", null, Map.of("recommendation", details.recommendation(),
				"scores", scores.size()), "#" + id);
		return candidates.detail(actor, id);
	}
}
