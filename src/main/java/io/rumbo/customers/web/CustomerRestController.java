package io.rumbo.customers.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.ContactRole;
import io.rumbo.customers.ContactView;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerOption;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.OwnershipPeriod;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.customers.domain.CustomerQueries;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer accounts and contacts, scoped by ownership and org subtree")
class CustomerRestController {

	record CustomerRequest(@Nullable Long version, @Nullable @Size(max = 64) String externalId,
			@NotBlank @Size(max = 200) String legalName, @Nullable @Size(max = 32) String taxId, @NotNull Segment segment,
			@Nullable @Size(max = 100) String industry, @NotNull CompanySize companySize,
			@Nullable @Size(max = 100) String region, @Nullable @Size(max = 300) String address,
			@Nullable @Size(max = 16) String postalCode, @Nullable @Size(max = 100) String city,
			@NotNull PotentialClass potentialClass, @Nullable @DecimalMin("0") BigDecimal annualPotential,
			@Nullable CustomerStatus status, @Nullable Long ownerStaffId, @Nullable Long unitId,
			@Nullable LocalDate effectiveDate) {

		CustomerManagement.CustomerDetails details() {
			return new CustomerManagement.CustomerDetails(externalId, legalName, taxId, segment, industry, companySize,
					region, address, postalCode, city, potentialClass, annualPotential,
					status == null ? CustomerStatus.PROSPECT : status, ownerStaffId, unitId, effectiveDate);
		}
	}

	record ContactRequest(@Nullable Long version, @Nullable @Size(max = 64) String externalId,
			@NotBlank @Size(max = 200) String fullName, @Nullable @Size(max = 100) String jobTitle,
			@NotNull ContactRole role, @Nullable @Email @Size(max = 200) String email,
			@Nullable @Size(max = 40) String phone, @Nullable Boolean primary) {

		CustomerManagement.ContactDetails details() {
			return new CustomerManagement.ContactDetails(externalId, fullName, jobTitle, role, email, phone,
					primary != null && primary);
		}
	}

	private final CustomerManagement customers;
	private final org.springframework.beans.factory.ObjectProvider<io.rumbo.customers.CustomerSalesHistory> sales;

	private final io.rumbo.organization.OrgDirectory directory;

	CustomerRestController(CustomerManagement customers,
			org.springframework.beans.factory.ObjectProvider<io.rumbo.customers.CustomerSalesHistory> sales,
			io.rumbo.organization.OrgDirectory directory) {
		this.directory = directory;
		this.customers = customers;
		this.sales = sales;
	}

	@GetMapping("/{id}/sales")
	@Operation(summary = "Repeat-customer facts from booked orders: first and last purchase, orders and sales per year, "
			+ "and whether the customer bought again the following year")
	io.rumbo.customers.CustomerSalesHistory.Facts sales(CurrentUser actor, @PathVariable long id) {
		customers.get(actor, id);
		io.rumbo.customers.CustomerSalesHistory history = sales.getIfAvailable();
		if (history == null) {
			throw new io.rumbo.shared.domain.NotFoundException("customerSales", id);
		}
		return history.of(id);
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List customers", description = "Filters: q (name, tax id, city, external id), status, segment, "
			+ "potentialClass, ownerStaffId, unitId (the unit and its subtree), archived. Sort keys: legalName, city, "
			+ "status, potentialClass, annualPotential, segment. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<CustomerView> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable CustomerStatus status,
			@RequestParam(required = false) @Nullable Segment segment,
			@RequestParam(required = false) @Nullable PotentialClass potentialClass,
			@RequestParam(required = false) @Nullable Long ownerStaffId,
			@RequestParam(required = false) @Nullable Long unitId, @RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return customers.list(actor, new CustomerManagement.Filter(q, status, segment, potentialClass, ownerStaffId,
				unitId, archived), ListQuery.of(page, size, sort, CustomerQueries.SORTS, "legalName"));
	}

	@GetMapping(value = "/options", produces = "application/json")
	@Operation(summary = "Customers to pick (order, opportunity, visit, service case)", description = "Active accounts "
			+ "the caller may see, by name, in one small query: q narrows by name, tax id, city or external id, for "
			+ "search-as-you-type pickers; page and size as for every list.")
	PageResponse<CustomerOption> options(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return customers.options(actor, q, ListQuery.of(page, size, List.of(), CustomerQueries.SORTS, "legalName"));
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable CustomerStatus status,
			@RequestParam(required = false) @Nullable Segment segment,
			@RequestParam(required = false) @Nullable PotentialClass potentialClass,
			@RequestParam(required = false) @Nullable Long ownerStaffId,
			@RequestParam(required = false) @Nullable Long unitId, @RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return CustomerExports.customers(ExportFormat.fromAccept(accept), customers, directory, actor,
				new CustomerManagement.Filter(q, status, segment, potentialClass, ownerStaffId, unitId, archived),
				ListQuery.of(0, 1, sort, CustomerQueries.SORTS, "legalName").unpaged());
	}

	@GetMapping("/{id}")
	CustomerView get(CurrentUser actor, @PathVariable long id) {
		return customers.get(actor, id);
	}

	@PostMapping
	@Operation(summary = "Create an account; a salesperson's accounts are always their own")
	ResponseEntity<CustomerView> create(CurrentUser actor, @Valid @RequestBody CustomerRequest request) {
		CustomerView created = customers.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace the editable fields", description = "Carries the version read; a stale version "
			+ "answers 409. A new owner or unit applies from effectiveDate (default today), keeping the ownership history.")
	CustomerView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody CustomerRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return customers.update(actor, id, request.version(), request.details());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Archive an account (accounts are never deleted)")
	ResponseEntity<Void> archive(CurrentUser actor, @PathVariable long id) {
		customers.archive(actor, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/ownership")
	@Operation(summary = "Who owned the account, in which unit, from when to when (newest first)")
	List<OwnershipPeriod> ownership(CurrentUser actor, @PathVariable long id) {
		return customers.ownership(actor, id);
	}

	@GetMapping(value = "/{id}/contacts", produces = "application/json")
	List<ContactView> contacts(CurrentUser actor, @PathVariable long id) {
		return customers.contacts(actor, id);
	}

	@GetMapping(value = "/{id}/contacts", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	@Operation(summary = "The account's contacts as a file in the contact import's columns (Accept: text/csv or XLSX)")
	ResponseEntity<StreamingResponseBody> exportContacts(CurrentUser actor,
			@RequestHeader(HttpHeaders.ACCEPT) String accept,
			@PathVariable long id) {
		return CustomerExports.contacts(ExportFormat.fromAccept(accept), customers.get(actor, id),
				customers.contacts(actor, id));
	}

	@PostMapping("/{id}/contacts")
	ResponseEntity<ContactView> addContact(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ContactRequest request) {
		ContactView created = customers.addContact(actor, id, request.details());
		return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/contacts/" + created.id())).body(created);
	}

	@PutMapping("/{id}/contacts/{contactId}")
	ContactView updateContact(CurrentUser actor, @PathVariable long id, @PathVariable long contactId,
			@Valid @RequestBody ContactRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return customers.updateContact(actor, id, contactId, request.version(), request.details());
	}

	@DeleteMapping("/{id}/contacts/{contactId}")
	ResponseEntity<Void> archiveContact(CurrentUser actor, @PathVariable long id, @PathVariable long contactId) {
		customers.archiveContact(actor, id, contactId);
		return ResponseEntity.noContent().build();
	}
}
