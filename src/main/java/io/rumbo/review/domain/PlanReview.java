package io.rumbo.review.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.review.ReviewState;
import io.rumbo.review.Verdict;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * A review of a plan period for a unit's subtree. While DRAFT the reviewer rewrites its title, summary, the
 * explanation of the gap per unit and the verdict per strategy; sharing it is the only transition and it is final:
 * a shared review refuses every change (409). The figures frozen at sharing are kept beside it
 * ({@link FrozenFigures}).
 */
@Entity
@Table(name = "review_plan_review")
public class PlanReview {

	public static final int TEXT_MAX = 4000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long planId;

	private int fiscalYear;

	/** The period within the plan's year: {@code Y} or {@code Q1}-{@code Q4}. */
	private String periodCode;

	private long unitId;

	private String title;

	private @Nullable String summary;

	@Enumerated(EnumType.STRING)
	private ReviewState state;

	private String createdBy;

	private LocalDate createdOn;

	private @Nullable String sharedBy;

	private @Nullable LocalDate sharedOn;

	@ElementCollection
	@CollectionTable(name = "review_unit_note", joinColumns = @JoinColumn(name = "review_id"))
	@MapKeyColumn(name = "unit_id")
	@Column(name = "explanation")
	private Map<Long, String> explanations = new HashMap<>();

	@ElementCollection
	@CollectionTable(name = "review_strategy_verdict", joinColumns = @JoinColumn(name = "review_id"))
	@MapKeyColumn(name = "strategy_id")
	private Map<Long, StrategyVerdict> verdicts = new HashMap<>();

	@Version
	private long version;

	protected PlanReview() {
		this.periodCode = "Y";
		this.title = "";
		this.state = ReviewState.DRAFT;
		this.createdBy = "";
		this.createdOn = LocalDate.MIN;
	}

	public PlanReview(long planId, int fiscalYear, String periodCode, long unitId, String title, String createdBy,
			LocalDate createdOn) {
		this();
		this.planId = planId;
		this.fiscalYear = fiscalYear;
		this.periodCode = periodCode;
		this.unitId = unitId;
		this.createdBy = createdBy;
		this.createdOn = createdOn;
		retitle(title, null);
	}

	/** Rewrites the title and the summary of a draft. */
	public void retitle(@Nullable String title, @Nullable String summary) {
		requireDraft();
		if (title == null || title.isBlank()) {
			throw ValidationFailedException.of("title", "review.title.required");
		}
		if (title.trim().length() > 200) {
			throw ValidationFailedException.of("title", "review.text.tooLong", 200);
		}
		this.title = title.trim();
		this.summary = text("summary", summary);
	}

	/** The reviewer's explanation of a unit's gap; blank removes it. */
	public void explain(long unitId, @Nullable String explanation) {
		requireDraft();
		String text = text("explanations", explanation);
		if (text == null) {
			explanations.remove(unitId);
		}
		else {
			explanations.put(unitId, text);
		}
	}

	/** The reviewer's verdict on a strategy with the conclusion; no verdict removes it. */
	public void judge(long strategyId, @Nullable Verdict verdict, @Nullable String conclusion) {
		requireDraft();
		if (verdict == null) {
			verdicts.remove(strategyId);
			return;
		}
		verdicts.put(strategyId, new StrategyVerdict(verdict, text("verdicts", conclusion)));
	}

	/** Shares the draft: final. */
	public void share(String by, LocalDate on) {
		requireDraft();
		this.state = ReviewState.SHARED;
		this.sharedBy = by;
		this.sharedOn = on;
	}

	private void requireDraft() {
		if (state != ReviewState.DRAFT) {
			throw new ConflictException("review.notDraft");
		}
	}

	private static @Nullable String text(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.trim().length() > TEXT_MAX) {
			throw ValidationFailedException.of(field, "review.text.tooLong", TEXT_MAX);
		}
		return text.trim();
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public long planId() {
		return planId;
	}

	public int fiscalYear() {
		return fiscalYear;
	}

	public String periodCode() {
		return periodCode;
	}

	public long unitId() {
		return unitId;
	}

	public String title() {
		return title;
	}

	public @Nullable String summary() {
		return summary;
	}

	public ReviewState state() {
		return state;
	}

	public String createdBy() {
		return createdBy;
	}

	public LocalDate createdOn() {
		return createdOn;
	}

	public @Nullable String sharedBy() {
		return sharedBy;
	}

	public @Nullable LocalDate sharedOn() {
		return sharedOn;
	}

	public Map<Long, String> explanations() {
		return Map.copyOf(explanations);
	}

	public Map<Long, StrategyVerdict> verdicts() {
		return Map.copyOf(verdicts);
	}

	public long version() {
		return version;
	}
}
