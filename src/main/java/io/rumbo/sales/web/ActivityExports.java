package io.rumbo.sales.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.ActivityManagement;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.ExportStyle;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shapes of the activity list, streamed from one query: the visit import's for the API, labelled for the page. */
final class ActivityExports {

	private ActivityExports() {
	}

	static ResponseEntity<StreamingResponseBody> activities(ExportFormat format, ActivityManagement activities,
			CurrentUser actor, ActivityManagement.Filter filter, ListQuery sorted) {
		ExportStyle style = ExportStyle.current();
		if (!style.forPeople()) {
			// The visit import's columns and values: export, edit, import again.
			return Exports.download(format, style, "visits", List.of("external_id", "customer", "type", "salesperson",
					"planned_on", "done_on", "duration_minutes", "outcome", "notes", "next_step"),
					table -> activities.eachVisit(actor, filter, sorted, v -> table.row(v.externalId(), v.customer(),
							v.type().name(), v.salesperson(), v.plannedOn(), v.doneOn(), v.durationMinutes(),
							v.outcome(), v.notes(), v.nextStep())));
		}
		return Exports.download(format, style, "activities", List.of("id", "type", "plannedOn", "doneOn", "customerId",
				"customerName", "ownerName", "durationMinutes", "outcome", "nextStep"),
				table -> activities.each(actor, filter, sorted,
				a -> table.row(a.id(), Exports.label("sales.activityType.", a.type()), a.plannedOn(), a.doneOn(), a.customerId(),
						a.customerName(), a.ownerName(), a.durationMinutes(), a.outcome(), a.nextStep())));
	}
}
