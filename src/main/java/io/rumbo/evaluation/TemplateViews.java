package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.JobRole;

/** What {@link EvaluationTemplates} takes and answers: the API's and the pages' shapes of a template. */
public final class TemplateViews {

	private TemplateViews() {
	}

	/** A level of a qualitative criterion's scale (1 is the lowest) and what it means. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationLevel")
	public record Level(int level, String description) {
	}

	/** From {@code fromPercent} of attainment the criterion earns {@code creditPercent}. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationBand")
	public record Band(BigDecimal fromPercent, BigDecimal creditPercent) {
	}

	/**
	 * One criterion, as written and as shown. {@code weight} in percent (all add up to 100). A quantitative criterion
	 * has {@code measure} (a code of the metrics catalogue), {@code target} (QUOTA or FIXED, then
	 * {@code targetValue}), {@code method} with {@code capPercent}, {@code thresholdPercent} and {@code bands}; a
	 * qualitative one has {@code levels}.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationCriterion")
	public record Criterion(String name, CriterionKind kind, @Nullable Focus focus, @Nullable BigDecimal weight,
			@Nullable String measure, @Nullable TargetKind target, @Nullable BigDecimal targetValue,
			@Nullable ScoringMethod method, @Nullable BigDecimal capPercent, @Nullable BigDecimal thresholdPercent,
			@Nullable List<Band> bands, @Nullable List<Level> levels) {

		public List<Band> bandList() {
			return bands == null ? List.of() : bands;
		}

		public List<Level> levelList() {
			return levels == null ? List.of() : levels;
		}
	}

	/**
	 * What an author writes: a name, the cadence of the cycles it is meant for, its population (a job role and/or
	 * an org unit's subtree; neither: everyone), the top of the scale (10 or 100) and the criteria.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationTemplateDetails")
	public record TemplateDetails(String name, @Nullable String description, Cadence cadence,
			@Nullable JobRole populationRole, @Nullable Long populationUnitId, int scaleMax, List<Criterion> criteria) {
	}

	/**
	 * A template version. {@code validFrom}: the first day of the periods it scores (set at publication);
	 * {@code acknowledged}: whether the reader acknowledged it (null for a reader outside its population).
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationTemplateView")
	public record TemplateView(long id, String code, int number, String name, @Nullable String description,
			Cadence cadence, @Nullable JobRole populationRole, @Nullable Long populationUnitId,
			@Nullable String populationUnitName, int scaleMax, TemplateState state, @Nullable LocalDate validFrom,
			@Nullable String publishedBy, @Nullable Instant publishedAt, long version, List<Criterion> criteria,
			@Nullable Boolean acknowledged) {
	}

	/** How many people of a published version's population acknowledged it, and who has not yet. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationAcknowledgements")
	public record Acknowledgements(long templateId, int population, int acknowledged, List<Pending> pending) {
	}

	/** A person of the population who has not acknowledged the template yet. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationPending")
	public record Pending(long staffId, String name) {
	}
}
