package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.Focus;
import io.rumbo.evaluation.ScorecardViews.Line;
import io.rumbo.evaluation.ScoringMethod;
import io.rumbo.evaluation.TargetKind;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.metrics.Metric;

/**
 * A person's scorecard lines from a template, their measured figures and their manager's ratings, by the rules of
 * {@link Scoring}: pure, so the live scorecard, the worked example and the frozen scorecard are the same arithmetic.
 */
public final class ScoreSheet {

	/** What a person measured in the period and the quota they held, by measure. */
	public record Figures(Map<Metric, BigDecimal> actuals, Map<Metric, BigDecimal> quotas) {

		public static final Figures NONE = new Figures(Map.of(), Map.of());
	}

	private ScoreSheet() {
	}

	/**
	 * The lines of every criterion; {@code ratings} by criterion position (1-based), absent while not rated;
	 * {@code records} gives the drill-down link of a measure.
	 */
	public static List<Line> lines(TemplateDetails template, Figures figures, Map<Integer, Integer> ratings,
			Function<Metric, @Nullable String> records) {
		List<Line> lines = new ArrayList<>();
		List<Criterion> criteria = template.criteria();
		for (int i = 0; i < criteria.size(); i++) {
			Criterion c = criteria.get(i);
			int position = i + 1;
			if (c.kind() == CriterionKind.QUALITATIVE) {
				lines.add(rated(position, c, ratings.get(position), template.scaleMax()));
				continue;
			}
			Metric metric = Metric.ofCode(java.util.Objects.requireNonNull(c.measure())).orElseThrow();
			BigDecimal actual = figures.actuals().getOrDefault(metric, BigDecimal.ZERO);
			BigDecimal target = c.target() == TargetKind.FIXED ? c.targetValue() : figures.quotas().get(metric);
			lines.add(measured(position, c, metric, actual, target, template.scaleMax(), records.apply(metric)));
		}
		return lines;
	}

	/** A quantitative line from its figures (live or kept). */
	public static Line measured(int position, Criterion c, Metric metric, BigDecimal actual, @Nullable BigDecimal target,
			int scaleMax, @Nullable String recordsUrl) {
		BigDecimal attainment = Scoring.attainment(actual, target, metric.higherIsBetter());
		BigDecimal credit = Scoring.credit(rule(c), attainment);
		return new Line(position, c.name(), c.kind(), focus(c), weight(c), metric.code(), actual, target, attainment,
				credit, null, null, Scoring.points(weight(c), credit, scaleMax), null, recordsUrl);
	}

	/** A qualitative line: no points until rated. */
	public static Line rated(int position, Criterion c, @Nullable Integer rating, int scaleMax) {
		int levels = c.levelList().size();
		BigDecimal credit = rating == null ? BigDecimal.ZERO.setScale(Scoring.DECIMALS)
				: Scoring.ratingCredit(rating, levels);
		return new Line(position, c.name(), c.kind(), focus(c), weight(c), null, null, null, null, credit, rating,
				levels, Scoring.points(weight(c), credit, scaleMax), null, null);
	}

	/** The Metrics page of the records behind a person's figure of a measure in a period. */
	public static String recordsUrl(Metric metric, String periodCode, long staffId) {
		return "/metrics/records?measure=" + metric.code() + "&period=" + periodCode + "&person=" + staffId;
	}

	public static BigDecimal score(List<Line> lines) {
		return Scoring.total(lines.stream().map(Line::points).toList());
	}

	static Scoring.Rule rule(Criterion c) {
		return new Scoring.Rule(c.method() == null ? ScoringMethod.LINEAR : c.method(), c.capPercent(),
				c.thresholdPercent(),
				c.bandList().stream().map(b -> new Scoring.Band(b.fromPercent(), b.creditPercent())).toList());
	}

	private static Focus focus(Criterion c) {
		return c.focus() == null ? Focus.RESULTS : c.focus();
	}

	private static BigDecimal weight(Criterion c) {
		return java.util.Objects.requireNonNull(c.weight());
	}
}
