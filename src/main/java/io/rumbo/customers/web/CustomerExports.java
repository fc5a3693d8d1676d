package io.rumbo.customers.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the customer list, for the API and the page. */
final class CustomerExports {

	private CustomerExports() {
	}

	static ResponseEntity<StreamingResponseBody> customers(ExportFormat format, CustomerManagement customers,
			CurrentUser actor, CustomerManagement.Filter filter, ListQuery query) {
		return Exports.download(format, "customers", List.of("id", "externalId", "legalName", "taxId", "segment",
				"industry", "companySize", "region", "address", "postalCode", "city", "potentialClass", "annualPotential",
				"status", "ownerName", "unitName", "archived"),
				table -> customers.each(actor, filter, query, c -> table.row(c.id(), c.externalId(), c.legalName(),
						c.taxId(), c.segment().name(), c.industry(), c.companySize().name(), c.region(), c.address(),
						c.postalCode(), c.city(), c.potentialClass().name(), c.annualPotential(), c.status().name(),
						c.ownerName(), c.unitName(), c.archived())));
	}
}
