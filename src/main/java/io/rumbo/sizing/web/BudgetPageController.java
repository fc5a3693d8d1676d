package io.rumbo.sizing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import io.rumbo.sizing.BudgetViews;
import io.rumbo.sizing.Budgets;
import io.rumbo.sizing.ChannelBasis;
import io.rumbo.sizing.ChannelTerms;
import io.rumbo.sizing.ChannelTermsView;
import io.rumbo.sizing.CostType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budget against actual (a unit's subtree by sub-unit, by month and by cost type, with cost of sales against revenue
 * and margin and two charts), the budget grid of a unit and year (months by cost types), and the channel terms of
 * agents and distributors (a list and a form).
 */
@Controller
class BudgetPageController {

	private final Budgets budgets;
	private final ChannelTerms channels;
	private final FiscalCalendar calendar;
	private final Formats fmt;
	private final MessageSource messages;
	private final JsonMapper json;
	private final io.rumbo.catalog.CatalogManagement catalog;
	private final io.rumbo.organization.StaffManagement staff;

	private final io.rumbo.sizing.BudgetReports reports;

	BudgetPageController(Budgets budgets, io.rumbo.sizing.BudgetReports reports, ChannelTerms channels, FiscalCalendar calendar, Formats fmt,
			MessageSource messages, JsonMapper json, io.rumbo.catalog.CatalogManagement catalog,
			io.rumbo.organization.StaffManagement staff) {
		this.budgets = budgets;
		this.reports = reports;
		this.channels = channels;
		this.calendar = calendar;
		this.fmt = fmt;
		this.messages = messages;
		this.json = json;
		this.catalog = catalog;
		this.staff = staff;
	}

	@GetMapping(value = "/sizing/budgets", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Long unitId) {
		return SizingExports.budget(ExportFormat.param(format), reports.report(user, year(fiscalYear),
				unit(user, unitId)));
	}

	@GetMapping("/sizing/budgets")
	String report(CurrentUser user, @RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Long unitId, Model model) {
		if (!Budgets.mayRead(user)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("budgets");
		}
		int year = year(fiscalYear);
		long unit = unit(user, unitId);
		BudgetViews.Report report = reports.report(user, year, unit);
		model.addAttribute("report", report);
		model.addAttribute("units", budgets.unitsInScope(user));
		model.addAttribute("years", years());
		model.addAttribute("mayEdit", Budgets.mayEdit(user));
		model.addAttribute("yearLabel", calendar.years().label(year));
		Map<String, Object> months = new LinkedHashMap<>();
		months.put("months", report.months().stream().map(BudgetViews.MonthLine::yearMonth).toList());
		months.put("target", report.months().stream().map(BudgetViews.MonthLine::budget).toList());
		months.put("actual", report.months().stream().map(BudgetViews.MonthLine::actual).toList());
		months.put("forecast", List.of());
		model.addAttribute("monthsJson", ChartData.json(json, months));
		Map<String, Object> byUnit = new LinkedHashMap<>();
		List<BudgetViews.UnitLine> subUnits = report.units().subList(1, report.units().size());
		byUnit.put("names", subUnits.stream().map(BudgetViews.UnitLine::unitName).toList());
		byUnit.put("expected", subUnits.stream().map(BudgetViews.UnitLine::budget).toList());
		byUnit.put("actual", subUnits.stream().map(BudgetViews.UnitLine::actual).toList());
		model.addAttribute("unitsJson", ChartData.json(json, byUnit));
		return "sizing/budget";
	}

	@GetMapping("/sizing/budgets/edit")
	String grid(CurrentUser user, @RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Long unitId, Model model) {
		requireEditor(user);
		return grid(user, budgets.grid(user, year(fiscalYear), unit(user, unitId)), null, List.of(), model);
	}

	@PostMapping("/sizing/budgets/edit")
	String save(CurrentUser user, @RequestParam int fiscalYear, @RequestParam long unitId, @RequestParam long version,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		requireEditor(user);
		Map<String, String> typed = new LinkedHashMap<>();
		try {
			List<BudgetViews.Cell> cells = new ArrayList<>();
			for (int m = 1; m <= 12; m++) {
				for (CostType t : CostType.values()) {
					String name = "c_" + m + "_" + t.name();
					String value = params.get(name);
					typed.put(name, value == null ? "" : value);
					BigDecimal amount = fmt.parseField("cells", value);
					if (amount != null) {
						cells.add(new BudgetViews.Cell(m, t, amount));
					}
				}
			}
			budgets.save(user, fiscalYear, unitId, version, cells);
			redirect.addFlashAttribute("flash", "sizing.budget.saved");
			return "redirect:/sizing/budgets?fiscalYear=" + fiscalYear + "&unitId=" + unitId;
		}
		catch (ValidationFailedException ex) {
			List<String> errors = ex.errors().stream().map(e -> msg(e.messageKey(), e.arguments())).toList();
			return grid(user, budgets.grid(user, fiscalYear, unitId), typed, errors, model);
		}
		catch (StaleVersionException ex) {
			return grid(user, budgets.grid(user, fiscalYear, unitId), typed,
					List.of(msg("shared.problem.staleVersion.form")), model);
		}
	}

	private String grid(CurrentUser user, BudgetViews.Grid grid, @Nullable Map<String, String> typed,
			List<String> errors, Model model) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (int m = 1; m <= 12; m++) {
			for (CostType t : CostType.values()) {
				BigDecimal amount = grid.amount(m, t);
				cells.put("c_" + m + "_" + t.name(), amount.signum() == 0 ? "" : fmt.decimal(amount, 2));
			}
		}
		if (typed != null) {
			cells.putAll(typed);
		}
		model.addAttribute("grid", grid);
		model.addAttribute("cells", cells);
		model.addAttribute("types", CostType.values());
		model.addAttribute("monthLabels", calendar.years().months(grid.fiscalYear()).stream()
			.map(p -> p.start().toString().substring(0, 7)).toList());
		model.addAttribute("units", budgets.unitsInScope(user));
		model.addAttribute("years", years());
		model.addAttribute("errors", errors);
		return "sizing/budget-form";
	}

	// ---- channels

	record ChannelFilter(@Nullable String q, @Nullable OrgUnitKind kind, @Nullable Boolean withTerms) {

		ChannelTerms.Filter criteria() {
			return new ChannelTerms.Filter(q, kind, withTerms);
		}
	}

	@GetMapping(value = "/sizing/channels", params = "format")
	ResponseEntity<StreamingResponseBody> exportChannels(CurrentUser user, @RequestParam String format,
			ChannelFilter filter, ListRequest list) {
		return SizingExports.channels(ExportFormat.param(format), channels, user, filter.criteria(),
				list.unpaged(ChannelTerms.SORTS, "name"));
	}

	@GetMapping("/sizing/channels")
	String channels(CurrentUser user, ChannelFilter filter, ListRequest list, HttpServletRequest request,
			Model model) {
		ListQuery query = list.query(ChannelTerms.SORTS, "name", 25);
		model.addAttribute("kinds", List.of(OrgUnitKind.AGENT, OrgUnitKind.DISTRIBUTOR));
		return ListPages.render(request, model, "sizing/channel-list", filter, query,
				channels.list(user, filter.criteria(), query));
	}

	@GetMapping("/sizing/channels/{id}")
	String channel(CurrentUser user, @PathVariable long id, Model model) {
		return channelForm(user, channels.get(user, id), null, List.of(), model);
	}

	@PostMapping("/sizing/channels/{id}")
	String saveChannel(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable ChannelBasis basis,
			@RequestParam(required = false) @Nullable String sharePercent,
			@RequestParam(required = false) @Nullable Long sellerStaffId,
			@RequestParam(required = false) @Nullable List<Long> productLineIds,
			@RequestParam(required = false) @Nullable List<Long> territoryIds,
			@RequestParam(required = false) @Nullable String territoryNote,
			@RequestParam(required = false) @Nullable String contactName,
			@RequestParam(required = false) @Nullable String contactEmail,
			@RequestParam(required = false) @Nullable String contactPhone, Model model,
			RedirectAttributes redirect) {
		ChannelTermsView current = channels.get(user, id);
		try {
			channels.save(user, id, version, new ChannelTerms.Details(basis, fmt.parseField("sharePercent",
					sharePercent), sellerStaffId, productLineIds, territoryIds, territoryNote, contactName, contactEmail,
					contactPhone, null));
			redirect.addFlashAttribute("flash", "sizing.channel.saved");
			return "redirect:/sizing/channels/" + id;
		}
		catch (ValidationFailedException ex) {
			List<String> errors = ex.errors().stream()
				.map(e -> messages.getMessage("sizing.field." + e.field(), null, e.field(),
						LocaleContextHolder.getLocale()) + ": " + msg(e.messageKey(), e.arguments()))
				.toList();
			return channelForm(user, current, new ChannelTerms.Details(basis, null, sellerStaffId, productLineIds,
					territoryIds, territoryNote, contactName, contactEmail, contactPhone, null), errors, model);
		}
		catch (StaleVersionException ex) {
			return channelForm(user, current, null, List.of(msg("shared.problem.staleVersion.form")), model);
		}
	}

	private String channelForm(CurrentUser user, ChannelTermsView terms, ChannelTerms.@Nullable Details typed,
			List<String> errors, Model model) {
		model.addAttribute("terms", terms);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("mayEdit", ChannelTerms.mayEdit(user));
		model.addAttribute("bases", ChannelBasis.values());
		String lang = LocaleContextHolder.getLocale().getLanguage();
		model.addAttribute("territories", channels.territoryChoices(user));
		List<Long> picked = typed != null && typed.territoryIds() != null ? typed.territoryIds() : terms.territoryIds();
		model.addAttribute("pickedTerritories", picked);
		model.addAttribute("lines", ListPages.options(catalog.lines(false), l -> l.id(), l -> l.name(lang)));
		model.addAttribute("sellers", staff.list(user, new io.rumbo.organization.StaffManagement.StaffFilter(null,
				terms.id(), null, null, false, null), ListQuery.of(0, 100, null, Map.of("lastName", "s.last_name"),
						"lastName")).content());
		return "sizing/channel-form";
	}

	private int year(@Nullable Integer fiscalYear) {
		return fiscalYear == null ? calendar.currentYear() : fiscalYear;
	}

	private long unit(CurrentUser user, @Nullable Long unitId) {
		return unitId != null ? unitId : budgets.defaultUnit(user).orElseThrow(() -> new NotFoundException("orgUnit",
				0));
	}

	private List<Integer> years() {
		int now = calendar.currentYear();
		return List.of(now - 1, now, now + 1);
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static void requireEditor(CurrentUser user) {
		if (!Budgets.mayEdit(user)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("budgets");
		}
	}
}
