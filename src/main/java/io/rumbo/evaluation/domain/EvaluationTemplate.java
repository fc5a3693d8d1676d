package io.rumbo.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.evaluation.TemplateState;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * A version of an evaluation template. It is written and rewritten as a draft, valid at every save
 * ({@link TemplateRules}); publication fixes the first day it scores, which must come after the day of publication
 * so that everyone knows the criteria before their period starts. A published version never changes: what changes is
 * a new version, published to score from a later day, which supersedes it (cycles already running keep theirs).
 */
public class EvaluationTemplate {

	private final @Nullable Long id;
	private final String code;
	private final int number;
	private TemplateDetails details;
	private TemplateState state;
	private @Nullable LocalDate validFrom;
	private final String createdBy;
	private final Instant createdAt;
	private @Nullable String publishedBy;
	private @Nullable Instant publishedAt;
	private final long version;

	EvaluationTemplate(@Nullable Long id, String code, int number, TemplateDetails details, TemplateState state,
			@Nullable LocalDate validFrom, String createdBy, Instant createdAt, @Nullable String publishedBy,
			@Nullable Instant publishedAt, long version) {
		this.id = id;
		this.code = code;
		this.number = number;
		this.details = details;
		this.state = state;
		this.validFrom = validFrom;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.publishedBy = publishedBy;
		this.publishedAt = publishedAt;
		this.version = version;
	}

	/** A new draft: version {@code number} of the template {@code code}. */
	public static EvaluationTemplate draft(String code, int number, TemplateDetails details, String by, Instant at) {
		TemplateRules.validate(details);
		return new EvaluationTemplate(null, code, number, details, TemplateState.DRAFT, null, by, at, null, null, 0);
	}

	/** Rewrites a draft; a published or superseded version is refused (a new version is the way to change it). */
	public void revise(TemplateDetails revised) {
		requireDraft();
		TemplateRules.validate(revised);
		this.details = revised;
	}

	/**
	 * Publishes the draft to score the periods from {@code from}, which must come after {@code today} and after the
	 * first day of the version it replaces ({@code previousFrom}, when there is one).
	 */
	public void publish(LocalDate from, LocalDate today, @Nullable LocalDate previousFrom, String by, Instant at) {
		requireDraft();
		if (!from.isAfter(today)) {
			throw ValidationFailedException.of("validFrom", "evaluation.template.validFrom.future", today);
		}
		if (previousFrom != null && !from.isAfter(previousFrom)) {
			throw ValidationFailedException.of("validFrom", "evaluation.template.validFrom.afterPrevious", previousFrom);
		}
		TemplateRules.validate(details);
		this.state = TemplateState.PUBLISHED;
		this.validFrom = from;
		this.publishedBy = by;
		this.publishedAt = at;
	}

	/** A later version was published: this one keeps scoring the cycles that started before it. */
	public void supersede() {
		if (state != TemplateState.PUBLISHED) {
			throw new ConflictException("evaluation.template.notPublished");
		}
		this.state = TemplateState.SUPERSEDED;
	}

	private void requireDraft() {
		if (state != TemplateState.DRAFT) {
			throw new ConflictException("evaluation.template.published");
		}
	}

	/** What the audit trail keeps of a version. */
	public Map<String, Object> auditState() {
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("code", code);
		audit.put("number", number);
		audit.put("name", details.name());
		audit.put("state", state.name());
		audit.put("validFrom", validFrom == null ? null : validFrom.toString());
		audit.put("criteria", details.criteria().stream().map(c -> c.name() + " " + c.weight() + " %").toList());
		return audit;
	}

	public @Nullable Long id() {
		return id;
	}

	public String code() {
		return code;
	}

	public int number() {
		return number;
	}

	public TemplateDetails details() {
		return details;
	}

	public TemplateState state() {
		return state;
	}

	public @Nullable LocalDate validFrom() {
		return validFrom;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable String publishedBy() {
		return publishedBy;
	}

	public @Nullable Instant publishedAt() {
		return publishedAt;
	}

	public long version() {
		return version;
	}
}
