package io.rumbo.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.StaffManagement;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrderStatus;
import io.rumbo.sales.OrderView;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.Htmx;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import tools.jackson.databind.json.JsonMapper;

@Controller
class OrderPageController {

	private static final int LINE_ROWS = 5;

	private final OrderManagement orders;
	private final io.rumbo.planning.StrategyManagement strategies;
	private final StaffManagement staff;
	private final CustomerManagement customers;
	private final CatalogManagement catalog;
	private final JsonMapper json;
	private final java.time.Clock clock;

	OrderPageController(OrderManagement orders, StaffManagement staff, CustomerManagement customers,
			CatalogManagement catalog, JsonMapper json, java.time.Clock clock, io.rumbo.planning.StrategyManagement strategies) {
		this.strategies = strategies;
		this.orders = orders;
		this.staff = staff;
		this.customers = customers;
		this.catalog = catalog;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/orders/new")
	String newForm(CurrentUser user, @RequestParam(required = false) @Nullable Long customerId, Model model) {
		if (!OrderManagement.mayBook(user)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("orders");
		}
		OrderForm form = new OrderForm();
		form.setCustomerId(customerId);
		form.setOrderDate(LocalDate.now(clock));
		return form(user, form, model);
	}

	/** The lines of the form as typed so far plus one empty row, for the add-line button (htmx). */
	@PostMapping("/orders/new/lines")
	String addLine(@org.springframework.web.bind.annotation.ModelAttribute("form") OrderForm form, Model model) {
		form.getLines().add(new OrderForm.LineForm());
		model.addAttribute("form", form);
		model.addAttribute("products", activeProducts());
		return "sales/order-form :: lines";
	}

	@PostMapping("/orders/new")
	String create(CurrentUser user, @jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("form") OrderForm form,
			org.springframework.validation.BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(user, form, model);
		}
		form.compact();
		try {
			OrderView created = orders.create(user, form.details());
			redirect.addFlashAttribute("flash", "sales.order.created");
			return "redirect:/orders/" + created.id();
		}
		catch (io.rumbo.shared.domain.ValidationFailedException ex) {
			io.rumbo.shared.web.FormErrors.bind(ex, binding);
			return form(user, form, model);
		}
	}

	private String form(CurrentUser user, OrderForm form, Model model) {
		form.pad(Math.max(LINE_ROWS, form.getLines().size()));
		model.addAttribute("form", form);
		// The customer picker searches as the user types; only the chosen account is read here.
		model.addAttribute("customerChoice", form.getCustomerId() == null || !customers.isVisible(user, form.getCustomerId())
				? null : label(customers.get(user, form.getCustomerId())));
		model.addAttribute("products", activeProducts());
		model.addAttribute("people", staff.options(user, null));
		return "sales/order-form";
	}

	private static String label(io.rumbo.customers.CustomerView c) {
		return new io.rumbo.customers.CustomerOption(c.id(), c.legalName(), c.city(), c.externalId()).label();
	}

	private List<io.rumbo.catalog.ProductView> activeProducts() {
		return catalog.products(new io.rumbo.catalog.ProductFilter(null, null, true),
				ListQuery.of(0, 1, List.of("sku"), CatalogManagement.PRODUCT_SORTS, "sku").unpaged()).content();
	}

	/** The order list's filters, as its query string names them; a customer's page links here with its customerId. */
	record ListFilter(@Nullable Long staffId, @Nullable Long customerId,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable OrderStatus status) {

		OrderManagement.Filter criteria() {
			return new OrderManagement.Filter(staffId, null, customerId, from, to, status);
		}
	}

	/** The CSV or XLSX export of the list with the same filters and sort as the page. */
	@GetMapping(value = "/orders", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return OrderExports.orders(ExportFormat.param(format), orders, user, filter.criteria(),
				list.unpaged(OrderManagement.SORTS, "orderDate"));
	}

	/** The list with the totals and the monthly chart of everything the filters match; htmx gets only the results. */
	@GetMapping("/orders")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(OrderManagement.SORTS, "orderDate,desc", 25);
		if (!Htmx.isHtmx(request)) {
			// Sorting and paging swap only the results, which do not show the figures.
			model.addAttribute("totals", orders.totals(user, filter.criteria()));
			model.addAttribute("chartJson", chart(orders.monthly(user, filter.criteria())));
			model.addAttribute("statuses", OrderStatus.values());
			model.addAttribute("people", staff.options(user, null));
		}
		return ListPages.render(request, model, "sales/order-list", filter, query,
				orders.list(user, filter.criteria(), query));
	}

	@GetMapping("/orders/{id}")
	String order(CurrentUser user, @PathVariable long id, Model model) {
		OrderView order = orders.get(user, id);
		model.addAttribute("order", order);
		model.addAttribute("marginPercent", percent(order.marginAmount(), order.netAmount()));
		model.addAttribute("mayCancel", order.status() == OrderStatus.BOOKED
				&& user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER));
		model.addAttribute("strategies", user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP)
				? strategies.list(null) : java.util.List.of());
		model.addAttribute("strategyId", orders.strategyOf(user, id));
		model.addAttribute("strategyAction", "/orders/" + id + "/strategy");
		return "sales/order";
	}

	@PostMapping("/orders/{id}/strategy")
	String tag(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long strategyId,
			RedirectAttributes redirect) {
		orders.tagStrategy(user, id, strategyId);
		redirect.addFlashAttribute("flash", "sales.strategy.saved");
		return "redirect:/orders/" + id;
	}

	@PostMapping("/orders/{id}/cancel")
	String cancel(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		orders.cancel(user, id);
		redirect.addFlashAttribute("flash", "sales.order.cancelledFlash");
		return "redirect:/orders/" + id;
	}

	private String chart(List<io.rumbo.sales.domain.OrderQueries.MonthTotal> months) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> net = new ArrayList<>();
		List<BigDecimal> margin = new ArrayList<>();
		for (var m : months) {
			labels.add(String.format("%d-%02d", m.year(), m.month()));
			net.add(m.net());
			margin.add(m.margin());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("months", labels);
		data.put("net", net);
		data.put("margin", margin);
		return io.rumbo.shared.web.ChartData.json(json, data);
	}

	static @Nullable BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null
				: part.multiply(io.rumbo.shared.money.Amounts.HUNDRED).divide(whole, 1, io.rumbo.shared.money.Amounts.ROUNDING);
	}
}
