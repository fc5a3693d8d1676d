package io.rumbo.sales.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.ActivityManagement;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the activity list, streamed from one query. */
final class ActivityExports {

	private ActivityExports() {
	}

	static ResponseEntity<StreamingResponseBody> activities(ExportFormat format, ActivityManagement activities,
			CurrentUser actor, ActivityManagement.Filter filter, ListQuery sorted) {
		return Exports.download(format, "activities", List.of("id", "type", "plannedOn", "doneOn", "customerId",
				"customerName", "ownerName", "durationMinutes", "outcome", "nextStep"),
				table -> activities.each(actor, filter, sorted,
				a -> table.row(a.id(), Exports.label("sales.activityType.", a.type()), a.plannedOn(), a.doneOn(), a.customerId(),
						a.customerName(), a.ownerName(), a.durationMinutes(), a.outcome(), a.nextStep())));
	}
}
