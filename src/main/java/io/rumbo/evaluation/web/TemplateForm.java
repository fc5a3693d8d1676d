package io.rumbo.evaluation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.rumbo.evaluation.Cadence;
import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.Focus;
import io.rumbo.evaluation.ScoringMethod;
import io.rumbo.evaluation.TargetKind;
import io.rumbo.evaluation.TemplateViews.Band;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.TemplateViews.Level;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.evaluation.TemplateViews.TemplateView;
import io.rumbo.organization.JobRole;
import io.rumbo.shared.web.Formats;

/**
 * The template authoring form: the template's details and its criteria, each with its bands (a quantitative criterion
 * scored in bands) or its levels (a qualitative one). Rows are added and removed through htmx ({@link #change}); the
 * numbers are typed in the reader's language and read by {@link Formats#parseField}, so a malformed one is an error
 * at its field. What the template must be is {@code TemplateRules}', checked by the facade on every save.
 */
class TemplateForm {

	/** What an htmx request changes in the rows; {@code REFRESH} only redraws them (a kind or method chosen). */
	enum Change {
		ADD_CRITERION, REMOVE_CRITERION, ADD_BAND, REMOVE_BAND, ADD_LEVEL, REMOVE_LEVEL, REFRESH
	}

	static class BandRow {

		private @Nullable String fromPercent;
		private @Nullable String creditPercent;

		public @Nullable String getFromPercent() { return fromPercent; }
		public void setFromPercent(@Nullable String fromPercent) { this.fromPercent = fromPercent; }
		public @Nullable String getCreditPercent() { return creditPercent; }
		public void setCreditPercent(@Nullable String creditPercent) { this.creditPercent = creditPercent; }
	}

	static class LevelRow {

		private @Nullable String description;

		public @Nullable String getDescription() { return description; }
		public void setDescription(@Nullable String description) { this.description = description; }
	}

	static class CriterionRow {

		private @Nullable String name;
		private CriterionKind kind = CriterionKind.QUANTITATIVE;
		private @Nullable Focus focus = Focus.RESULTS;
		private @Nullable String weight;
		private @Nullable String measure;
		private @Nullable TargetKind target = TargetKind.QUOTA;
		private @Nullable String targetValue;
		private ScoringMethod method = ScoringMethod.LINEAR;
		private @Nullable String capPercent;
		private @Nullable String thresholdPercent;
		private List<BandRow> bands = new ArrayList<>();
		private List<LevelRow> levels = new ArrayList<>();

		/** Each kind shows at least what it needs to be written: two levels, one band. */
		void fill() {
			bands.removeIf(Objects::isNull);
			levels.removeIf(Objects::isNull);
			if (kind == CriterionKind.QUALITATIVE) {
				while (levels.size() < 2) {
					levels.add(new LevelRow());
				}
			}
			else if (method == ScoringMethod.BANDS && bands.isEmpty()) {
				bands.add(new BandRow());
			}
		}

		Criterion criterion(int index, Formats fmt) {
			String at = "criteria[" + index + "].";
			BigDecimal weightValue = fmt.parseField(at + "weight", weight);
			if (kind == CriterionKind.QUALITATIVE) {
				List<Level> written = new ArrayList<>();
				for (LevelRow l : levels) {
					written.add(new Level(written.size() + 1, l.description == null ? "" : l.description.strip()));
				}
				return new Criterion(text(name), kind, focus, weightValue, null, null, null, null, null, null, null,
						written);
			}
			List<Band> written = new ArrayList<>();
			if (method == ScoringMethod.BANDS) {
				for (int b = 0; b < bands.size(); b++) {
					BandRow band = bands.get(b);
					written.add(new Band(fmt.parseField(at + "bands", band.fromPercent),
							fmt.parseField(at + "bands", band.creditPercent)));
				}
			}
			return new Criterion(text(name), kind, focus, weightValue, blank(measure), target,
					target == TargetKind.FIXED ? fmt.parseField(at + "targetValue", targetValue) : null, method,
					fmt.parseField(at + "capPercent", capPercent), fmt.parseField(at + "thresholdPercent",
							thresholdPercent),
					written, null);
		}

		static CriterionRow of(Criterion c, Formats fmt) {
			CriterionRow row = new CriterionRow();
			row.name = c.name();
			row.kind = c.kind();
			row.focus = c.focus();
			row.weight = number(c.weight(), fmt);
			row.measure = c.measure();
			row.target = c.target();
			row.targetValue = number(c.targetValue(), fmt);
			row.method = c.method() == null ? ScoringMethod.LINEAR : c.method();
			row.capPercent = number(c.capPercent(), fmt);
			row.thresholdPercent = number(c.thresholdPercent(), fmt);
			c.bandList().forEach(b -> {
				BandRow band = new BandRow();
				band.fromPercent = number(b.fromPercent(), fmt);
				band.creditPercent = number(b.creditPercent(), fmt);
				row.bands.add(band);
			});
			c.levelList().forEach(l -> {
				LevelRow level = new LevelRow();
				level.description = l.description();
				row.levels.add(level);
			});
			row.fill();
			return row;
		}

		public @Nullable String getName() { return name; }
		public void setName(@Nullable String name) { this.name = name; }
		public CriterionKind getKind() { return kind; }
		public void setKind(@Nullable CriterionKind kind) { this.kind = kind == null ? CriterionKind.QUANTITATIVE : kind; }
		public @Nullable Focus getFocus() { return focus; }
		public void setFocus(@Nullable Focus focus) { this.focus = focus; }
		public @Nullable String getWeight() { return weight; }
		public void setWeight(@Nullable String weight) { this.weight = weight; }
		public @Nullable String getMeasure() { return measure; }
		public void setMeasure(@Nullable String measure) { this.measure = measure; }
		public @Nullable TargetKind getTarget() { return target; }
		public void setTarget(@Nullable TargetKind target) { this.target = target; }
		public @Nullable String getTargetValue() { return targetValue; }
		public void setTargetValue(@Nullable String targetValue) { this.targetValue = targetValue; }
		public ScoringMethod getMethod() { return method; }
		public void setMethod(@Nullable ScoringMethod method) { this.method = method == null ? ScoringMethod.LINEAR : method; }
		public @Nullable String getCapPercent() { return capPercent; }
		public void setCapPercent(@Nullable String capPercent) { this.capPercent = capPercent; }
		public @Nullable String getThresholdPercent() { return thresholdPercent; }
		public void setThresholdPercent(@Nullable String thresholdPercent) { this.thresholdPercent = thresholdPercent; }
		public List<BandRow> getBands() { return bands; }
		public void setBands(List<BandRow> bands) { this.bands = bands; }
		public List<LevelRow> getLevels() { return levels; }
		public void setLevels(List<LevelRow> levels) { this.levels = levels; }
	}

	private @Nullable String name;
	private @Nullable String description;
	private Cadence cadence = Cadence.QUARTERLY;
	private @Nullable JobRole populationRole = JobRole.SALESPERSON;
	private @Nullable Long populationUnitId;
	private int scaleMax = 10;
	private List<CriterionRow> criteria = new ArrayList<>();

	/** A new template: one quantitative criterion to start from. */
	static TemplateForm blank() {
		TemplateForm form = new TemplateForm();
		form.criteria.add(new CriterionRow());
		return form;
	}

	/** The form of a draft, to rewrite it. */
	static TemplateForm of(TemplateView template, Formats fmt) {
		TemplateForm form = new TemplateForm();
		form.name = template.name();
		form.description = template.description();
		form.cadence = template.cadence();
		form.populationRole = template.populationRole();
		form.populationUnitId = template.populationUnitId();
		form.scaleMax = template.scaleMax();
		template.criteria().forEach(c -> form.criteria.add(CriterionRow.of(c, fmt)));
		return form;
	}

	/** Adds or removes a row: {@code criterion} is the criterion's index, {@code row} the band's or level's. */
	void change(Change change, @Nullable Integer criterion, @Nullable Integer row) {
		criteria.removeIf(Objects::isNull);
		CriterionRow at = criterion == null || criterion < 0 || criterion >= criteria.size() ? null
				: criteria.get(criterion);
		switch (change) {
			case ADD_CRITERION -> criteria.add(new CriterionRow());
			case REMOVE_CRITERION -> {
				if (at != null) {
					criteria.remove(at);
				}
			}
			case ADD_BAND -> {
				if (at != null) {
					at.bands.add(new BandRow());
				}
			}
			case ADD_LEVEL -> {
				if (at != null) {
					at.levels.add(new LevelRow());
				}
			}
			case REMOVE_BAND -> remove(at == null ? null : at.bands, row);
			case REMOVE_LEVEL -> remove(at == null ? null : at.levels, row);
			case REFRESH -> {
			}
		}
		fill();
	}

	void fill() {
		criteria.removeIf(Objects::isNull);
		criteria.forEach(CriterionRow::fill);
	}

	/** The weights typed so far (those that read as numbers), for the live total. */
	BigDecimal totalWeight(Formats fmt) {
		return criteria.stream().filter(Objects::nonNull).map(c -> fmt.parse(c.weight)).filter(Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	TemplateDetails details(Formats fmt) {
		fill();
		List<Criterion> written = new ArrayList<>();
		for (int i = 0; i < criteria.size(); i++) {
			written.add(criteria.get(i).criterion(i, fmt));
		}
		return new TemplateDetails(text(name), blank(description), cadence, populationRole, populationUnitId, scaleMax,
				written);
	}

	private static void remove(@Nullable List<?> rows, @Nullable Integer row) {
		if (rows != null && row != null && row >= 0 && row < rows.size()) {
			rows.remove((int) row);
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static @Nullable String number(@Nullable BigDecimal value, Formats fmt) {
		return value == null ? null : fmt.number(value);
	}

	public @Nullable String getName() { return name; }
	public void setName(@Nullable String name) { this.name = name; }
	public @Nullable String getDescription() { return description; }
	public void setDescription(@Nullable String description) { this.description = description; }
	public Cadence getCadence() { return cadence; }
	public void setCadence(@Nullable Cadence cadence) { this.cadence = cadence == null ? Cadence.QUARTERLY : cadence; }
	public @Nullable JobRole getPopulationRole() { return populationRole; }
	public void setPopulationRole(@Nullable JobRole populationRole) { this.populationRole = populationRole; }
	public @Nullable Long getPopulationUnitId() { return populationUnitId; }
	public void setPopulationUnitId(@Nullable Long populationUnitId) { this.populationUnitId = populationUnitId; }
	public int getScaleMax() { return scaleMax; }
	public void setScaleMax(int scaleMax) { this.scaleMax = scaleMax; }
	public List<CriterionRow> getCriteria() { return criteria; }
	public void setCriteria(List<CriterionRow> criteria) { this.criteria = criteria; }
}
