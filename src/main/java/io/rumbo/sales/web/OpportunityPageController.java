package io.rumbo.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffOption;
import io.rumbo.sales.OpportunityManagement;
import io.rumbo.sales.OpportunityProducts;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.sales.OpportunityView;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrderView;
import io.rumbo.sales.PipelineStages;
import io.rumbo.sales.Stage;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.HtmlOptions;
import io.rumbo.shared.web.Htmx;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import io.rumbo.shared.web.LocaleSupport;

/**
 * The pipeline board: a column per stage showing its first cards (more on demand), cards moved by drag and drop or
 * with their "move to" form (htmx), totals weighted by probability; and the opportunity page with its stage form,
 * its products and the order of a won deal.
 */
@Controller
class OpportunityPageController {

	private final OpportunityManagement opportunities;
	private final OpportunityQueries queries;
	private final OpportunityProducts opportunityProducts;
	private final PipelineStages pipelineStages;
	private final io.rumbo.planning.StrategyManagement strategies;
	private final StaffManagement staff;
	private final CatalogManagement catalog;
	private final java.time.Clock clock;
	private final Formats fmt;
	private final MessageSource messages;
	private final BoardCards boardCards;

	OpportunityPageController(OpportunityManagement opportunities, OpportunityQueries queries,
			OpportunityProducts opportunityProducts, PipelineStages pipelineStages,
			StaffManagement staff, CatalogManagement catalog, java.time.Clock clock,
			io.rumbo.planning.StrategyManagement strategies, Formats fmt, MessageSource messages,
			BoardCards boardCards) {
		this.messages = messages;
		this.boardCards = boardCards;
		this.fmt = fmt;
		this.queries = queries;
		this.opportunityProducts = opportunityProducts;
		this.pipelineStages = pipelineStages;
		this.strategies = strategies;
		this.opportunities = opportunities;
		this.staff = staff;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/opportunities")
	String board(CurrentUser user, @RequestParam(required = false) @Nullable Long ownerStaffId,
			HttpServletRequest request, Model model) {
		boardModel(user, ownerStaffId, model);
		model.addAttribute("ownerOptions", HtmlOptions.of(staff.options(user, null), StaffOption::id,
				p -> p.lastName() + ", " + p.firstName(), ownerStaffId));
		model.addAttribute("today", LocalDate.now(clock));
		return Htmx.view(request, "sales/pipeline", "board");
	}

	/** The opportunity list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable Long ownerStaffId, @Nullable String stage, @Nullable Boolean open) {

		OpportunityQueries.Filter criteria() {
			return new OpportunityQueries.Filter(ownerStaffId, null, stage, Boolean.TRUE.equals(open), q);
		}
	}

	/** The CSV or XLSX export of the list with the same filters and sort as the page. */
	@GetMapping(value = "/opportunities/list", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return OpportunityExports.opportunities(ExportFormat.param(format), queries, user, filter.criteria(),
				list.unpaged(OpportunityQueries.SORTS, "expectedClose"));
	}

	/** The same opportunities as the board, as a list with search, filters, sorting, pages and exports. */
	@GetMapping("/opportunities/list")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(OpportunityQueries.SORTS, "expectedClose", 25);
		Map<String, Stage> stages = pipelineStages.byCode();
		String language = language();
		model.addAttribute("stages", stages);
		model.addAttribute("stageOptions", ListPages.options(stages.values(), Stage::code, s -> s.name(language)));
		model.addAttribute("lang", language);
		model.addAttribute("people", staff.options(user, null));
		return ListPages.render(request, model, "sales/opportunity-list", filter, query,
				queries.page(user, filter.criteria(), query));
	}

	@PostMapping("/opportunities/{id}/strategy")
	String tag(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long strategyId,
			RedirectAttributes redirect) {
		opportunities.tagStrategy(user, id, strategyId);
		redirect.addFlashAttribute("flash", "sales.strategy.saved");
		return "redirect:/opportunities/" + id;
	}

	/**
	 * A card dropped on a column or moved with its "move to" form; answers the redrawn board and, out of band, a
	 * status line that screen readers announce.
	 */
	@PostMapping("/opportunities/{id}/stage")
	String move(CurrentUser user, @PathVariable long id, @RequestParam String stage,
			@RequestParam(required = false) @Nullable String lossReason,
			@RequestParam(required = false) @Nullable Long ownerStaffId, Model model) {
		OpportunityView moved = opportunities.moveTo(user, id, stage, lossReason);
		boardModel(user, ownerStaffId, model);
		model.addAttribute("moved", moved);
		model.addAttribute("movedStage", pipelineStages.of(moved.stageCode()));
		return "sales/pipeline :: moved";
	}

	/** The next cards of a column, for its "more" button. */
	@GetMapping("/opportunities/column")
	String column(CurrentUser user, @RequestParam String stage, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(required = false) @Nullable Long ownerStaffId, Model model) {
		List<OpportunityView> cards = queries.column(user, ownerStaffId, stage, offset);
		model.addAttribute("s", pipelineStages.of(stage));
		boolean mayWork = OpportunityManagement.mayWork(user);
		Stage column = pipelineStages.of(stage);
		model.addAttribute("cardsHtml",
				boardCards.html(cards(cards), mayWork && column.open(), LocaleContextHolder.getLocale()));
		model.addAttribute("stages", pipelineStages.list());
		model.addAttribute("nextOffset", offset + cards.size());
		model.addAttribute("hasMore", cards.size() == OpportunityQueries.BOARD_PAGE);
		model.addAttribute("ownerStaffId", ownerStaffId);
		model.addAttribute("lang", language());
		model.addAttribute("mayWork", mayWork);
		return "sales/pipeline :: more";
	}

	/**
	 * The stage form of the opportunity page; an htmx request gets the page's main part redrawn. A refused move (lost
	 * without a reason) answers 400 with the form again, the stage and reason as typed and the error at its field.
	 */
	@PostMapping("/opportunities/{id}/move")
	String moveOnPage(CurrentUser user, @PathVariable long id, @RequestParam String stage,
			@RequestParam(required = false) @Nullable String lossReason, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			opportunities.moveTo(user, id, stage, lossReason);
		}
		catch (ValidationFailedException ex) {
			opportunityModel(user, id, model);
			model.addAttribute("chosenStage", stage);
			model.addAttribute("typedReason", lossReason);
			ValidationFailedException.FieldError error = ex.errors().get(0);
			model.addAttribute("stageError", messages.getMessage(error.messageKey(), error.arguments(),
					error.messageKey(), LocaleContextHolder.getLocale()));
			model.addAttribute("stageErrorField", error.field());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return Htmx.isHtmx(request) ? "sales/opportunity :: main" : "sales/opportunity";
		}
		if (Htmx.isHtmx(request)) {
			opportunityModel(user, id, model);
			model.addAttribute("movedNow", true);
			return "sales/opportunity :: main";
		}
		redirect.addFlashAttribute("flash", "sales.opportunity.moved");
		return "redirect:/opportunities/" + id;
	}

	@PostMapping("/opportunities")
	String create(CurrentUser user, @RequestParam long customerId, @RequestParam String title,
			@RequestParam BigDecimal amount,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedClose,
			RedirectAttributes redirect) {
		OpportunityView created = opportunities.create(user, new OpportunityManagement.OpportunityDetails(customerId,
				title, amount, expectedClose, null, null, null, null));
		redirect.addFlashAttribute("flash", "sales.opportunity.created");
		return "redirect:/opportunities/" + created.id();
	}

	@GetMapping("/opportunities/{id}")
	String opportunity(CurrentUser user, @PathVariable long id, Model model) {
		opportunityModel(user, id, model);
		return "sales/opportunity";
	}

	/**
	 * The details form of the opportunity page (title, amount, expected close, owner, next step). A refused value
	 * answers the page again with 400 and the error at its field; a form read before someone else's change answers
	 * 409 with the form as typed on the current version, so saving again overwrites knowingly.
	 */
	@PostMapping("/opportunities/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") OpportunityForm form,
			BindingResult binding, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		OpportunityView current = queries.get(user, id);
		if (!binding.hasErrors()) {
			try {
				opportunities.update(user, id, java.util.Objects.requireNonNull(form.getVersion()), form.details(current));
				redirect.addFlashAttribute("flash", "sales.opportunity.saved");
				return "redirect:/opportunities/" + id;
			}
			catch (ValidationFailedException ex) {
				FormErrors.bind(ex, binding);
			}
			catch (StaleVersionException ex) {
				binding.reject("shared.problem.staleVersion.form");
				form.setVersion(((OpportunityView) ex.current()).version());
				response.setStatus(HttpStatus.CONFLICT.value());
			}
		}
		if (response.getStatus() != HttpStatus.CONFLICT.value()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		opportunityModel(user, id, model);
		model.addAttribute("editing", true);
		return "sales/opportunity";
	}

	private void opportunityModel(CurrentUser user, long id, Model model) {
		OpportunityView opportunity = queries.get(user, id);
		Map<String, Stage> stages = pipelineStages.byCode();
		List<OpportunityProducts.ProductLineView> lines = opportunityProducts.products(user, id);
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("stages", stages);
		model.addAttribute("stage", stages.get(opportunity.stageCode()));
		model.addAttribute("lang", language());
		model.addAttribute("products", catalog.products(new ProductFilter(null, null, true),
				ListQuery.of(0, 1, List.of("sku"), CatalogManagement.PRODUCT_SORTS, "sku").unpaged()).content());
		model.addAttribute("lines", lines);
		model.addAttribute("linesTotal", lines.stream().map(OpportunityProducts.ProductLineView::net)
			.reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("strategies", OpportunityManagement.mayWork(user) ? strategies.list(null) : List.of());
		model.addAttribute("strategyId", opportunities.strategyOf(user, id));
		model.addAttribute("strategyAction", "/opportunities/" + id + "/strategy");
		model.addAttribute("mayWork", OpportunityManagement.mayWork(user));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", OpportunityForm.of(opportunity));
		}
		// Whoever may give the deal to someone else chooses among the people in their reach (the rules of
		// OpportunityManagement: a salesperson's deals stay their own).
		model.addAttribute("owners", user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER) ? staff.options(user, null)
				: List.of());
	}

	/**
	 * Saves the edited quantities, prices and discounts of the opportunity's lines (the rows of its products table)
	 * and answers the page again.
	 */
	@PostMapping("/opportunities/{id}/products/lines")
	String editLines(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(name = "lineNo", required = false) @Nullable List<Integer> lineNos,
			@RequestParam(name = "quantity", required = false) @Nullable List<BigDecimal> quantities,
			@RequestParam(name = "unitPrice", required = false) @Nullable List<BigDecimal> prices,
			@RequestParam(name = "discountPercent", required = false) @Nullable List<BigDecimal> discounts,
			RedirectAttributes redirect) {
		List<OpportunityProducts.ProductLine> lines = new java.util.ArrayList<>();
		for (OpportunityProducts.ProductLineView line : opportunityProducts.products(user, id)) {
			int at = lineNos == null ? -1 : lineNos.indexOf(line.lineNo());
			lines.add(new OpportunityProducts.ProductLine(line.productId(), valueAt(quantities, at, line.quantity()),
					valueAt(prices, at, line.unitPrice()), valueAt(discounts, at, line.discountPercent())));
		}
		opportunityProducts.setProducts(user, id, version, lines);
		redirect.addFlashAttribute("flash", "sales.opportunity.productsSaved");
		return "redirect:/opportunities/" + id + "#products";
	}

	/**
	 * The edited value of row {@code at}; a row or column the form did not send keeps its value, a blank cell is
	 * null (a quantity is then refused, a price falls back to the list price, a discount to none).
	 */
	private static @Nullable BigDecimal valueAt(@Nullable List<BigDecimal> values, int at, BigDecimal current) {
		return values == null || at < 0 || at >= values.size() ? current : values.get(at);
	}

	/** Adds a product line (or, with remove, takes one away) and answers the page again. */
	@PostMapping("/opportunities/{id}/products")
	String products(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long productId,
			@RequestParam(required = false) @Nullable BigDecimal quantity,
			@RequestParam(required = false) @Nullable BigDecimal unitPrice,
			@RequestParam(required = false) @Nullable BigDecimal discountPercent,
			@RequestParam(required = false) @Nullable Integer remove, RedirectAttributes redirect) {
		List<OpportunityProducts.ProductLine> lines = new java.util.ArrayList<>();
		for (OpportunityProducts.ProductLineView line : opportunityProducts.products(user, id)) {
			if (remove == null || line.lineNo() != remove) {
				lines.add(new OpportunityProducts.ProductLine(line.productId(), line.quantity(), line.unitPrice(),
						line.discountPercent()));
			}
		}
		if (remove == null && productId != null) {
			lines.add(new OpportunityProducts.ProductLine(productId, quantity == null ? BigDecimal.ZERO : quantity,
					unitPrice, discountPercent));
		}
		opportunityProducts.setProducts(user, id, version, lines);
		redirect.addFlashAttribute("flash", "sales.opportunity.productsSaved");
		return "redirect:/opportunities/" + id + "#products";
	}

	@PostMapping("/opportunities/{id}/order")
	String order(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long productId,
			@RequestParam(required = false) @Nullable BigDecimal quantity,
			@RequestParam(required = false) @Nullable BigDecimal unitPrice, RedirectAttributes redirect) {
		// Without a product the opportunity's own products are booked.
		OrderView order = opportunities.createOrder(user, id, productId == null || quantity == null ? List.of()
				: List.of(new OrderManagement.NewLine(productId, quantity, unitPrice, null)), List.of());
		redirect.addFlashAttribute("flash", "sales.order.created");
		return "redirect:/orders/" + order.id();
	}

	private void boardModel(CurrentUser user, @Nullable Long ownerStaffId, Model model) {
		OpportunityQueries.Board board = queries.board(user, ownerStaffId);
		model.addAttribute("stages", board.stages());
		Map<String, List<BoardCard>> columns = new java.util.LinkedHashMap<>();
		board.columns().forEach((stage, cards) -> columns.put(stage, cards(cards)));
		model.addAttribute("columns", columns);
		boolean mayWork = OpportunityManagement.mayWork(user);
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> cardsHtml = new java.util.HashMap<>();
		board.stages().forEach(s -> cardsHtml.put(s.code(),
				boardCards.html(columns.getOrDefault(s.code(), List.of()), mayWork && s.open(), locale)));
		model.addAttribute("cardsHtml", cardsHtml);
		model.addAttribute("columnAmounts", board.columnAmounts());
		model.addAttribute("columnCounts", board.columnCounts());
		model.addAttribute("board", board);
		model.addAttribute("totals", board.totals());
		model.addAttribute("ownerStaffId", ownerStaffId);
		model.addAttribute("lang", language());
		model.addAttribute("mayWork", mayWork);
	}

	private List<BoardCard> cards(List<OpportunityView> cards) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/opportunities/").build().getPath();
		return cards.stream().map(o -> BoardCard.of(o, fmt, base)).toList();
	}

	private static String language() {
		return LocaleSupport.supported(LocaleContextHolder.getLocale()).getLanguage();
	}
}
