package io.rumbo.catalog.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.i18n.LocaleContextHolder;
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

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.ProductView;
import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.catalog.domain.CatalogQueries;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import io.rumbo.shared.web.LocaleSupport;

@Controller
class ProductPageController {

	private final CatalogManagement catalog;
	private final Clock clock;

	ProductPageController(CatalogManagement catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The product list's filters are the catalog's own: {@code ?q=&lineId=&active=}. */
	@GetMapping(value = "/catalog/products", params = "format")
	ResponseEntity<StreamingResponseBody> export(@RequestParam String format, ProductFilter filter, ListRequest list) {
		return CatalogExports.products(ExportFormat.param(format), catalog, filter,
				list.unpaged(CatalogQueries.PRODUCT_SORTS, "sku"));
	}

	@GetMapping("/catalog/products")
	String list(CurrentUser user, ProductFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(CatalogQueries.PRODUCT_SORTS, "sku", 25);
		model.addAttribute("lines",
				ListPages.options(catalog.lines(false), ProductLineView::id, line -> line.name(language())));
		model.addAttribute("mayEdit", CatalogManagement.mayEdit(user));
		model.addAttribute("nameSort", "es".equals(language()) ? "nameEs" : "nameEn");
		return ListPages.render(request, model, "catalog/product-list", filter, query, catalog.products(filter, query));
	}

	@GetMapping("/catalog/products/{id}")
	String product(CurrentUser user, @PathVariable long id, Model model) {
		ProductView product = catalog.product(id);
		model.addAttribute("product", product);
		model.addAttribute("title", product.name(language()));
		model.addAttribute("costs", catalog.costHistory(id));
		model.addAttribute("mayEdit", CatalogManagement.mayEdit(user));
		model.addAttribute("today", LocalDate.now(clock));
		return "catalog/product";
	}

	@PostMapping("/catalog/products/{id}/costs")
	String addCost(CurrentUser user, @PathVariable long id, @RequestParam BigDecimal standardCost,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			RedirectAttributes redirect) {
		catalog.addCost(user, id, standardCost, validFrom);
		redirect.addFlashAttribute("flash", "catalog.product.costSaved");
		return "redirect:/catalog/products/" + id;
	}

	@PostMapping("/catalog/products/{id}/archive")
	String archive(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		catalog.archiveProduct(user, id);
		redirect.addFlashAttribute("flash", "catalog.product.archived");
		return "redirect:/catalog/products/" + id;
	}

	@GetMapping("/catalog/products/new")
	String newForm(CurrentUser user, @RequestParam(required = false) @Nullable Long lineId, Model model) {
		requireEditor(user);
		ProductForm form = new ProductForm();
		form.setLineId(lineId);
		form.setCostValidFrom(LocalDate.now(clock));
		return form(form, null, model);
	}

	@PostMapping("/catalog/products/new")
	String create(CurrentUser user, @Valid @ModelAttribute("form") ProductForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(form, null, model);
		}
		try {
			ProductView created = catalog.createProduct(user, form.details());
			redirect.addFlashAttribute("flash", "catalog.product.created");
			return "redirect:/catalog/products/" + created.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(form, null, model);
		}
	}

	@GetMapping("/catalog/products/{id}/edit")
	String editForm(CurrentUser user, @PathVariable long id, Model model) {
		requireEditor(user);
		ProductView product = catalog.product(id);
		return form(ProductForm.of(product), product, model);
	}

	@PostMapping("/catalog/products/{id}/edit")
	String update(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") ProductForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		ProductView product = catalog.product(id);
		if (binding.hasErrors()) {
			return form(form, product, model);
		}
		try {
			catalog.updateProduct(user, id, form.getVersion(), form.details());
			redirect.addFlashAttribute("flash", "catalog.product.saved");
			return "redirect:/catalog/products/" + id;
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(form, product, model);
		}
		catch (StaleVersionException ex) {
			binding.reject("shared.problem.staleVersion.form");
			form.setVersion(((ProductView) ex.current()).version());
			return form(form, product, model);
		}
	}

	private String form(ProductForm form, @Nullable ProductView product, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("product", product);
		model.addAttribute("lines", catalog.lines(false));
		model.addAttribute("units", UnitOfMeasure.values());
		return "catalog/product-form";
	}

	private static String language() {
		return LocaleSupport.supported(LocaleContextHolder.getLocale()).getLanguage();
	}

	private static void requireEditor(CurrentUser user) {
		if (!CatalogManagement.mayEdit(user)) {
			throw new AccessRefusedException("catalog");
		}
	}
}
