package io.rumbo.lessons.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.customers.Segment;
import io.rumbo.lessons.LessonOutcome;
import io.rumbo.lessons.LessonView;
import io.rumbo.lessons.Lessons;

/** The lesson form as the page binds it; tags typed separated by commas. */
public class LessonForm {

	private @Nullable String title;
	private @Nullable String whatHappened;
	private @Nullable String why;
	private @Nullable String advice;
	private @Nullable LessonOutcome outcome;
	private @Nullable String language;
	private @Nullable Long opportunityId;
	private @Nullable Long customerId;
	private @Nullable Long strategyId;
	private @Nullable Long productLineId;
	private @Nullable Segment segment;
	private @Nullable Long scorecardId;
	private @Nullable String tags;

	static LessonForm of(LessonView l) {
		LessonForm form = new LessonForm();
		form.title = l.title();
		form.whatHappened = l.whatHappened();
		form.why = l.why();
		form.advice = l.advice();
		form.outcome = l.outcome();
		form.language = l.language();
		form.opportunityId = l.opportunityId();
		form.customerId = l.customerId();
		form.strategyId = l.strategyId();
		form.productLineId = l.productLineId();
		form.segment = l.segment();
		form.scorecardId = l.scorecardId();
		form.tags = String.join(", ", l.tags());
		return form;
	}

	Lessons.LessonDetails details() {
		List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::trim)
			.filter(t -> !t.isEmpty()).toList();
		return new Lessons.LessonDetails(title, whatHappened, why, advice, outcome, language, opportunityId, customerId,
				strategyId, productLineId, segment, scorecardId, tagList);
	}

	public @Nullable String getTitle() { return title; }
	public void setTitle(@Nullable String v) { title = v; }
	public @Nullable String getWhatHappened() { return whatHappened; }
	public void setWhatHappened(@Nullable String v) { whatHappened = v; }
	public @Nullable String getWhy() { return why; }
	public void setWhy(@Nullable String v) { why = v; }
	public @Nullable String getAdvice() { return advice; }
	public void setAdvice(@Nullable String v) { advice = v; }
	public @Nullable LessonOutcome getOutcome() { return outcome; }
	public void setOutcome(@Nullable LessonOutcome v) { outcome = v; }
	public @Nullable String getLanguage() { return language; }
	public void setLanguage(@Nullable String v) { language = v; }
	public @Nullable Long getOpportunityId() { return opportunityId; }
	public void setOpportunityId(@Nullable Long v) { opportunityId = v; }
	public @Nullable Long getCustomerId() { return customerId; }
	public void setCustomerId(@Nullable Long v) { customerId = v; }
	public @Nullable Long getStrategyId() { return strategyId; }
	public void setStrategyId(@Nullable Long v) { strategyId = v; }
	public @Nullable Long getProductLineId() { return productLineId; }
	public void setProductLineId(@Nullable Long v) { productLineId = v; }
	public @Nullable Segment getSegment() { return segment; }
	public void setSegment(@Nullable Segment v) { segment = v; }
	public @Nullable Long getScorecardId() { return scorecardId; }
	public void setScorecardId(@Nullable Long v) { scorecardId = v; }
	public @Nullable String getTags() { return tags; }
	public void setTags(@Nullable String v) { tags = v; }
}
