package io.rumbo.people;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A candidate's page: who they are, their document links and uploaded files (decision 0040), interviews with scores,
 * and the requirements scored.
 */
@Schema(name = "PeopleCandidateDetail")
public record CandidateDetail(CandidateView candidate, List<Document> documents, List<FileView> files,
		List<Interview> interviews, List<RequirementView> requirements) {

	@Schema(name = "PeopleCandidateDocument")
	public record Document(long id, DocumentKind kind, String title, String url, String addedBy, LocalDate addedOn) {
	}

	@Schema(name = "PeopleInterview")
	public record Interview(long id, String interviewer, String interviewerName, LocalDate heldOn,
			@Nullable String notes, Recommendation recommendation, List<Score> scores) {
	}

	@Schema(name = "PeopleInterviewScore")
	public record Score(long requirementId, String qualificationName, int score) {
	}
}
