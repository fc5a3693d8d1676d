package io.rumbo.customers.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.ExportStyle;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shapes of the customer list: the import's for the API, labelled for the page. */
final class CustomerExports {

	private CustomerExports() {
	}

	static ResponseEntity<StreamingResponseBody> customers(ExportFormat format, CustomerManagement customers,
			OrgDirectory org, CurrentUser actor, CustomerManagement.Filter filter, ListQuery query) {
		ExportStyle style = ExportStyle.current();
		if (!style.forPeople()) {
			return forImport(format, style, customers, org, actor, filter, query);
		}
		return Exports.download(format, style, "customers", List.of("id", "externalId", "legalName", "taxId", "segment",
				"industry", "companySize", "region", "address", "postalCode", "city", "potentialClass", "annualPotential",
				"status", "ownerName", "unitName", "archived"),
				table -> customers.each(actor, filter, query, c -> table.row(c.id(), c.externalId(), c.legalName(),
						c.taxId(), Exports.label("customers.segment.", c.segment()), c.industry(),
						Exports.label("customers.size.", c.companySize()), c.region(), c.address(), c.postalCode(),
						c.city(), c.potentialClass().name(), c.annualPotential(),
						Exports.label("customers.status.", c.status()),
						c.ownerName(), c.unitName(), c.archived())));
	}

	/**
	 * The customer import's columns and values, so that the file can be edited and imported again: the owner by
	 * employee number (blank when they have left: the import then keeps the current owner) and the unit by code, both
	 * looked up once per thousand rows.
	 */
	private static ResponseEntity<StreamingResponseBody> forImport(ExportFormat format, ExportStyle style,
			CustomerManagement customers, OrgDirectory org, CurrentUser actor, CustomerManagement.Filter filter,
			ListQuery query) {
		return Exports.download(format, style, "customers", List.of("external_id", "legal_name", "tax_id", "segment",
				"industry", "region", "address", "postal_code", "city", "company_size", "potential_class",
				"annual_potential", "status", "owner", "unit"), table -> {
					Exports.Batches<CustomerView> batches = Exports.batched(batch -> {
						Map<Long, String> owners = org.activeEmployeeNumbers(batch.stream()
							.map(CustomerView::ownerStaffId)
							.filter(java.util.Objects::nonNull)
							.collect(Collectors.toSet()));
						Map<Long, String> units = org.unitCodes(batch.stream().map(CustomerView::unitId)
							.collect(Collectors.toSet()));
						batch.forEach(c -> table.row(c.externalId(), c.legalName(), c.taxId(), c.segment().name(),
								c.industry(), c.region(), c.address(), c.postalCode(), c.city(), c.companySize().name(),
								c.potentialClass().name(), c.annualPotential(), c.status().name(),
								c.ownerStaffId() == null ? null : owners.get(c.ownerStaffId()), units.get(c.unitId())));
					});
					customers.each(actor, filter, query, batches);
					batches.flush();
				});
	}

	/** An account's contacts in the contact import's columns (the list is the account's, held as the page holds it). */
	static ResponseEntity<StreamingResponseBody> contacts(ExportFormat format, CustomerView customer,
			List<io.rumbo.customers.ContactView> contacts) {
		return Exports.download(format, "contacts", List.of("external_id", "customer", "full_name", "job_title", "role",
				"email", "phone", "primary"),
				table -> contacts.forEach(c -> table.row(c.externalId(), customer.externalId(), c.fullName(),
						c.jobTitle(), Exports.label("customers.contactRole.", c.role()), c.email(), c.phone(),
						c.primary())));
	}
}
