package io.rumbo.lessons.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.customers.Segment;
import io.rumbo.lessons.LessonOutcome;
import io.rumbo.lessons.LessonStatus;
import io.rumbo.shared.domain.ConflictException;

/**
 * A lesson: written by its author (with their staff record and unit at the time, for data scope), rewritten only by
 * them while it is a draft; promoted once to a success case shared with a unit's subtree, and archived rather than
 * deleted. Every transition is guarded here; a refused one changes nothing (409).
 */
@Entity
@Table(name = "lessons_lesson")
public class Lesson {

	/** At most this many tags, each at most {@link #TAG_LENGTH} characters. */
	public static final int MAX_TAGS = 10;

	public static final int TAG_LENGTH = 40;

	/** What a lesson says and what it is about, as the author writes it. */
	public record Content(String title, String whatHappened, String why, @Nullable String advice,
			LessonOutcome outcome, @Nullable String language, @Nullable Long opportunityId, @Nullable Long customerId,
			@Nullable Long strategyId, @Nullable Long productLineId, @Nullable Segment segment,
			@Nullable Long scorecardId, List<String> tags) {
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String title;

	private String whatHappened;

	@Column(name = "why_text")
	private String why;

	private @Nullable String advice;

	@Enumerated(EnumType.STRING)
	private LessonOutcome outcome;

	private @Nullable String language;

	private String author;

	private String authorName;

	private @Nullable Long authorStaffId;

	private @Nullable Long authorUnitId;

	private LocalDate writtenOn;

	private @Nullable Long opportunityId;

	private @Nullable Long customerId;

	private @Nullable Long strategyId;

	private @Nullable Long productLineId;

	@Enumerated(EnumType.STRING)
	private @Nullable Segment segment;

	private @Nullable Long scorecardId;

	/** The tags joined by spaces, for the search text (the tag table is what filters read). */
	private @Nullable String tagsText;

	@ElementCollection
	@CollectionTable(name = "lessons_lesson_tag", joinColumns = @JoinColumn(name = "lesson_id"))
	@Column(name = "tag")
	private Set<String> tags = new LinkedHashSet<>();

	@Enumerated(EnumType.STRING)
	private LessonStatus status;

	private @Nullable Long sharedUnitId;

	private @Nullable String sharedBy;

	private @Nullable LocalDate sharedOn;

	private int usefulCount;

	@Version
	private long version;

	protected Lesson() {
		this.title = "";
		this.whatHappened = "";
		this.why = "";
		this.outcome = LessonOutcome.WORKED;
		this.author = "";
		this.authorName = "";
		this.writtenOn = LocalDate.MIN;
		this.status = LessonStatus.DRAFT;
	}

	public Lesson(String author, String authorName, @Nullable Long authorStaffId, @Nullable Long authorUnitId,
			LocalDate writtenOn) {
		this();
		this.author = author;
		this.authorName = authorName;
		this.authorStaffId = authorStaffId;
		this.authorUnitId = authorUnitId;
		this.writtenOn = writtenOn;
	}

	/** Tags as stored: trimmed, lower case, without repeats or blanks, in the order given. */
	public static List<String> normalTags(@Nullable List<String> tags) {
		Set<String> normal = new LinkedHashSet<>();
		if (tags != null) {
			for (String tag : tags) {
				if (tag != null && !tag.isBlank()) {
					normal.add(tag.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"));
				}
			}
		}
		return new ArrayList<>(normal);
	}

	/** Writes (or rewrites) the lesson; only a draft is rewritten. The content was validated by the service. */
	public void write(Content content) {
		if (status != LessonStatus.DRAFT) {
			throw new ConflictException("lessons.lesson.notDraft");
		}
		this.title = content.title();
		this.whatHappened = content.whatHappened();
		this.why = content.why();
		this.advice = content.advice();
		this.outcome = content.outcome();
		this.language = content.language();
		this.opportunityId = content.opportunityId();
		this.customerId = content.customerId();
		this.strategyId = content.strategyId();
		this.productLineId = content.productLineId();
		this.segment = content.segment();
		this.scorecardId = content.scorecardId();
		this.tags.clear();
		this.tags.addAll(normalTags(content.tags()));
		this.tagsText = tags.isEmpty() ? null : String.join(" ", tags);
	}

	/** Promotes the draft to a success case shared with the unit's subtree. */
	public void share(long unitId, String sharedBy, LocalDate today) {
		if (status != LessonStatus.DRAFT) {
			throw new ConflictException("lessons.lesson.alreadyPromoted");
		}
		this.status = LessonStatus.SHARED;
		this.sharedUnitId = unitId;
		this.sharedBy = sharedBy;
		this.sharedOn = today;
	}

	/** Takes a success case back from its scope: it stays, read-only, for its author and managers. */
	public void archive() {
		if (status != LessonStatus.SHARED) {
			throw new ConflictException("lessons.lesson.notShared");
		}
		this.status = LessonStatus.ARCHIVED;
	}

	/** The useful count after a mark was added ({@code +1}) or taken back ({@code -1}). */
	public void countUseful(int delta) {
		if (status != LessonStatus.SHARED) {
			throw new ConflictException("lessons.lesson.notShared");
		}
		this.usefulCount = Math.max(0, usefulCount + delta);
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", title);
		state.put("outcome", outcome);
		state.put("status", status);
		state.put("opportunityId", opportunityId);
		state.put("customerId", customerId);
		state.put("strategyId", strategyId);
		state.put("productLineId", productLineId);
		state.put("segment", segment);
		state.put("scorecardId", scorecardId);
		state.put("tags", List.copyOf(tags));
		state.put("sharedUnitId", sharedUnitId);
		return state;
	}

	public long id() {
		return java.util.Objects.requireNonNull(id);
	}

	public long version() {
		return version;
	}

	public String title() {
		return title;
	}

	public String author() {
		return author;
	}

	public @Nullable Long authorStaffId() {
		return authorStaffId;
	}

	public @Nullable Long authorUnitId() {
		return authorUnitId;
	}

	public LessonStatus status() {
		return status;
	}

	public @Nullable Long sharedUnitId() {
		return sharedUnitId;
	}
}
