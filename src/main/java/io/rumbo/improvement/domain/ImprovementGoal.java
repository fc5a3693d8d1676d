package io.rumbo.improvement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import io.rumbo.improvement.Comparison;
import io.rumbo.improvement.Grain;
import io.rumbo.metrics.Metric;

/**
 * A named point to improve with its deadline: measured by a measure of the metrics catalogue (metric, comparison,
 * target, grain) or, without a metric, checked by hand ({@code progress} % as the last check-in recorded it). Part of
 * its plan's aggregate: only the plan changes it.
 */
@Entity
@Table(name = "improvement_goal")
public class ImprovementGoal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private @Nullable Metric metric;

	@Enumerated(EnumType.STRING)
	private @Nullable Comparison comparison;

	private @Nullable BigDecimal target;

	@Enumerated(EnumType.STRING)
	private @Nullable Grain grain;

	private LocalDate dueOn;

	private BigDecimal progress;

	protected ImprovementGoal() {
		this.name = "";
		this.dueOn = LocalDate.MIN;
		this.progress = BigDecimal.ZERO;
	}

	ImprovementGoal(GoalDraft draft) {
		this.name = draft.name();
		this.metric = draft.metric();
		this.comparison = draft.metric() == null ? null : draft.comparison();
		this.target = draft.metric() == null ? null : draft.target();
		this.grain = draft.metric() == null ? null : draft.grain();
		this.dueOn = draft.dueOn();
		this.progress = BigDecimal.ZERO;
	}

	/** A goal as the plan's form or request gives it; a goal without a metric is checked by hand. */
	public record GoalDraft(String name, @Nullable Metric metric, @Nullable Comparison comparison,
			@Nullable BigDecimal target, @Nullable Grain grain, LocalDate dueOn) {
	}

	void progress(BigDecimal percent) {
		this.progress = percent;
	}

	void moveDeadline(LocalDate from, LocalDate to) {
		if (dueOn.equals(from)) {
			this.dueOn = to;
		}
	}

	public boolean manual() {
		return metric == null;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Goal not saved yet");
		}
		return id;
	}

	public String name() {
		return name;
	}

	public LocalDate dueOn() {
		return dueOn;
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", name);
		state.put("metric", metric == null ? null : metric.code());
		state.put("comparison", comparison);
		state.put("target", target == null ? null : target.toPlainString());
		state.put("grain", grain);
		state.put("dueOn", dueOn.toString());
		state.put("progress", progress.toPlainString());
		return state;
	}
}
