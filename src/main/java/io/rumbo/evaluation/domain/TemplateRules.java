package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.ScoringMethod;
import io.rumbo.evaluation.TargetKind;
import io.rumbo.evaluation.TemplateViews.Band;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.TemplateViews.Level;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.metrics.Metric;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * What makes a template valid, checked on every save so that a draft is always publishable as written: a name, a
 * scale of 10 or 100, at least one criterion, weights above 0 that add up to exactly 100 %, and for each criterion
 * what its kind needs. Every error names its field ({@code criteria[2].weight}) and, in its message, the criterion
 * by its name, so the author sees which one to fix.
 */
public final class TemplateRules {

	public static final int MAX_CRITERIA = 20;

	public static final int MAX_LEVELS = 10;

	/** Caps, thresholds and band figures stay within 0-1,000 % (beyond is a misplaced decimal). */
	static final BigDecimal MAX_PERCENT = new BigDecimal("1000");

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private TemplateRules() {
	}

	/** Throws every error of the template at once; returns normally when it is valid. */
	public static void validate(TemplateDetails template) {
		List<FieldError> errors = new ArrayList<>();
		if (template.name() == null || template.name().isBlank()) {
			errors.add(new FieldError("name", "shared.validation.required"));
		}
		if (template.scaleMax() != 10 && template.scaleMax() != 100) {
			errors.add(new FieldError("scaleMax", "evaluation.template.scaleMax.invalid"));
		}
		List<Criterion> criteria = template.criteria() == null ? List.of() : template.criteria();
		if (criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
			errors.add(new FieldError("criteria", "evaluation.template.criteria.count", MAX_CRITERIA));
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < criteria.size(); i++) {
			Criterion c = criteria.get(i);
			check(i, c, errors);
			if (c.weight() != null) {
				sum = sum.add(c.weight());
			}
		}
		if (!criteria.isEmpty() && sum.compareTo(HUNDRED) != 0) {
			// A number, so the message writes it the reader's way (90,5 in Spanish).
			errors.add(new FieldError("criteria", "evaluation.template.weights.sum", sum));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	private static void check(int i, Criterion c, List<FieldError> errors) {
		String name = c.name() == null || c.name().isBlank() ? "#" + (i + 1) : c.name().trim();
		if (c.name() == null || c.name().isBlank()) {
			errors.add(error(i, "name", "shared.validation.required"));
		}
		if (c.kind() == null) {
			errors.add(error(i, "kind", "evaluation.criterion.kind.required", name));
			return;
		}
		if (c.weight() == null || c.weight().signum() <= 0 || c.weight().compareTo(HUNDRED) > 0
				|| c.weight().stripTrailingZeros().scale() > 2) {
			errors.add(error(i, "weight", "evaluation.criterion.weight.invalid", name));
		}
		if (c.kind() == CriterionKind.QUALITATIVE) {
			checkLevels(i, name, c.levelList(), errors);
			return;
		}
		if (c.measure() == null || Metric.ofCode(c.measure()).isEmpty()) {
			errors.add(error(i, "measure", "evaluation.criterion.measure.invalid", name, String.valueOf(c.measure())));
		}
		if (c.target() == null) {
			errors.add(error(i, "target", "evaluation.criterion.target.required", name));
		}
		else if (c.target() == TargetKind.FIXED && (c.targetValue() == null || c.targetValue().signum() <= 0)) {
			errors.add(error(i, "targetValue", "evaluation.criterion.targetValue.invalid", name));
		}
		if (c.capPercent() != null && (c.capPercent().compareTo(HUNDRED) < 0 || c.capPercent().compareTo(MAX_PERCENT) > 0)) {
			errors.add(error(i, "capPercent", "evaluation.criterion.cap.invalid", name));
		}
		BigDecimal ceiling = c.capPercent() != null ? c.capPercent() : MAX_PERCENT;
		if (c.thresholdPercent() != null
				&& (c.thresholdPercent().signum() < 0 || c.thresholdPercent().compareTo(ceiling) >= 0)) {
			errors.add(error(i, "thresholdPercent", "evaluation.criterion.threshold.invalid", name));
		}
		if (c.method() == ScoringMethod.BANDS) {
			checkBands(i, name, c.bandList(), errors);
		}
	}

	private static void checkBands(int i, String name, List<Band> bands, List<FieldError> errors) {
		Set<BigDecimal> floors = new HashSet<>();
		boolean valid = !bands.isEmpty() && bands.size() <= MAX_LEVELS;
		for (Band band : bands) {
			valid &= band.fromPercent() != null && band.creditPercent() != null && percent(band.fromPercent())
					&& percent(band.creditPercent()) && floors.add(band.fromPercent().stripTrailingZeros());
		}
		if (!valid) {
			errors.add(error(i, "bands", "evaluation.criterion.bands.invalid", name, MAX_LEVELS));
		}
	}

	private static void checkLevels(int i, String name, List<Level> levels, List<FieldError> errors) {
		boolean valid = levels.size() >= 2 && levels.size() <= MAX_LEVELS;
		for (int l = 0; valid && l < levels.size(); l++) {
			Level level = levels.get(l);
			valid = level.level() == l + 1 && level.description() != null && !level.description().isBlank();
		}
		if (!valid) {
			errors.add(error(i, "levels", "evaluation.criterion.levels.invalid", name, MAX_LEVELS));
		}
	}

	private static boolean percent(BigDecimal value) {
		return value.signum() >= 0 && value.compareTo(MAX_PERCENT) <= 0 && value.stripTrailingZeros().scale() <= 2;
	}

	private static FieldError error(int index, String field, String key, Object... arguments) {
		return new FieldError("criteria[" + index + "]." + field, key, arguments);
	}
}
