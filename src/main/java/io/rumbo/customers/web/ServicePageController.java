package io.rumbo.customers.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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

import io.rumbo.customers.CaseCategory;
import io.rumbo.customers.CasePriority;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.ServiceCaseView;
import io.rumbo.customers.ServiceManagement;
import io.rumbo.identity.CurrentUser;
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

/** The service case list with its figures, a case's page (edit, resolve, rate) and ratings from the customer page. */
@Controller
class ServicePageController {

	private static final String NEWEST_FIRST = "openedOn,desc";

	private final ServiceManagement service;
	private final CustomerManagement customers;
	private final StaffManagement staff;
	private final Clock clock;

	ServicePageController(ServiceManagement service, CustomerManagement customers, StaffManagement staff, Clock clock) {
		this.service = service;
		this.customers = customers;
		this.staff = staff;
		this.clock = clock;
	}

	/** The case list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable Long staffId, @Nullable Boolean open,
			@Nullable CasePriority priority, @Nullable CaseCategory category,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {

		ServiceManagement.CaseFilter criteria() {
			return new ServiceManagement.CaseFilter(q, null, staffId, null, open, priority, category, from, to);
		}

		/** The ratings the figures above the list count: of the same salesperson and days. */
		ServiceManagement.RatingFilter ratings() {
			return new ServiceManagement.RatingFilter(null, null, staffId, null, from, to);
		}
	}

	/** The CSV or XLSX export of the list with the same filters and sort as the page. */
	@GetMapping(value = "/service-cases", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return ServiceExports.cases(ExportFormat.param(format), service, user, filter.criteria(),
				list.unpaged(ServiceManagement.CASE_SORTS, NEWEST_FIRST));
	}

	/** The list with its figures (which follow the filters); an htmx request gets only both. */
	@GetMapping("/service-cases")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(ServiceManagement.CASE_SORTS, NEWEST_FIRST, 25);
		model.addAttribute("summary", service.summary(user, filter.criteria(), filter.ratings()));
		model.addAttribute("priorities", CasePriority.values());
		model.addAttribute("categories", CaseCategory.values());
		model.addAttribute("people", ListPages.options(staff.options(user, null), StaffOption::id,
				p -> p.lastName() + ", " + p.firstName()));
		return ListPages.render(request, model, "customers/case-list", filter, query,
				service.cases(user, filter.criteria(), query));
	}

	@GetMapping("/service-cases/new")
	String newForm(CurrentUser user, @RequestParam long customerId, Model model) {
		CustomerView customer = customers.get(user, customerId);
		if (!service.mayRecord(user, customerId)) {
			throw new AccessRefusedException("serviceCases");
		}
		ServiceCaseForm form = new ServiceCaseForm();
		form.setCustomerId(customerId);
		form.setOpenedOn(LocalDate.now(clock));
		return form(user, form, customer, null, model);
	}

	@PostMapping("/service-cases/new")
	String create(CurrentUser user, @Valid @ModelAttribute("form") ServiceCaseForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (form.getCustomerId() == null) {
			throw ValidationFailedException.of("customerId", "shared.validation.required");
		}
		CustomerView customer = customers.get(user, form.getCustomerId());
		if (binding.hasErrors()) {
			return form(user, form, customer, null, model);
		}
		try {
			ServiceCaseView created = service.open(user, form.details(customer.id()));
			redirect.addFlashAttribute("flash", "customers.case.created");
			return "redirect:/service-cases/" + created.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(user, form, customer, null, model);
		}
	}

	@GetMapping("/service-cases/{id}")
	String view(CurrentUser user, @PathVariable long id, Model model) {
		ServiceCaseView serviceCase = service.get(user, id);
		CustomerView customer = customers.get(user, serviceCase.customerId());
		return form(user, ServiceCaseForm.of(serviceCase), customer, serviceCase, model);
	}

	@PostMapping("/service-cases/{id}")
	String update(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") ServiceCaseForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		ServiceCaseView serviceCase = service.get(user, id);
		CustomerView customer = customers.get(user, serviceCase.customerId());
		if (binding.hasErrors()) {
			return form(user, form, customer, serviceCase, model);
		}
		try {
			service.update(user, id, form.getVersion(), form.details(customer.id()));
			redirect.addFlashAttribute("flash", "customers.case.saved");
			return "redirect:/service-cases/" + id;
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(user, form, customer, serviceCase, model);
		}
		catch (StaleVersionException ex) {
			binding.reject("shared.problem.staleVersion.form");
			form.setVersion(((ServiceCaseView) ex.current()).version());
			return form(user, form, customer, serviceCase, model);
		}
	}

	/** A rating from the customer page or a case page; back to where it came from with the outcome. */
	@PostMapping("/customers/{customerId}/ratings")
	String rate(CurrentUser user, @PathVariable long customerId, @RequestParam(required = false) @Nullable Long caseId,
			@RequestParam(required = false) @Nullable String orderNumber, @RequestParam int csat,
			@RequestParam(required = false) @Nullable Integer nps, @RequestParam(required = false) @Nullable String comment,
			RedirectAttributes redirect) {
		try {
			service.rate(user, new ServiceManagement.RatingDetails(customerId, caseId, orderNumber, LocalDate.now(clock),
					csat, nps, comment));
			redirect.addFlashAttribute("flash", "customers.rating.created");
		}
		catch (ValidationFailedException ex) {
			redirect.addFlashAttribute("flash", ex.errors().get(0).messageKey());
			redirect.addFlashAttribute("flashKind", "danger");
		}
		return caseId != null ? "redirect:/service-cases/" + caseId : "redirect:/customers/" + customerId + "#service";
	}

	private String form(CurrentUser user, ServiceCaseForm form, CustomerView customer, @Nullable ServiceCaseView serviceCase, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("customer", customer);
		model.addAttribute("serviceCase", serviceCase);
		model.addAttribute("mayRecord", service.mayRecord(user, customer.id()));
		model.addAttribute("priorities", CasePriority.values());
		model.addAttribute("categories", CaseCategory.values());
		return "customers/case";
	}
}
