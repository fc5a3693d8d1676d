package io.rumbo.sizing.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.sizing.BudgetViews;
import io.rumbo.sizing.ChannelTerms;
import io.rumbo.sizing.ChannelTermsView;
import io.rumbo.sizing.SizingScenarios;

/** The export shapes of the sizing lists, for the API and the pages, with the lists' filters and sort. */
final class SizingExports {

	private SizingExports() {
	}

	static ResponseEntity<StreamingResponseBody> scenarios(ExportFormat format, SizingScenarios scenarios,
			CurrentUser actor, SizingScenarios.Filter filter, ListQuery sorted) {
		return Exports.download(format, "sizing-scenarios", List.of("id", "name", "method", "unit", "fiscalYear",
				"result", "createdBy", "createdAt", "appliedBy", "appliedAt", "archived", "note"),
				table -> scenarios.each(actor, filter, sorted, s -> table.row(s.id(), s.name(), s.method(),
						s.unitName(), s.fiscalYear(), s.result(), s.createdBy(), s.createdAt(), s.appliedBy(),
						s.appliedAt(), s.archived(), s.note())));
	}

	static ResponseEntity<StreamingResponseBody> channels(ExportFormat format, ChannelTerms channels,
			CurrentUser actor, ChannelTerms.Filter filter, ListQuery sorted) {
		return Exports.download(format, "channel-terms", List.of("unitId", "code", "name", "kind", "basis",
				"sharePercent", "seller", "productLines", "territories", "previousModelTerritories", "territoryNote", "contactName",
				"contactEmail", "contactPhone",
				"validFrom", "credited", "earned"),
				table -> channels.list(actor, filter, sorted).content().forEach(c -> table.row(c.id(), c.unitCode(),
						c.unitName(), c.kind(), c.basis(), c.sharePercent(), c.sellerName(),
						String.join("; ", c.productLineNames()), paths(c, true), paths(c, false),
						c.territoryNote(), c.contactName(), c.contactEmail(),
						c.contactPhone(), c.validFrom(), c.credited(), c.earned())));
	}

	/** The paths of the territories the terms name of the active model, or of models since replaced. */
	private static String paths(ChannelTermsView c, boolean current) {
		return String.join("; ", c.territories().stream().filter(t -> t.current() == current)
			.map(ChannelTermsView.Territory::path).toList());
	}

	static ResponseEntity<StreamingResponseBody> budget(ExportFormat format, BudgetViews.Report report) {
		return Exports.download(format, "budget-" + report.fiscalYear(), List.of("unitId", "unit", "budget", "actual",
				"variance", "commissionsPaid", "revenue", "margin", "costOfRevenuePct", "costOfMarginPct",
				"salespeople", "costPerSalesperson"),
				table -> report.units().forEach(u -> table.row(u.unitId(), u.unitName(), u.budget(), u.actual(),
						u.variance(), u.actualCommissionsPaid(), u.revenue(), u.margin(), u.costOfRevenue(),
						u.costOfMargin(), u.salespeople(), u.perSalesperson())));
	}
}
