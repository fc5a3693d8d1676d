package io.rumbo.territories.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.territories.AccountMove;
import io.rumbo.territories.BalanceIndex;
import io.rumbo.territories.BalanceRow;
import io.rumbo.territories.ModelStatus;
import io.rumbo.territories.ModelView;
import io.rumbo.territories.NamedMode;
import io.rumbo.territories.RuleField;
import io.rumbo.territories.AccountTerritories;
import io.rumbo.territories.TerritoryAnalysis;
import io.rumbo.territories.TerritoryBalances;
import io.rumbo.territories.ScheduledActivations;
import io.rumbo.territories.TerritoryModels;
import io.rumbo.territories.TerritoryView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The territory pages: the model list (search, status, sort, paging, export) with the reader's own territories, the
 * model editor (territories with their rules and named accounts, activation), the preview of a model's moves and the
 * balance page with its charts and the suggestion button (decision 0037).
 */
@Controller
class TerritoriesPageController {

	private final TerritoryModels models;
	private final TerritoryAnalysis analysis;
	private final TerritoryBalances balances;
	private final AccountTerritories accounts;
	private final ScheduledActivations schedules;
	private final StaffManagement staff;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final JsonMapper json;
	private final Clock clock;
	private final io.rumbo.identity.UserManagement users;

	TerritoriesPageController(TerritoryModels models, TerritoryAnalysis analysis, TerritoryBalances balances, AccountTerritories accounts, ScheduledActivations schedules,
			StaffManagement staff, OrgDirectory org, DataScopes scopes, JsonMapper json, Clock clock,
			io.rumbo.identity.UserManagement users) {
		this.users = users;
		this.models = models;
		this.schedules = schedules;
		this.analysis = analysis;
		this.balances = balances;
		this.accounts = accounts;
		this.staff = staff;
		this.org = org;
		this.scopes = scopes;
		this.json = json;
		this.clock = clock;
	}

	record ListFilter(@Nullable String q, @Nullable ModelStatus status) {

		TerritoryModels.Filter criteria() {
			return new TerritoryModels.Filter(q, status);
		}
	}

	record PreviewFilter(@Nullable String q, @Nullable Boolean movesOnly,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {

		TerritoryAnalysis.Filter criteria() {
			return new TerritoryAnalysis.Filter(on, Boolean.TRUE.equals(movesOnly), q);
		}
	}

	record BalanceFilter(@Nullable String q, @Nullable BalanceIndex index) {
	}

	// ---- the model list

	@GetMapping(value = "/territories", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return TerritoryExports.models(ExportFormat.param(format), models, user, filter.criteria(),
				list.unpaged(TerritoryModels.SORTS, "createdAt"));
	}

	@GetMapping("/territories")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(TerritoryModels.SORTS, "createdAt", 25);
		model.addAttribute("statuses", ModelStatus.values());
		model.addAttribute("mine", accounts.mine(user));
		model.addAttribute("mayCreate", TerritoryModels.mayCreate(user));
		boolean reader = TerritoryModels.mayReadModels(user);
		model.addAttribute("reader", reader);
		PageResponse<ModelView> results = reader ? models.list(user, filter.criteria(), query)
				: PageResponse.of(List.of(), query, 0);
		if (reader) {
			model.addAttribute("modelOptions", ListPages.options(models.list(user, new TerritoryModels.Filter(null,
					null), ListQuery.of(0, 100, List.of("createdAt,desc"), TerritoryModels.SORTS, "createdAt"))
				.content(), ModelView::id, ModelView::name));
		}
		return ListPages.render(request, model, "territories/model-list", filter, query, results);
	}

	@PostMapping("/territories/models")
	String create(CurrentUser user, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Long basedOnId, RedirectAttributes redirect) {
		ModelView created = models.create(user, name, note, basedOnId);
		redirect.addFlashAttribute("flash", "territories.model.created");
		return "redirect:/territories/models/" + created.id();
	}

	// ---- the model editor

	@GetMapping("/territories/models/{id}")
	String model(CurrentUser user, @PathVariable long id, Model model) {
		ModelView view = models.get(user, id);
		List<TerritoryView> territories = models.territories(user, id);
		model.addAttribute("model", view);
		model.addAttribute("scheduledByName", displayName(view.scheduledBy()));
		model.addAttribute("territories", territories);
		model.addAttribute("draft", view.status() == ModelStatus.DRAFT);
		model.addAttribute("mayActivate", TerritoryModels.mayActivate(user) && view.status() == ModelStatus.DRAFT);
		model.addAttribute("mayUnschedule", TerritoryModels.mayActivate(user)
				&& view.status() == ModelStatus.SCHEDULED);
		model.addAttribute("tomorrow", LocalDate.now(clock).plusDays(1));
		model.addAttribute("mayAdd", TerritoryModels.mayCreate(user) && view.status() == ModelStatus.DRAFT);
		model.addAttribute("fields", RuleField.values());
		model.addAttribute("modes", NamedMode.values());
		model.addAttribute("sizes", CompanySize.values());
		model.addAttribute("classes", PotentialClass.values());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("people", staff.options(user, null));
		var scope = scopes.of(user);
		boolean wide = user.hasAny(Role.ADMIN, Role.DIRECTOR);
		model.addAttribute("units", org.unitTree().stream().filter(u -> wide || scope.managesUnit(u.id())).toList());
		Map<Long, String> names = new LinkedHashMap<>();
		territories.forEach(t -> names.put(t.id(), t.name()));
		model.addAttribute("territoryNames", names);
		model.addAttribute("nodes", tree(territories));
		return "territories/model";
	}

	/** A territory with its depth in the tree, for the indented list. */
	record Node(TerritoryView territory, int depth) {
	}

	/** The territories depth first (children by rank under their parent); orphans of the reader's scope at the top. */
	static List<Node> tree(List<TerritoryView> territories) {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		territories.forEach(t -> ids.add(t.id()));
		Map<Long, List<TerritoryView>> children = new LinkedHashMap<>();
		List<TerritoryView> roots = new java.util.ArrayList<>();
		for (TerritoryView t : territories) {
			if (t.parentId() == null || !ids.contains(t.parentId())) {
				roots.add(t);
			}
			else {
				children.computeIfAbsent(t.parentId(), k -> new java.util.ArrayList<>()).add(t);
			}
		}
		List<Node> nodes = new java.util.ArrayList<>();
		java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
		for (int i = roots.size() - 1; i >= 0; i--) {
			stack.push(new Node(roots.get(i), 0));
		}
		while (!stack.isEmpty()) {
			Node n = stack.pop();
			nodes.add(n);
			List<TerritoryView> kids = children.getOrDefault(n.territory().id(), List.of());
			for (int i = kids.size() - 1; i >= 0; i--) {
				stack.push(new Node(kids.get(i), n.depth() + 1));
			}
		}
		return nodes;
	}

	@PostMapping("/territories/models/{id}")
	String describe(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		models.describe(user, id, version, name, note);
		redirect.addFlashAttribute("flash", "territories.model.saved");
		return "redirect:/territories/models/" + id;
	}

	@PostMapping("/territories/models/{id}/territories")
	String addTerritory(CurrentUser user, @PathVariable long id, TerritoryForm form, RedirectAttributes redirect) {
		TerritoryView created = models.addTerritory(user, id, form.details());
		redirect.addFlashAttribute("flash", "territories.territory.added");
		return "redirect:/territories/models/" + id + "#territory-" + created.id();
	}

	@PostMapping("/territories/models/{id}/territories/{territoryId}")
	String updateTerritory(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@RequestParam long version, TerritoryForm form, RedirectAttributes redirect) {
		models.updateTerritory(user, id, territoryId, version, form.details());
		redirect.addFlashAttribute("flash", "territories.territory.saved");
		return "redirect:/territories/models/" + id + "#territory-" + territoryId;
	}

	@PostMapping("/territories/models/{id}/territories/{territoryId}/rules")
	String addRule(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@RequestParam long version, @RequestParam(required = false) @Nullable RuleField field,
			@RequestParam(required = false) @Nullable String valueFrom,
			@RequestParam(required = false) @Nullable String valueTo, RedirectAttributes redirect) {
		models.addRule(user, id, territoryId, version, field, valueFrom, valueTo);
		redirect.addFlashAttribute("flash", "territories.rule.added");
		return "redirect:/territories/models/" + id + "#territory-" + territoryId;
	}

	@PostMapping("/territories/models/{id}/territories/{territoryId}/rules/{ruleId}/remove")
	String removeRule(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@PathVariable long ruleId, @RequestParam long version, RedirectAttributes redirect) {
		models.removeRule(user, id, territoryId, version, ruleId);
		redirect.addFlashAttribute("flash", "territories.rule.removed");
		return "redirect:/territories/models/" + id + "#territory-" + territoryId;
	}

	@PostMapping("/territories/models/{id}/territories/{territoryId}/accounts")
	String nameAccount(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@RequestParam long version, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable NamedMode mode, RedirectAttributes redirect) {
		models.nameAccount(user, id, territoryId, version, customerId, mode);
		redirect.addFlashAttribute("flash", "territories.named.added");
		return "redirect:/territories/models/" + id + "#territory-" + territoryId;
	}

	@PostMapping("/territories/models/{id}/territories/{territoryId}/accounts/{customerId}/remove")
	String unnameAccount(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@PathVariable long customerId, @RequestParam long version, RedirectAttributes redirect) {
		models.unnameAccount(user, id, territoryId, version, customerId);
		redirect.addFlashAttribute("flash", "territories.named.removed");
		return "redirect:/territories/models/" + id + "#territory-" + territoryId;
	}

	@PostMapping("/territories/models/{id}/activate")
	String activate(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveDate,
			RedirectAttributes redirect) {
		models.activate(user, id, version, effectiveDate);
		redirect.addFlashAttribute("flash", "territories.model.activated");
		return "redirect:/territories/models/" + id;
	}

	@PostMapping("/territories/models/{id}/schedule")
	String schedule(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveDate,
			RedirectAttributes redirect) {
		schedules.schedule(user, id, version, effectiveDate);
		redirect.addFlashAttribute("flash", "territories.model.scheduled");
		return "redirect:/territories/models/" + id;
	}

	@PostMapping("/territories/models/{id}/unschedule")
	String unschedule(CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		schedules.unschedule(user, id, version);
		redirect.addFlashAttribute("flash", "territories.model.unscheduled");
		return "redirect:/territories/models/" + id;
	}

	// ---- preview

	@GetMapping(value = "/territories/models/{id}/preview", params = "format")
	ResponseEntity<StreamingResponseBody> exportPreview(CurrentUser user, @PathVariable long id,
			@RequestParam String format, PreviewFilter filter, ListRequest list) {
		ListQuery query = list.unpaged(TerritoryAnalysis.SORTS, "legalName");
		analysis.check(user, id);
		return TerritoryExports.preview(ExportFormat.param(format), analysis, user, id, filter.criteria(), query);
	}

	@GetMapping("/territories/models/{id}/preview")
	String preview(CurrentUser user, @PathVariable long id, PreviewFilter filter, ListRequest list,
			HttpServletRequest request, Model model) {
		ListQuery query = list.query(TerritoryAnalysis.SORTS, "legalName", 50);
		TerritoryAnalysis.Preview preview = analysis.preview(user, id, filter.criteria(), query);
		model.addAttribute("model", preview.model());
		model.addAttribute("summary", preview.summary());
		model.addAttribute("lastYearFrom", preview.lastYearFrom());
		model.addAttribute("lastYearTo", preview.lastYearTo());
		model.addAttribute("mayActivate", TerritoryModels.mayActivate(user)
				&& preview.model().status() == ModelStatus.DRAFT);
		model.addAttribute("effectiveDate", LocalDate.now(clock));
		model.addAttribute("previewOn", filter.on() != null ? filter.on()
				: preview.model().status() == ModelStatus.SCHEDULED ? preview.model().scheduledFor() : null);
		return ListPages.render(request, model, "territories/preview", filter, query, preview.accounts());
	}

	// ---- balance

	@GetMapping(value = "/territories/models/{id}/balance", params = "format")
	ResponseEntity<StreamingResponseBody> exportBalance(CurrentUser user, @PathVariable long id,
			@RequestParam String format, BalanceFilter filter) {
		return TerritoryExports.balance(ExportFormat.param(format), balanceRows(user, id, filter));
	}

	@GetMapping("/territories/models/{id}/balance")
	String balance(CurrentUser user, @PathVariable long id, BalanceFilter filter, ListRequest list,
			HttpServletRequest request, Model model) {
		ListQuery query = list.query(BALANCE_SORTS, "index", 100);
		List<BalanceRow> rows = balanceRows(user, id, filter);
		ModelView view = models.get(user, id);
		List<BalanceRow> sorted = rows.stream().sorted(comparator(query)).toList();
		Map<String, Object> indexChart = new LinkedHashMap<>();
		indexChart.put("counts", true);
		indexChart.put("labels", rows.stream().map(BalanceRow::name).toList());
		indexChart.put("values", rows.stream().map(BalanceRow::index).toList());
		Map<String, Object> loadChart = new LinkedHashMap<>();
		loadChart.put("names", rows.stream().map(BalanceRow::name).toList());
		loadChart.put("expected", rows.stream().map(BalanceRow::potential).toList());
		loadChart.put("actual", rows.stream().map(BalanceRow::lastYearNet).toList());
		model.addAttribute("model", view);
		model.addAttribute("indexes", BalanceIndex.values());
		model.addAttribute("chosen", filter.index() == null ? BalanceIndex.WORKLOAD : filter.index());
		model.addAttribute("indexJson", ChartData.json(json, indexChart));
		model.addAttribute("loadJson", ChartData.json(json, loadChart));
		model.addAttribute("maySuggest", TerritoryModels.mayActivate(user));
		int from = (int) Math.min(sorted.size(), query.offset());
		int to = (int) Math.min(sorted.size(), (long) from + query.size());
		return ListPages.render(request, model, "territories/balance", filter, query,
				PageResponse.of(sorted.subList(from, to), query, sorted.size()));
	}

	@PostMapping("/territories/models/{id}/suggestion")
	String suggest(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable BalanceIndex index,
			RedirectAttributes redirect) {
		ModelView draft = balances.suggest(user, id, index == null ? BalanceIndex.WORKLOAD : index, null);
		redirect.addFlashAttribute("flash", "territories.balance.suggested");
		return "redirect:/territories/models/" + draft.id() + "/preview?movesOnly=true";
	}

	static final Map<String, String> BALANCE_SORTS = Map.of("name", "name", "accounts", "accounts", "potential",
			"potential", "workloadHours", "workloadHours", "lastYearNet", "lastYearNet", "index", "index");

	private List<BalanceRow> balanceRows(CurrentUser user, long id, BalanceFilter filter) {
		String q = filter.q() == null ? null : filter.q().trim().toLowerCase(java.util.Locale.ROOT);
		return balances.balance(user, id, filter.index() == null ? BalanceIndex.WORKLOAD : filter.index(), null)
			.stream()
			.filter(r -> q == null || q.isEmpty() || r.name().toLowerCase(java.util.Locale.ROOT).contains(q)
					|| r.code().toLowerCase(java.util.Locale.ROOT).contains(q))
			.toList();
	}

	private static java.util.Comparator<BalanceRow> comparator(ListQuery query) {
		java.util.Comparator<BalanceRow> order = java.util.Comparator.comparing(BalanceRow::name);
		ListQuery.Order first = query.orders().get(0);
		java.util.Comparator<BalanceRow> c = switch (first.key()) {
			case "accounts" -> java.util.Comparator.comparingLong(BalanceRow::accounts);
			case "potential" -> java.util.Comparator.comparing(BalanceRow::potential);
			case "workloadHours" -> java.util.Comparator.comparing(BalanceRow::workloadHours);
			case "lastYearNet" -> java.util.Comparator.comparing(BalanceRow::lastYearNet);
			case "index" -> java.util.Comparator.comparing((BalanceRow r) -> r.index() == null ? BigDecimal.ZERO
					: r.index());
			default -> order;
		};
		return (first.descending() ? c.reversed() : c).thenComparing(order);
	}

	/** The display name of the account with this user name (the user name when it is no longer known). */
	private @Nullable String displayName(@Nullable String username) {
		if (username == null) {
			return null;
		}
		var found = users.byUsernames(List.of(username)).get(username.toLowerCase(java.util.Locale.ROOT));
		return found == null ? username : found.displayName();
	}
}
