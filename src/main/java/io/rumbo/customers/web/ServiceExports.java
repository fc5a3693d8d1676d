package io.rumbo.customers.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.customers.ServiceCaseView;
import io.rumbo.customers.ServiceManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.ExportStyle;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the service case list, streamed from one query, for the API and the page. */
final class ServiceExports {

	private ServiceExports() {
	}

	static ResponseEntity<StreamingResponseBody> cases(ExportFormat format, ServiceManagement service,
			CurrentUser actor, ServiceManagement.CaseFilter filter, ListQuery sorted) {
		ExportStyle style = ExportStyle.current();
		if (!style.forPeople()) {
			// The service-case import's columns and values: export, edit, import again.
			return Exports.download(format, style, "service-cases", List.of("external_id", "customer", "order",
					"subject", "category", "priority", "opened_on", "resolved_on", "resolution"),
					table -> service.eachCaseForImport(actor, filter, sorted, c -> table.row(c.externalId(),
							c.customer(), c.order(), c.subject(), c.category().name(), c.priority().name(), c.openedOn(),
							c.resolvedOn(), c.resolution())));
		}
		return Exports.download(format, style, "service-cases", List.of("id", "caseNumber", "externalId", "customerId",
				"customerName", "orderNumber", "subject", "category", "priority", "openedOn", "resolvedOn",
				"resolutionDays", "staffName", "csat", "nps"),
				table -> service.eachCase(actor, filter, sorted,
				c -> table.row(c.id(), c.caseNumber(), c.externalId(), c.customerId(), c.customerName(),
						c.orderNumber(), c.subject(), Exports.label("customers.caseCategory.", c.category()),
						Exports.label("customers.casePriority.", c.priority()), c.openedOn(),
						c.resolvedOn(), c.resolutionDays(), c.staffName(), c.csat(), c.nps())));
	}
}
