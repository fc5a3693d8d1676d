package io.rumbo.sales.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the opportunity list, streamed from one query, for the API and the page. */
final class OpportunityExports {

	private OpportunityExports() {
	}

	static ResponseEntity<StreamingResponseBody> opportunities(ExportFormat format, OpportunityQueries opportunities,
			CurrentUser actor, OpportunityQueries.Filter filter, ListQuery sorted) {
		return Exports.download(format, "opportunities", List.of("id", "title", "customerId", "customerName", "stage",
				"probability", "amount", "weighted", "expectedClose", "forecastCategory", "ownerName", "source",
				"lossReason", "orderId"),
				table -> opportunities.each(actor, filter, sorted,
				o -> table.row(o.id(), o.title(), o.customerId(), o.customerName(), o.stageCode(),
						o.probability(), o.amount(), o.weighted(), o.expectedClose(),
						Exports.label("sales.forecast.", o.forecastCategory()), o.ownerName(), o.source(), o.lossReason(), o.orderId())));
	}
}
