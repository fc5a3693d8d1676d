package io.rumbo.territories.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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

import io.rumbo.customers.PotentialClass;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.territories.AccountMove;
import io.rumbo.territories.BalanceIndex;
import io.rumbo.territories.BalanceRow;
import io.rumbo.territories.FrozenAccounts;
import io.rumbo.territories.ModelStatus;
import io.rumbo.territories.ModelView;
import io.rumbo.territories.NamedMode;
import io.rumbo.territories.Realignment;
import io.rumbo.territories.RuleField;
import io.rumbo.territories.AccountTerritories;
import io.rumbo.territories.CallNorms;
import io.rumbo.territories.TerritoryAnalysis;
import io.rumbo.territories.TerritoryBalances;
import io.rumbo.territories.ScheduledActivations;
import io.rumbo.territories.TerritoryModels;
import io.rumbo.territories.TerritoryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/territories")
@Tag(name = "Territories", description = "Territory models (draft, active, history), territories with rules and named "
		+ "accounts, preview and activation of a realignment, balance and suggestions (decision 0037)")
class TerritoriesRestController {

	@Schema(name = "TerritoriesModelRequest")
	record ModelRequest(@Nullable Long version, @Nullable String name, @Nullable String note, @Nullable Long basedOnId) {
	}

	@Schema(name = "TerritoriesTerritoryRequest")
	record TerritoryRequest(@Nullable Long version, @Nullable Long parentId, @Nullable String code,
			@Nullable String name, @Nullable Integer rank, @Nullable Long assigneeStaffId,
			@Nullable Long assigneeUnitId) {

		TerritoryModels.TerritoryDetails details() {
			return new TerritoryModels.TerritoryDetails(parentId, code, name, rank, assigneeStaffId, assigneeUnitId);
		}
	}

	@Schema(name = "TerritoriesRuleRequest")
	record RuleRequest(@NotNull Long version, @Nullable RuleField field, @Nullable String valueFrom,
			@Nullable String valueTo) {
	}

	@Schema(name = "TerritoriesNamedAccountRequest")
	record NamedRequest(@NotNull Long version, @Nullable Long customerId, @Nullable NamedMode mode) {
	}

	@Schema(name = "TerritoriesVersionRequest")
	record VersionRequest(@NotNull Long version) {
	}

	@Schema(name = "TerritoriesActivationRequest")
	record ActivationRequest(@NotNull Long version, @Nullable LocalDate effectiveDate) {
	}

	@Schema(name = "TerritoriesSuggestionRequest")
	record SuggestionRequest(@Nullable BalanceIndex index, @Nullable String name) {
	}

	@Schema(name = "TerritoriesFreezeRequest")
	record FreezeRequest(@Nullable Long customerId, @Nullable String reason) {
	}

	@Schema(name = "TerritoriesUnfreezeRequest")
	record UnfreezeRequest(@Nullable String reason) {
	}

	@Schema(name = "TerritoriesCallNormRequest")
	record CallNormRequest(@NotNull Long version, @Nullable Integer callsPerYear, @Nullable Integer callMinutes) {
	}

	@Schema(name = "TerritoriesPreview")
	record PreviewResponse(List<AccountMove> content, PageResponse.PageMetadata page, ModelView model,
			Realignment.Summary summary, LocalDate lastYearFrom, LocalDate lastYearTo) {
	}

	@Schema(name = "TerritoriesBalance")
	record BalanceResponse(List<BalanceRow> content, PageResponse.PageMetadata page, BalanceIndex index) {
	}

	private final TerritoryModels models;
	private final TerritoryAnalysis analysis;
	private final TerritoryBalances balances;
	private final AccountTerritories accounts;
	private final CallNorms norms;
	private final ScheduledActivations schedules;
	private final FrozenAccounts frozen;

	TerritoriesRestController(TerritoryModels models, TerritoryAnalysis analysis, TerritoryBalances balances, AccountTerritories accounts, CallNorms norms, ScheduledActivations schedules,
			FrozenAccounts frozen) {
		this.frozen = frozen;
		this.models = models;
		this.analysis = analysis;
		this.balances = balances;
		this.accounts = accounts;
		this.norms = norms;
		this.schedules = schedules;
	}

	// ---- models

	@GetMapping(value = "/models", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportModels(CurrentUser user,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable ModelStatus status,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return TerritoryExports.models(ExportFormat.fromAccept(accept), models, user,
				new TerritoryModels.Filter(q, status),
				ListQuery.of(0, 1, sort, TerritoryModels.SORTS, "createdAt").unpaged());
	}

	@GetMapping(value = "/models", produces = "application/json")
	@Operation(summary = "List territory models", description = "Managers, directors, admins and viewers (403 "
			+ "otherwise). q: part of the name or note; status DRAFT, ACTIVE or HISTORY. Sort keys: name, status, "
			+ "effectiveFrom, createdAt. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<ModelView> list(CurrentUser user, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable ModelStatus status,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return models.list(user, new TerritoryModels.Filter(q, status),
				ListQuery.of(page, size, sort, TerritoryModels.SORTS, "createdAt,desc"));
	}

	@PostMapping("/models")
	@Operation(summary = "Create a draft model", description = "Empty, or a copy of basedOnId (its territories, rules "
			+ "and named accounts). Managers, directors and admins.")
	ResponseEntity<ModelView> create(CurrentUser user, @RequestBody ModelRequest request) {
		ModelView created = models.create(user, request.name(), request.note(), request.basedOnId());
		return ResponseEntity.created(URI.create("/api/v1/territories/models/" + created.id())).body(created);
	}

	@GetMapping("/models/{id}")
	@Operation(summary = "A territory model (404 for salespeople and unknown ids)")
	ModelView get(CurrentUser user, @PathVariable long id) {
		return models.get(user, id);
	}

	@PutMapping("/models/{id}")
	@Operation(summary = "Rename a draft or change its note (409 once active or when the version is stale)")
	ModelView describe(CurrentUser user, @PathVariable long id, @RequestBody ModelRequest request) {
		return models.describe(user, id, request.version() == null ? -1 : request.version(), request.name(),
				request.note());
	}

	@PostMapping("/models/{id}/activate")
	@Operation(summary = "Activate a draft from a date", description = "Directors and admins (403 otherwise). The "
			+ "active model becomes history from that date; accounts whose owner or unit the draft changes get it "
			+ "from that date through the customers' ownership history (orders before keep their credit). 400 when "
			+ "the date is before an account's current ownership began; 409 when not a draft or stale.")
	ModelView activate(CurrentUser user, @PathVariable long id, @Valid @RequestBody ActivationRequest request) {
		return models.activate(user, id, request.version(), request.effectiveDate());
	}

	@PostMapping("/models/{id}/schedule")
	@Operation(summary = "Schedule a draft to activate by itself on a later date", description = "Directors and admins "
			+ "(403 otherwise). The model is SCHEDULED (no edits) and the job territories/scheduled-activation "
			+ "activates it on effectiveDate, as an activation that day would (decision 0041). 400 on effectiveDate "
			+ "when it is not after today; 409 when not a draft, when the version is stale or when another model is "
			+ "scheduled (one at a time).")
	ModelView schedule(CurrentUser user, @PathVariable long id, @Valid @RequestBody ActivationRequest request) {
		return schedules.schedule(user, id, request.version(), request.effectiveDate());
	}

	@PostMapping("/models/{id}/unschedule")
	@Operation(summary = "Take a scheduled model back to a draft", description = "Directors and admins (403 "
			+ "otherwise); 409 when the model is not scheduled or the version is stale.")
	ModelView unschedule(CurrentUser user, @PathVariable long id, @Valid @RequestBody VersionRequest request) {
		return schedules.unschedule(user, id, request.version());
	}

	@GetMapping(value = "/models/{id}/preview", produces = "application/json")
	@Operation(summary = "Preview what a model does to the accounts", description = "Every live account the caller "
			+ "sees (moving from or to a unit they manage), from whom to whom, with potential, workload hours, and last "
			+ "year's sales and margin (the fiscal year before `on`, today by default); movesOnly=true keeps those that "
			+ "move. The rows are those activation writes, read a page at a time; `summary` sums every row in scope (with "
			+ "movesOnly, not q) in the database. q: part of the account, owner or territory name. Sort keys: "
			+ "legalName, potential, workloadHours, lastYearNet, lastYearMargin, fromOwner, toOwner.")
	PreviewResponse preview(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
			@RequestParam(required = false) @Nullable Boolean movesOnly,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		ListQuery query = ListQuery.of(page, size, sort, TerritoryAnalysis.SORTS, "legalName");
		TerritoryAnalysis.Preview preview = analysis.preview(user, id,
				new TerritoryAnalysis.Filter(on, Boolean.TRUE.equals(movesOnly), q), query);
		return new PreviewResponse(preview.accounts().content(), preview.accounts().page(), preview.model(),
				preview.summary(), preview.lastYearFrom(), preview.lastYearTo());
	}

	@GetMapping(value = "/models/{id}/preview", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportPreview(CurrentUser user, @PathVariable long id,
			@RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
			@RequestParam(required = false) @Nullable Boolean movesOnly,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable List<String> sort) {
		ListQuery query = ListQuery.of(0, 1, sort, TerritoryAnalysis.SORTS, "legalName").unpaged();
		analysis.check(user, id);
		return TerritoryExports.preview(ExportFormat.fromAccept(accept), analysis, user, id,
				new TerritoryAnalysis.Filter(on, Boolean.TRUE.equals(movesOnly), q), query);
	}

	@GetMapping(value = "/models/{id}/balance", produces = "application/json")
	@Operation(summary = "The balance of a model's leaf territories", description = "Per territory the caller sees: "
			+ "accounts by potential class, total potential, workload hours a year (call norms), last year's sales "
			+ "and margin, and the index of `index` (ACCOUNTS, POTENTIAL, WORKLOAD, SALES, MARGIN; WORKLOAD by "
			+ "default) against the average of the model's leaves (100 = average).")
	BalanceResponse balance(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable BalanceIndex index,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
		BalanceIndex chosen = index == null ? BalanceIndex.WORKLOAD : index;
		List<BalanceRow> rows = balances.balance(user, id, chosen, on);
		return new BalanceResponse(rows, new PageResponse.PageMetadata(0, Math.max(1, rows.size()), rows.size(), 1),
				chosen);
	}

	@GetMapping(value = "/models/{id}/balance", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportBalance(CurrentUser user, @PathVariable long id,
			@RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable BalanceIndex index) {
		return TerritoryExports.balance(ExportFormat.fromAccept(accept),
				balances.balance(user, id, index == null ? BalanceIndex.WORKLOAD : index, null));
	}

	@PostMapping("/models/{id}/suggestion")
	@Operation(summary = "Suggest a balanced draft", description = "A new draft copied from the model in which "
			+ "accounts move between sibling territories to even out `index` (WORKLOAD by default); frozen and named "
			+ "accounts stay. Nothing is activated. Directors and admins.")
	ResponseEntity<ModelView> suggest(CurrentUser user, @PathVariable long id, @RequestBody SuggestionRequest request) {
		ModelView draft = balances.suggest(user, id, request.index() == null ? BalanceIndex.WORKLOAD : request.index(),
				request.name());
		return ResponseEntity.created(URI.create("/api/v1/territories/models/" + draft.id())).body(draft);
	}

	// ---- territories

	@GetMapping("/models/{id}/territories")
	@Operation(summary = "The model's territories the caller sees", description = "Directors, admins and viewers all; "
			+ "a manager those assigned within their units and their ancestors. Each with rules, named accounts and "
			+ "whether the caller may edit it.")
	PageResponse<TerritoryView> territories(CurrentUser user, @PathVariable long id) {
		List<TerritoryView> rows = models.territories(user, id);
		return new PageResponse<>(rows, new PageResponse.PageMetadata(0, Math.max(1, rows.size()), rows.size(), 1));
	}

	@PostMapping("/models/{id}/territories")
	@Operation(summary = "Add a territory to a draft", description = "Assigned to a person (assigneeStaffId) or a unit "
			+ "(assigneeUnitId); a manager only within their units (400 naming the field otherwise).")
	ResponseEntity<TerritoryView> addTerritory(CurrentUser user, @PathVariable long id,
			@RequestBody TerritoryRequest request) {
		TerritoryView created = models.addTerritory(user, id, request.details());
		return ResponseEntity.created(URI.create("/api/v1/territories/models/" + id + "/territories/" + created.id()))
			.body(created);
	}

	@GetMapping("/models/{id}/territories/{territoryId}")
	@Operation(summary = "A territory (404 outside the caller's scope)")
	TerritoryView territory(CurrentUser user, @PathVariable long id, @PathVariable long territoryId) {
		return models.territory(user, id, territoryId);
	}

	@PutMapping("/models/{id}/territories/{territoryId}")
	@Operation(summary = "Change a draft's territory (409 when stale or not a draft; 403 outside a manager's units)")
	TerritoryView updateTerritory(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@RequestBody TerritoryRequest request) {
		return models.updateTerritory(user, id, territoryId, request.version() == null ? -1 : request.version(),
				request.details());
	}

	@PostMapping("/models/{id}/territories/{territoryId}/rules")
	@Operation(summary = "Add a rule on an account field", description = "Fields REGION, CITY, INDUSTRY (text, any "
			+ "case), COMPANY_SIZE, POTENTIAL_CLASS, SEGMENT (the customers' values), UNIT (a unit id), POSTAL_CODE "
			+ "(valueFrom..valueTo). Rules of one field are alternatives, of different fields all must hold.")
	TerritoryView addRule(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@Valid @RequestBody RuleRequest request) {
		return models.addRule(user, id, territoryId, request.version(), request.field(), request.valueFrom(),
				request.valueTo());
	}

	@PostMapping("/models/{id}/territories/{territoryId}/rules/{ruleId}/remove")
	@Operation(summary = "Remove a rule")
	TerritoryView removeRule(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@PathVariable long ruleId, @Valid @RequestBody VersionRequest request) {
		return models.removeRule(user, id, territoryId, request.version(), ruleId);
	}

	@PostMapping("/models/{id}/territories/{territoryId}/accounts")
	@Operation(summary = "Name an account for a territory", description = "INCLUDE puts it there whatever the rules; "
			+ "EXCLUDE keeps this territory's rules from taking it.")
	TerritoryView nameAccount(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@Valid @RequestBody NamedRequest request) {
		return models.nameAccount(user, id, territoryId, request.version(), request.customerId(), request.mode());
	}

	@PostMapping("/models/{id}/territories/{territoryId}/accounts/{customerId}/remove")
	@Operation(summary = "Take a named account off a territory")
	TerritoryView unnameAccount(CurrentUser user, @PathVariable long id, @PathVariable long territoryId,
			@PathVariable long customerId, @Valid @RequestBody VersionRequest request) {
		return models.unnameAccount(user, id, territoryId, request.version(), customerId);
	}

	// ---- the caller's territory, an account's territory, frozen accounts, call norms

	@GetMapping("/mine")
	@Operation(summary = "The active model's territories in the caller's scope, with their balance figures", description = "A salesperson's own territories, a manager's those assigned within their units, all for directors and admins.")
	PageResponse<BalanceRow> mine(CurrentUser user) {
		List<BalanceRow> rows = accounts.mine(user);
		return new PageResponse<>(rows, new PageResponse.PageMetadata(0, Math.max(1, rows.size()), rows.size(), 1));
	}

	@GetMapping("/account-periods")
	@Operation(summary = "Which territory held each account from when to when", description = "The periods "
			+ "activations wrote, for the accounts the caller sees. customerId and on (a date) give the territory an "
			+ "order of that date takes from its customer (an empty list when no active model covered it then); "
			+ "modelId keeps one model's. Sort keys: validFrom, customerId, territory.")
	PageResponse<AccountTerritories.AccountTerritory> periods(CurrentUser user,
			@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
			@RequestParam(required = false) @Nullable Long modelId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return accounts.periods(user, customerId, on, modelId,
				ListQuery.of(page, size, sort, AccountTerritories.PERIOD_SORTS, "validFrom"));
	}

	@GetMapping(value = "/frozen-accounts", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportFrozen(CurrentUser user,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable PotentialClass potentialClass,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return TerritoryExports.frozen(ExportFormat.fromAccept(accept), frozen, user,
				new FrozenAccounts.Filter(q, potentialClass, unitId),
				ListQuery.of(0, 1, sort, FrozenAccounts.SORTS, "legalName").unpaged());
	}

	@GetMapping(value = "/frozen-accounts", produces = "application/json")
	@Operation(summary = "Accounts kept out of every realignment (those the caller sees)", description = "Managers, "
			+ "directors, admins and viewers (403 otherwise); the account's unit or owner in the caller's scope. q: "
			+ "part of the name or the reason; potentialClass A, B or C; unitId with its sub-units. Sort keys: "
			+ "legalName, markedOn, potentialClass, markedBy. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<io.rumbo.territories.FrozenAccount> frozen(CurrentUser user,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable PotentialClass potentialClass,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return frozen.list(user, new FrozenAccounts.Filter(q, potentialClass, unitId),
				ListQuery.of(page, size, sort, FrozenAccounts.SORTS, "legalName"));
	}

	@PostMapping("/frozen-accounts")
	@Operation(summary = "Keep an account out of every realignment (it keeps its owner whatever a model says)",
			description = "Directors, admins and managers, for accounts they see (400 on customerId otherwise).")
	ResponseEntity<Void> freeze(CurrentUser user, @RequestBody FreezeRequest request) {
		frozen.freeze(user, request.customerId(), request.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/frozen-accounts/{customerId}/remove")
	@Operation(summary = "Let realignments move the account again", description = "An optional body {\"reason\": "
			+ "...} is kept in the audit trail. 404 when the account is not frozen or not the caller's.")
	ResponseEntity<Void> unfreeze(CurrentUser user, @PathVariable long customerId,
			@RequestBody(required = false) @Nullable UnfreezeRequest request) {
		frozen.unfreeze(user, customerId, request == null ? null : request.reason());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/call-norms")
	@Operation(summary = "Visits a year and minutes a visit by potential class (workload = accounts x visits x minutes)")
	PageResponse<CallNorms.CallNorm> callNorms() {
		List<CallNorms.CallNorm> rows = norms.list();
		return new PageResponse<>(rows, new PageResponse.PageMetadata(0, Math.max(1, rows.size()), rows.size(), 1));
	}

	@PutMapping("/call-norms/{potentialClass}")
	@Operation(summary = "Change a class's call norm (directors and admins; 409 when stale)")
	CallNorms.CallNorm changeCallNorm(CurrentUser user, @PathVariable String potentialClass,
			@Valid @RequestBody CallNormRequest request) {
		return norms.change(user, potentialClass, request.version(), request.callsPerYear(),
				request.callMinutes());
	}
}
