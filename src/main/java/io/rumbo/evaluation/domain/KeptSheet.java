package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.ScorecardViews.Line;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.evaluation.domain.CycleStore.KeptLine;
import io.rumbo.metrics.Metric;

/**
 * A frozen scorecard's lines from the figures kept at the freeze and the manager's ratings, by the same arithmetic as
 * the live ones ({@link ScoreSheet}); the scorecard page, its PDF and the cycle's export read them alike.
 */
public final class KeptSheet {

	private KeptSheet() {
	}

	/** The lines of every criterion from the kept lines by position (1-based); {@code records}: drill-down links. */
	public static List<Line> lines(TemplateDetails template, Map<Integer, KeptLine> kept,
			Function<Metric, @Nullable String> records) {
		List<Line> lines = new ArrayList<>();
		List<Criterion> criteria = template.criteria();
		for (int i = 0; i < criteria.size(); i++) {
			Criterion c = criteria.get(i);
			KeptLine k = kept.get(i + 1);
			if (c.kind() == CriterionKind.QUALITATIVE) {
				lines.add(ScoreSheet.rated(i + 1, c, k == null ? null : k.rating(), template.scaleMax()));
				continue;
			}
			Metric metric = Metric.ofCode(Objects.requireNonNull(c.measure())).orElseThrow();
			BigDecimal actual = k == null || k.actual() == null ? BigDecimal.ZERO : k.actual();
			lines.add(ScoreSheet.measured(i + 1, c, metric, actual, k == null ? null : k.target(), template.scaleMax(),
					records.apply(metric)));
		}
		return lines;
	}
}
