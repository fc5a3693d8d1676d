package io.rumbo.review.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.jspecify.annotations.Nullable;

import io.rumbo.review.Verdict;

/** The reviewer's verdict on one strategy and the conclusion that explains it. */
@Embeddable
public class StrategyVerdict {

	@Enumerated(EnumType.STRING)
	private Verdict verdict;

	private @Nullable String conclusion;

	protected StrategyVerdict() {
		this.verdict = Verdict.PARTLY;
	}

	public StrategyVerdict(Verdict verdict, @Nullable String conclusion) {
		this.verdict = verdict;
		this.conclusion = conclusion;
	}

	public Verdict verdict() {
		return verdict;
	}

	public @Nullable String conclusion() {
		return conclusion;
	}
}
