package io.rumbo.sales.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.ActivityManagement;
import io.rumbo.sales.ActivityView;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/** The export shape of the activity list, walked a page at a time. */
final class ActivityExports {

	private ActivityExports() {
	}

	static ResponseEntity<StreamingResponseBody> activities(ExportFormat format, ActivityManagement activities,
			CurrentUser actor, ActivityManagement.Filter filter, ListQuery sorted) {
		return Exports.download(format, "activities", List.of("id", "type", "plannedOn", "doneOn", "customerId",
				"customerName", "ownerName", "durationMinutes", "outcome", "nextStep"), table -> {
					for (int page = 0;; page++) {
						PageResponse<ActivityView> chunk = activities.list(actor, filter,
								new ListQuery(page, 500, sorted.orders()));
						chunk.content()
							.forEach(a -> table.row(a.id(), a.type().name(), a.plannedOn(), a.doneOn(), a.customerId(),
									a.customerName(), a.ownerName(), a.durationMinutes(), a.outcome(), a.nextStep()));
						if (!chunk.hasNext()) {
							break;
						}
					}
				});
	}
}
