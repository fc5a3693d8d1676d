package io.rumbo.customers.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.ContactRole;
import io.rumbo.customers.CustomerContactPages;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerOption;
import io.rumbo.customers.CustomerSalesHistory;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.customers.ServiceManagement;
import io.rumbo.customers.domain.CustomerQueries;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffOption;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

@Controller
class CustomerPageController {

	private final CustomerManagement customers;
	private final ServiceManagement service;
	private final StaffManagement staff;
	private final OrgUnitManagement units;
	private final OrgDirectory org;
	private final org.springframework.beans.factory.ObjectProvider<CustomerSalesHistory> sales;
	private final tools.jackson.databind.json.JsonMapper json;
	private final CustomerContactPages contactPages;
	private final java.time.Clock clock;

	CustomerPageController(CustomerManagement customers, ServiceManagement service, StaffManagement staff, OrgUnitManagement units,
			OrgDirectory org, org.springframework.beans.factory.ObjectProvider<CustomerSalesHistory> sales,
			tools.jackson.databind.json.JsonMapper json, CustomerContactPages contactPages, java.time.Clock clock) {
		this.clock = clock;
		this.customers = customers;
		this.contactPages = contactPages;
		this.service = service;
		this.staff = staff;
		this.units = units;
		this.org = org;
		this.sales = sales;
		this.json = json;
	}

	/** The customer list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable CustomerStatus status, @Nullable Segment segment,
			@Nullable PotentialClass potentialClass, @Nullable Long ownerStaffId, @Nullable Boolean archived) {

		CustomerManagement.Filter criteria() {
			return new CustomerManagement.Filter(q, status, segment, potentialClass, ownerStaffId, null,
					Boolean.TRUE.equals(archived));
		}
	}

	/** The CSV or XLSX export of the list with the same filters and sort as the page. */
	@GetMapping(value = "/customers", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return CustomerExports.customers(ExportFormat.param(format), customers, org, user, filter.criteria(),
				list.unpaged(CustomerQueries.SORTS, "legalName"));
	}

	/** The list; an htmx request gets only the results. */
	@GetMapping("/customers")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(CustomerQueries.SORTS, "legalName", 25);
		model.addAttribute("statuses", CustomerStatus.values());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("classes", ListPages.options(List.of(PotentialClass.values()), c -> c, PotentialClass::name));
		model.addAttribute("owners", ListPages.options(ownerOptions(user), StaffOption::id,
				o -> o.lastName() + ", " + o.firstName()));
		model.addAttribute("mayCreate", CustomerManagement.mayCreate(user));
		return ListPages.render(request, model, "customers/customer-list", filter, query,
				customers.list(user, filter.criteria(), query));
	}

	/** How many accounts a picker offers at a time; the user types more to narrow them. */
	static final int PICKER_SIZE = 10;

	/**
	 * The accounts a search-as-you-type picker offers for what the user typed (a few, in their scope, by name), as
	 * the options of its list box; {@code ownerStaffId} keeps one person's accounts (the agenda).
	 */
	@GetMapping("/customers/options")
	String options(CurrentUser user, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long ownerStaffId,
			@RequestParam(required = false) @Nullable String picker, Model model) {
		List<CustomerOption> found = customers.options(user, q, ownerStaffId, PICKER_SIZE + 1);
		model.addAttribute("options", found.size() > PICKER_SIZE ? found.subList(0, PICKER_SIZE) : found);
		model.addAttribute("more", found.size() > PICKER_SIZE);
		model.addAttribute("picker", picker == null || !picker.matches("[A-Za-z][A-Za-z0-9_-]{0,40}") ? "customer" : picker);
		return "customers/customer-options :: options";
	}

	/** Rows a list of the customer page shows at once: contacts, then orders, activities and open opportunities. */
	static final int CONTACTS_PAGE = 25;

	static final int SALES_PAGE = 10;

	/**
	 * The customer page. Its lists (contacts, orders, activities, open opportunities) show one page each with the
	 * size of the whole list; their pagers redraw only their list (htmx) or, without scripts, the page at that page.
	 */
	@GetMapping("/customers/{id}")
	String customer(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int contactPage,
			@RequestParam(defaultValue = "0") int orderPage, @RequestParam(defaultValue = "0") int activityPage,
			@RequestParam(defaultValue = "0") int opportunityPage, Model model) {
		CustomerView customer = customers.get(user, id);
		var ownership = customers.ownership(user, id);
		model.addAttribute("customer", customer);
		var contacts = contactPages.page(user, id, Math.max(0, contactPage), CONTACTS_PAGE);
		model.addAttribute("contacts", contacts);
		// The first contact (the primary one comes first) gets call and e-mail buttons at the top, for a phone.
		model.addAttribute("mainContact", contacts.number() == 0 && !contacts.rows().isEmpty() ? contacts.rows().get(0)
				: null);
		model.addAttribute("ownership", ownership);
		model.addAttribute("ownerNames", org.staffNames(ownership.stream()
			.map(o -> o.ownerStaffId())
			.filter(java.util.Objects::nonNull)
			.toList()));
		model.addAttribute("unitNames", org.unitNames(ownership.stream().map(o -> o.unitId()).toList()));
		model.addAttribute("mayEdit", customers.mayEdit(user, customer));
		model.addAttribute("roles", ContactRole.values());
		ServiceManagement.CaseFilter cases = new ServiceManagement.CaseFilter(null, id, null, null, null, null, null, null,
				null);
		ServiceManagement.RatingFilter ratings = new ServiceManagement.RatingFilter(id, null, null, null, null, null);
		model.addAttribute("serviceSummary", service.summary(user, cases, ratings));
		model.addAttribute("cases", service.cases(user, cases,
				ListQuery.of(0, 8, List.of("openedOn,desc"), ServiceManagement.CASE_SORTS, "openedOn")).content());
		model.addAttribute("ratings", service.ratings(user, ratings,
				ListQuery.of(0, 5, List.of("ratedOn,desc"), ServiceManagement.RATING_SORTS, "ratedOn")).content());
		CustomerSalesHistory history = sales.getIfAvailable();
		if (history != null) {
			CustomerSalesHistory.Facts facts = history.summary(id);
			model.addAttribute("facts", facts);
			model.addAttribute("mayLogVisits", !customer.archived() && history.mayLogVisits(user));
			model.addAttribute("today", java.time.LocalDate.now(clock));
			model.addAttribute("orders", history.orders(id, Math.max(0, orderPage), SALES_PAGE));
			model.addAttribute("activities", history.activities(id, Math.max(0, activityPage), SALES_PAGE));
			model.addAttribute("opportunities", history.openOpportunities(id, Math.max(0, opportunityPage), SALES_PAGE));
			java.util.Map<String, Object> chart = new java.util.LinkedHashMap<>();
			chart.put("years", facts.years().stream().map(y -> String.valueOf(y.year())).toList());
			chart.put("net", facts.years().stream().map(CustomerSalesHistory.Year::net).toList());
			chart.put("margin", facts.years().stream().map(CustomerSalesHistory.Year::margin).toList());
			model.addAttribute("chartJson", io.rumbo.shared.web.ChartData.json(json, chart));
		}
		return "customers/customer";
	}

	/** A page of the customer's contacts: the list alone for htmx, otherwise the customer page at that page. */
	@GetMapping("/customers/{id}/contacts")
	String contacts(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
			HttpServletRequest request, Model model) {
		if (!io.rumbo.shared.web.Htmx.isHtmx(request)) {
			return "redirect:/customers/" + id + "?contactPage=" + Math.max(0, page) + "#contacts";
		}
		CustomerView customer = customers.get(user, id);
		model.addAttribute("customer", customer);
		model.addAttribute("mayEdit", customers.mayEdit(user, customer));
		model.addAttribute("contacts", contactPages.page(user, id, Math.max(0, page), CONTACTS_PAGE));
		return "customers/customer :: contacts";
	}

	/** A page of one of the customer's sales lists (orders, activities, opportunities), like the contacts. */
	@GetMapping("/customers/{id}/{list:orders|activities|opportunities}")
	String salesList(CurrentUser user, @PathVariable long id, @PathVariable String list,
			@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		String param = switch (list) {
			case "orders" -> "orderPage";
			case "activities" -> "activityPage";
			default -> "opportunityPage";
		};
		CustomerSalesHistory history = sales.getIfAvailable();
		if (!io.rumbo.shared.web.Htmx.isHtmx(request) || history == null) {
			return "redirect:/customers/" + id + "?" + param + "=" + Math.max(0, page) + "#customer-" + list;
		}
		int at = Math.max(0, page);
		model.addAttribute("customer", customers.get(user, id));
		switch (list) {
			case "orders" -> model.addAttribute("orders", history.orders(id, at, SALES_PAGE));
			case "activities" -> model.addAttribute("activities", history.activities(id, at, SALES_PAGE));
			default -> model.addAttribute("opportunities", history.openOpportunities(id, at, SALES_PAGE));
		}
		return "customers/customer :: " + list;
	}

	@PostMapping("/customers/{id}/contacts")
	String addContact(CurrentUser user, @PathVariable long id, @RequestParam String fullName,
			@RequestParam(required = false) @Nullable String jobTitle, @RequestParam ContactRole role,
			@RequestParam(required = false) @Nullable String email, @RequestParam(required = false) @Nullable String phone,
			@RequestParam(defaultValue = "false") boolean primary, RedirectAttributes redirect) {
		try {
			customers.addContact(user, id,
					new CustomerManagement.ContactDetails(null, fullName, jobTitle, role, email, phone, primary));
			redirect.addFlashAttribute("flash", "customers.contact.created");
		}
		catch (ValidationFailedException ex) {
			redirect.addFlashAttribute("flash", ex.errors().get(0).messageKey());
			redirect.addFlashAttribute("flashKind", "danger");
		}
		return "redirect:/customers/" + id + "#contacts";
	}

	@PostMapping("/customers/{id}/contacts/{contactId}/archive")
	String archiveContact(CurrentUser user, @PathVariable long id, @PathVariable long contactId,
			RedirectAttributes redirect) {
		customers.archiveContact(user, id, contactId);
		redirect.addFlashAttribute("flash", "customers.contact.archived");
		return "redirect:/customers/" + id + "#contacts";
	}

	@PostMapping("/customers/{id}/archive")
	String archive(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		customers.archive(user, id);
		redirect.addFlashAttribute("flash", "customers.customer.archived");
		return "redirect:/customers/" + id;
	}

	@GetMapping("/customers/new")
	String newForm(CurrentUser user, Model model) {
		if (!CustomerManagement.mayCreate(user)) {
			throw new AccessRefusedException("customers");
		}
		return form(user, new CustomerForm(), null, model);
	}

	@PostMapping("/customers/new")
	String create(CurrentUser user, @Valid @ModelAttribute("form") CustomerForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(user, form, null, model);
		}
		try {
			CustomerView created = customers.create(user, form.details());
			redirect.addFlashAttribute("flash", "customers.customer.created");
			return "redirect:/customers/" + created.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(user, form, null, model);
		}
	}

	@GetMapping("/customers/{id}/edit")
	String editForm(CurrentUser user, @PathVariable long id, Model model) {
		CustomerView customer = customers.get(user, id);
		if (!customers.mayEdit(user, customer)) {
			throw new AccessRefusedException("customers");
		}
		return form(user, CustomerForm.of(customer), customer, model);
	}

	@PostMapping("/customers/{id}/edit")
	String update(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") CustomerForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		CustomerView customer = customers.get(user, id);
		if (binding.hasErrors()) {
			return form(user, form, customer, model);
		}
		try {
			customers.update(user, id, form.getVersion(), form.details());
			redirect.addFlashAttribute("flash", "customers.customer.saved");
			return "redirect:/customers/" + id;
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(user, form, customer, model);
		}
		catch (StaleVersionException ex) {
			binding.reject("shared.problem.staleVersion.form");
			form.setVersion(((CustomerView) ex.current()).version());
			return form(user, form, customer, model);
		}
	}

	private String form(CurrentUser user, CustomerForm form, @Nullable CustomerView customer, Model model) {
		boolean assigns = user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
		model.addAttribute("form", form);
		model.addAttribute("customer", customer);
		model.addAttribute("assigns", assigns);
		model.addAttribute("owners", assigns ? ownerOptions(user) : List.of());
		model.addAttribute("unitOptions", assigns ? units.assignableUnits(user) : List.of());
		model.addAttribute("statuses", CustomerStatus.values());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("sizes", CompanySize.values());
		model.addAttribute("classes", PotentialClass.values());
		return "customers/customer-form";
	}

	private List<StaffOption> ownerOptions(CurrentUser user) {
		return staff.options(user, null);
	}
}
