package io.rumbo.lessons;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.customers.Segment;

/**
 * A lesson as lists, pages and the API show it, with the names of what it is linked to; {@code usefulCount} counts the
 * "useful" marks, {@code markedUseful} whether the reader gave one.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "LessonsLessonView")
public record LessonView(long id, long version, String title, String whatHappened, String why,
		@Nullable String advice, LessonOutcome outcome, @Nullable String language, String author, String authorName,
		@Nullable Long authorStaffId, @Nullable Long authorUnitId, LocalDate writtenOn, @Nullable Long opportunityId,
		@Nullable String opportunityTitle, @Nullable Long customerId, @Nullable String customerName,
		@Nullable Long strategyId, @Nullable String strategyName, @Nullable Long productLineId,
		@Nullable String productLineName, @Nullable Segment segment, @Nullable Long scorecardId, List<String> tags,
		LessonStatus status, @Nullable Long sharedUnitId, @Nullable String sharedUnitName, @Nullable String sharedBy,
		@Nullable LocalDate sharedOn, int usefulCount, boolean markedUseful) {
}
