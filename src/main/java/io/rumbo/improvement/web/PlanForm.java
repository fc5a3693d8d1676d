package io.rumbo.improvement.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.improvement.Comparison;
import io.rumbo.improvement.Grain;
import io.rumbo.improvement.ImprovementPlans;
import io.rumbo.improvement.ImprovementViews.PlanView;
import io.rumbo.improvement.SupportKind;
import io.rumbo.shared.web.Formats;

/**
 * The plan form: the plan's details, its goal rows and support rows (one row of each to start with; the form adds and
 * removes rows through htmx, {@link #addRow} and {@link #removeRow}); rows left without a name or a description are
 * not part of the plan. Targets are typed in the reader's language. {@code scorecardId}: the closed scorecard a plan
 * is opened from, if any.
 */
class PlanForm {

	/** The rows a form keeps: the goals' and the supports'. */
	enum Rows {
		GOALS, SUPPORTS
	}

	static class GoalRow {

		private @Nullable String name;
		private @Nullable String measure;
		private @Nullable Comparison comparison;
		private @Nullable String target;
		private @Nullable Grain grain;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate dueOn;

		static GoalRow of(@Nullable String name, @Nullable String measure, @Nullable Comparison comparison,
				@Nullable String target, @Nullable Grain grain, @Nullable LocalDate dueOn) {
			GoalRow row = new GoalRow();
			row.name = name;
			row.measure = measure;
			row.comparison = comparison;
			row.target = target;
			row.grain = grain;
			row.dueOn = dueOn;
			return row;
		}

		public @Nullable String getName() { return name; }
		public void setName(@Nullable String name) { this.name = name; }
		public @Nullable String getMeasure() { return measure; }
		public void setMeasure(@Nullable String measure) { this.measure = measure; }
		public @Nullable Comparison getComparison() { return comparison; }
		public void setComparison(@Nullable Comparison comparison) { this.comparison = comparison; }
		public @Nullable String getTarget() { return target; }
		public void setTarget(@Nullable String target) { this.target = target; }
		public @Nullable Grain getGrain() { return grain; }
		public void setGrain(@Nullable Grain grain) { this.grain = grain; }
		public @Nullable LocalDate getDueOn() { return dueOn; }
		public void setDueOn(@Nullable LocalDate dueOn) { this.dueOn = dueOn; }
	}

	static class SupportRow {

		private @Nullable SupportKind kind;
		private @Nullable String description;
		private @Nullable Long sessionId;

		public @Nullable Long getSessionId() { return sessionId; }
		public void setSessionId(@Nullable Long sessionId) { this.sessionId = sessionId; }
		public @Nullable SupportKind getKind() { return kind; }
		public void setKind(@Nullable SupportKind kind) { this.kind = kind; }
		public @Nullable String getDescription() { return description; }
		public void setDescription(@Nullable String description) { this.description = description; }
	}

	private @Nullable Long scorecardId;
	private @Nullable Long staffId;
	private @Nullable String title;
	private @Nullable String reason;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate startsOn;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endsOn;
	private @Nullable Integer checkInEveryDays = 14;
	private List<GoalRow> goals = new ArrayList<>();
	private List<SupportRow> supports = new ArrayList<>();

	/** An empty form: a plan of twelve weeks from today, check-ins every two weeks. */
	static PlanForm blank(LocalDate today) {
		PlanForm form = new PlanForm();
		form.startsOn = today;
		form.endsOn = today.plusWeeks(12);
		form.fill();
		return form;
	}

	/** The form of a suggested plan (from a closed scorecard), to complete it. */
	static PlanForm of(ImprovementPlans.PlanDetails details, long scorecardId, Formats fmt) {
		PlanForm form = new PlanForm();
		form.scorecardId = scorecardId;
		form.staffId = details.staffId();
		form.title = details.title();
		form.reason = details.reason();
		form.startsOn = details.startsOn();
		form.endsOn = details.endsOn();
		form.checkInEveryDays = details.checkInEveryDays();
		details.goals().forEach(g -> form.goals.add(GoalRow.of(g.name(), g.measure(), g.comparison(),
				g.target() == null ? null : fmt.number(g.target()), g.grain(), g.dueOn())));
		form.fill();
		return form;
	}

	/** The form of a draft, to rewrite it. */
	static PlanForm of(PlanView plan, Formats fmt) {
		PlanForm form = new PlanForm();
		form.staffId = plan.staffId();
		form.title = plan.title();
		form.reason = plan.reason();
		form.startsOn = plan.startsOn();
		form.endsOn = plan.endsOn();
		form.checkInEveryDays = plan.checkInEveryDays();
		plan.goals().forEach(g -> form.goals.add(GoalRow.of(g.name(), g.metric(), g.comparison(),
				g.target() == null ? null : fmt.number(g.target()), g.grain(), g.dueOn())));
		plan.supports().forEach(s -> {
			SupportRow row = new SupportRow();
			row.kind = s.kind();
			row.description = s.description();
			row.sessionId = s.sessionId();
			form.supports.add(row);
		});
		form.fill();
		return form;
	}

	/** At least one row of each, so the form always shows where to write. */
	private void fill() {
		if (goals.isEmpty()) {
			goals.add(new GoalRow());
		}
		if (supports.isEmpty()) {
			supports.add(new SupportRow());
		}
	}

	/** One more empty row at the end (the "add" button). */
	void addRow(Rows rows) {
		compact();
		if (rows == Rows.GOALS) {
			goals.add(new GoalRow());
		}
		else {
			supports.add(new SupportRow());
		}
	}

	/** Without the row at {@code index} (a "remove" button); the rows after it move up. */
	void removeRow(Rows rows, int index) {
		compact();
		List<?> list = rows == Rows.GOALS ? goals : supports;
		if (index >= 0 && index < list.size()) {
			list.remove(index);
		}
		fill();
	}

	/** Rows the browser did not send (a gap in the indexes) bind as nulls: drop them. */
	private void compact() {
		goals.removeIf(java.util.Objects::isNull);
		supports.removeIf(java.util.Objects::isNull);
	}

	/** The form row of each support the details hold (rows left empty are not sent), to put errors at their row. */
	private final List<Integer> supportRows = new ArrayList<>();

	/** A field of the details ({@code supports[1].sessionId}) as the form names it (the row it came from). */
	String formField(String field) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("^supports\\[(\\d+)\\](.*)$").matcher(field);
		if (m.matches() && Integer.parseInt(m.group(1)) < supportRows.size()) {
			return "supports[" + supportRows.get(Integer.parseInt(m.group(1))) + "]" + m.group(2);
		}
		return field;
	}

	/** The sessions the plan's training actions already name (offered in the picker whatever their seats). */
	List<Long> sessionIds() {
		return supports.stream().filter(java.util.Objects::nonNull).map(SupportRow::getSessionId)
			.filter(java.util.Objects::nonNull).toList();
	}

	ImprovementPlans.PlanDetails details(Formats fmt) {
		compact();
		List<ImprovementPlans.GoalDetails> goalDetails = new ArrayList<>();
		for (int i = 0; i < goals.size(); i++) {
			GoalRow g = goals.get(i);
			if (g.name != null && !g.name.isBlank()) {
				goalDetails.add(new ImprovementPlans.GoalDetails(g.name, g.measure, g.comparison,
						fmt.parseField("goals[" + i + "].target", g.target), g.grain, g.dueOn == null ? endsOn
								: g.dueOn));
			}
		}
		List<ImprovementPlans.SupportDetails> supportDetails = new ArrayList<>();
		supportRows.clear();
		for (int i = 0; i < supports.size(); i++) {
			SupportRow s = supports.get(i);
			if ((s.description != null && !s.description.isBlank()) || s.sessionId != null) {
				supportDetails.add(new ImprovementPlans.SupportDetails(s.kind, s.description, s.sessionId));
				supportRows.add(i);
			}
		}
		return new ImprovementPlans.PlanDetails(staffId, title, reason, startsOn, endsOn, checkInEveryDays, goalDetails,
				supportDetails);
	}

	public @Nullable Long getScorecardId() { return scorecardId; }
	public void setScorecardId(@Nullable Long scorecardId) { this.scorecardId = scorecardId; }
	public @Nullable Long getStaffId() { return staffId; }
	public void setStaffId(@Nullable Long staffId) { this.staffId = staffId; }
	public @Nullable String getTitle() { return title; }
	public void setTitle(@Nullable String title) { this.title = title; }
	public @Nullable String getReason() { return reason; }
	public void setReason(@Nullable String reason) { this.reason = reason; }
	public @Nullable LocalDate getStartsOn() { return startsOn; }
	public void setStartsOn(@Nullable LocalDate startsOn) { this.startsOn = startsOn; }
	public @Nullable LocalDate getEndsOn() { return endsOn; }
	public void setEndsOn(@Nullable LocalDate endsOn) { this.endsOn = endsOn; }
	public @Nullable Integer getCheckInEveryDays() { return checkInEveryDays; }
	public void setCheckInEveryDays(@Nullable Integer checkInEveryDays) { this.checkInEveryDays = checkInEveryDays; }
	public List<GoalRow> getGoals() { return goals; }
	public void setGoals(List<GoalRow> goals) { this.goals = goals; }
	public List<SupportRow> getSupports() { return supports; }
	public void setSupports(List<SupportRow> supports) { this.supports = supports; }
}
