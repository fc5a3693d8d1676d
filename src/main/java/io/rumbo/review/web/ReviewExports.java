package io.rumbo.review.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.review.PlanReviews;
import io.rumbo.review.ReviewViews.LineVariance;
import io.rumbo.review.ReviewViews.UnitVariance;
import io.rumbo.review.ReviewViews.VarianceTable;
import io.rumbo.review.VarianceAnalysis.Effects;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shapes of the review list and of a review's variance tables, for the API and the pages. */
final class ReviewExports {

	private ReviewExports() {
	}

	static ResponseEntity<StreamingResponseBody> reviews(ExportFormat format, PlanReviews reviews, CurrentUser actor,
			PlanReviews.Filter filter, ListQuery sorted) {
		return Exports.download(format, "plan-reviews", List.of("id", "title", "fiscalYear", "period", "unit", "state",
				"createdBy", "createdOn", "sharedOn"),
				table -> reviews.each(actor, filter, sorted, r -> table.row(r.id(), r.title(), r.fiscalYear(),
						r.period(), r.unitName(), Exports.label("review.state.", r.state()), r.createdBy(), r.createdOn(), r.sharedOn())));
	}

	static VarianceTable table(io.rumbo.review.ReviewViews.Figures figures, String basis) {
		return switch (basis) {
			case "PLAN" -> figures.plan();
			case "LAST_YEAR" -> figures.lastYear();
			default -> throw ValidationFailedException.of("basis", "review.basis.invalid");
		};
	}

	/** A variance table: {@code by} line or unit, each row with its effects and margin split, then the total. */
	static ResponseEntity<StreamingResponseBody> variance(ExportFormat format, long reviewId, VarianceTable table,
			String by) {
		if (!by.equals("line") && !by.equals("unit")) {
			throw ValidationFailedException.of("by", "review.by.invalid");
		}
		return Exports.download(format, "plan-review-" + reviewId + "-variance-" + by + "-" + table.basis().toLowerCase(
				java.util.Locale.ROOT), List.of(by, "base", "actual", "gap", "gapPercent", "volume", "mix", "price",
						"baseMargin", "actualMargin", "marginGap", "marginRevenueEffect", "marginCostEffect"),
				t -> {
					if (by.equals("line")) {
						for (LineVariance l : table.lines()) {
							row(t, l.name(), l.effects(), l.margin());
						}
					}
					else {
						for (UnitVariance u : table.units()) {
							row(t, "  ".repeat(u.depth()) + u.name(), u.effects(), u.margin());
						}
					}
					row(t, "total", table.total(), table.margin());
				});
	}

	private static void row(io.rumbo.shared.export.TableWriter t, String label, Effects e,
			io.rumbo.review.VarianceAnalysis.MarginSplit m) {
		t.row(label, e.base(), e.actual(), e.gap(), e.gapPercent(), e.volume(), e.mix(), e.price(), m.baseMargin(),
				m.actualMargin(), m.gap(), m.revenueEffect(), m.costEffect());
	}
}
