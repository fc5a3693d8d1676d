package io.rumbo.incentives.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.PlanViews.PlanSummary;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The plan list as CSV or XLSX, for the API (by Accept) and the page (by {@code format}). */
@Component
class IncentiveExports {

	static final List<String> COLUMNS = List.of("id", "code", "number", "name", "fiscalYear", "state", "components",
			"assigned", "approvedBy", "approvedAt");

	private final IncentivePlans plans;

	IncentiveExports(IncentivePlans plans) {
		this.plans = plans;
	}

	ResponseEntity<StreamingResponseBody> plans(CurrentUser actor, IncentivePlans.Filter filter, ListQuery query,
			ExportFormat format) {
		// Read before the response is committed, so that a refusal is a problem, not a broken download.
		List<PlanSummary> rows = plans.list(actor, filter, query).content();
		return Exports.download(format, "incentive-plans", COLUMNS, table -> rows.forEach(p -> table.row(p.id(),
				p.code(), p.number(), p.name(), p.fiscalYear(), Exports.label("incentives.state.", p.state()),
				p.components(), p.assigned(), p.approvedBy() == null ? "" : p.approvedBy(),
				p.approvedAt() == null ? "" : p.approvedAt().toString())));
	}
}
