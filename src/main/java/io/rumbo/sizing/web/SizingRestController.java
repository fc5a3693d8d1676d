package io.rumbo.sizing.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
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
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.sizing.BudgetViews;
import io.rumbo.sizing.Budgets;
import io.rumbo.sizing.ChannelBasis;
import io.rumbo.sizing.ChannelTerms;
import io.rumbo.sizing.ChannelTermsView;
import io.rumbo.sizing.Headcount;
import io.rumbo.sizing.ScenarioView;
import io.rumbo.sizing.SizingFigures;
import io.rumbo.sizing.SizingInputs;
import io.rumbo.sizing.SizingMethod;
import io.rumbo.sizing.SizingScenarios;
import io.rumbo.sizing.Working;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/sizing")
@Tag(name = "Sizing", description = "Sizing scenarios with their working, budgets and cost of sales, channel terms "
		+ "of agents and distributors")
class SizingRestController {

	@Schema(name = "SizingStep")
	record StepResponse(String key, String text) {
	}

	@Schema(name = "SizingWorking")
	record WorkingResponse(SizingMethod method, BigDecimal result, String resultText, List<StepResponse> steps) {
	}

	@Schema(name = "SizingHeadcount")
	record HeadcountResponse(int filled, int planned, int needed, int gap) {

		static HeadcountResponse of(Headcount h) {
			return new HeadcountResponse(h.filled(), h.planned(), h.needed(), h.gap());
		}
	}

	@Schema(name = "SizingScenario")
	record ScenarioResponse(long id, long version, String name, SizingMethod method, long unitId, String unitName,
			int fiscalYear, SizingInputs inputs, BigDecimal result, @Nullable String note, String createdBy,
			Instant createdAt, @Nullable String appliedBy, @Nullable Instant appliedAt, boolean archived,
			@Nullable WorkingResponse working, @Nullable HeadcountResponse headcount,
			List<io.rumbo.organization.JobRole> roles, io.rumbo.organization.JobRole positionRole) {
	}

	@Schema(name = "SizingScenarioRequest")
	record ScenarioRequest(@Nullable Long version, @Nullable String name, @Nullable SizingMethod method,
			@Nullable Long unitId, @Nullable Integer fiscalYear, @Nullable SizingInputs inputs, @Nullable String note,
			@Schema(description = "The selling job roles sized (default SALESPERSON and KEY_ACCOUNT_MANAGER)")
			@Nullable List<io.rumbo.organization.JobRole> roles,
			@Schema(description = "The role the gap is planned in (default the first role)")
			io.rumbo.organization.@Nullable JobRole positionRole) {

		SizingScenarios.Draft draft() {
			return new SizingScenarios.Draft(name, method, unitId, fiscalYear, inputs, note, roles, positionRole);
		}
	}

	@Schema(name = "SizingCalculateRequest")
	record CalculateRequest(@NotNull SizingMethod method, @NotNull SizingInputs inputs) {
	}

	@Schema(name = "SizingApplyRequest")
	record ApplyRequest(@NotNull Long version, @Nullable Long unitId) {
	}

	@Schema(name = "SizingVersionRequest")
	record VersionRequest(@NotNull Long version) {
	}

	@Schema(name = "SizingFigures")
	record FiguresResponse(long unitId, int fiscalYear, Map<PotentialClass, Long> accounts,
			@Nullable BigDecimal visitsLastYear, @Nullable BigDecimal revenueLastYear,
			@Nullable BigDecimal salesPerSalesperson, @Nullable BigDecimal callsPerSalesperson,
			@Nullable BigDecimal planTarget, @Nullable BigDecimal quota, @Nullable BigDecimal quotaPerSalesperson,
			HeadcountResponse headcount, SizingInputs suggested) {
	}

	@Schema(name = "SizingBudgetRequest")
	record BudgetRequest(@NotNull Long version, @NotNull List<BudgetViews.Cell> cells) {
	}

	@Schema(name = "SizingChannelTermsRequest")
	record TermsRequest(@NotNull Long version, @Nullable ChannelBasis basis, @Nullable BigDecimal sharePercent,
			@Nullable Long sellerStaffId, @Nullable List<Long> productLineIds, @Nullable List<Long> territoryIds,
			@Nullable String territoryNote,
			@Nullable String contactName, @Nullable String contactEmail, @Nullable String contactPhone,
			java.time.@Nullable LocalDate validFrom) {

		ChannelTerms.Details details() {
			return new ChannelTerms.Details(basis, sharePercent, sellerStaffId, productLineIds, territoryIds, territoryNote,
					contactName, contactEmail, contactPhone, validFrom);
		}
	}

	private final SizingScenarios scenarios;
	private final SizingFigures figures;
	private final Budgets budgets;
	private final ChannelTerms channels;
	private final FiscalCalendar calendar;
	private final WorkingText text;

	private final io.rumbo.sizing.BudgetReports reports;

	SizingRestController(SizingScenarios scenarios, SizingFigures figures, Budgets budgets,
			io.rumbo.sizing.BudgetReports reports, ChannelTerms channels, FiscalCalendar calendar, WorkingText text) {
		this.reports = reports;
		this.scenarios = scenarios;
		this.figures = figures;
		this.budgets = budgets;
		this.channels = channels;
		this.calendar = calendar;
		this.text = text;
	}

	// ---- scenarios

	@GetMapping(value = "/scenarios", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportScenarios(CurrentUser actor,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable SizingMethod method,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Boolean archived,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return SizingExports.scenarios(ExportFormat.fromAccept(accept), scenarios, actor,
				new SizingScenarios.Filter(q, method, unitId, fiscalYear, Boolean.TRUE.equals(archived)),
				ListQuery.of(0, 1, sort, SizingScenarios.SORTS, "createdAt,desc").unpaged());
	}

	@GetMapping(value = "/scenarios", produces = "application/json")
	@Operation(summary = "List the sizing scenarios the caller sees", description = "Directors every unit's, managers "
			+ "those of the subtree they lead. q: words of the name; filters method, unitId (its subtree), fiscalYear, "
			+ "archived=true to include archived ones. Sort keys: name, method, fiscalYear, createdAt, result. Send "
			+ "Accept: text/csv or the XLSX type for an export.")
	PageResponse<ScenarioResponse> listScenarios(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable SizingMethod method,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Boolean archived,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return scenarios.list(actor, new SizingScenarios.Filter(q, method, unitId, fiscalYear,
				Boolean.TRUE.equals(archived)), ListQuery.of(page, size, sort, SizingScenarios.SORTS,
						"createdAt,desc"))
			.map(s -> response(s, null, false));
	}

	@GetMapping(value = "/scenarios/{id}", produces = "application/json")
	@Operation(summary = "A scenario with its working, line by line, and its result against today's headcount")
	ScenarioResponse scenario(CurrentUser actor, @PathVariable long id) {
		ScenarioView s = scenarios.get(actor, id);
		return response(s, scenarios.headcount(actor, s), true);
	}

	@PostMapping(value = "/scenarios", produces = "application/json")
	@Operation(summary = "Save a scenario", description = "Directors for any unit, managers for a unit of their subtree.")
	ResponseEntity<ScenarioResponse> save(CurrentUser actor, @RequestBody ScenarioRequest request) {
		ScenarioView s = scenarios.save(actor, request.draft());
		return ResponseEntity.created(URI.create("/api/v1/sizing/scenarios/" + s.id()))
			.body(response(s, scenarios.headcount(actor, s), true));
	}

	@PutMapping(value = "/scenarios/{id}", produces = "application/json")
	@Operation(summary = "Change a scenario's inputs at its version (409 with the current one when stale)")
	ScenarioResponse update(CurrentUser actor, @PathVariable long id, @RequestBody ScenarioRequest request) {
		ScenarioView s = scenarios.update(actor, id, request.version() == null ? -1 : request.version(),
				request.draft());
		return response(s, scenarios.headcount(actor, s), true);
	}

	@PostMapping(value = "/scenarios/{id}/archive", produces = "application/json")
	ScenarioResponse archive(CurrentUser actor, @PathVariable long id, @RequestBody VersionRequest request) {
		return response(scenarios.archive(actor, id, request.version()), null, true);
	}

	@PostMapping(value = "/scenarios/{id}/apply", produces = "application/json")
	@Operation(summary = "Turn the scenario's gap into planned salesperson positions", description = "Raises the "
			+ "planned salesperson positions of unitId (the scenario's unit when absent, or one of its subtree) by the "
			+ "gap between what the scenario needs and what is planned; 409 when there is no gap or it was applied.")
	ScenarioResponse apply(CurrentUser actor, @PathVariable long id, @RequestBody ApplyRequest request) {
		ScenarioView s = scenarios.apply(actor, id, request.version(), request.unitId());
		return response(s, scenarios.headcount(actor, s), true);
	}

	@PostMapping(value = "/calculate", produces = "application/json")
	@Operation(summary = "Work out a calculator without saving it")
	WorkingResponse calculate(CurrentUser actor, @RequestBody CalculateRequest request) {
		if (!SizingScenarios.maySize(actor)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("sizing");
		}
		return working(scenarios.calculate(request.method(), request.inputs()));
	}

	@GetMapping(value = "/figures", produces = "application/json")
	@Operation(summary = "What the data says about a unit's subtree, to start a scenario from", description = "unitId "
			+ "defaults to the top unit the caller sees, fiscalYear to the current one, method (for the suggested "
			+ "inputs) to WORKLOAD.")
	FiguresResponse figures(CurrentUser actor, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable SizingMethod method) {
		if (!SizingScenarios.maySize(actor)) {
			throw new NotFoundException("sizingFigures", unitId == null ? 0 : unitId);
		}
		long unit = unitId != null ? unitId : budgets.defaultUnit(actor).orElseThrow(() -> new NotFoundException(
				"orgUnit", 0));
		int year = fiscalYear == null ? calendar.currentYear() : fiscalYear;
		SizingFigures.Found f = figures.of(actor, unit, year, 0);
		return new FiguresResponse(unit, year, f.accounts(), f.visitsLastYear(), f.revenueLastYear(),
				f.salesPerSalesperson(), f.callsPerSalesperson(), f.planTarget(), f.quota(), f.quotaPerSalesperson(),
				HeadcountResponse.of(f.headcount()), figures.suggested(method == null ? SizingMethod.WORKLOAD : method,
						f));
	}

	// ---- budgets

	@GetMapping(value = "/budget", produces = "application/json")
	@Operation(summary = "A unit's own budget of a fiscal year, cell by cell", description = "Defaults: the current "
			+ "fiscal year, the top unit the caller sees. Directors, finance, administrators and viewers any unit; "
			+ "managers a unit of their subtree.")
	BudgetViews.Grid budget(CurrentUser actor, @RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Long unitId) {
		return budgets.grid(actor, year(fiscalYear), unit(actor, unitId));
	}

	@PutMapping(value = "/budget", produces = "application/json")
	@Operation(summary = "Replace a unit's budget of a fiscal year", description = "Directors and finance; cells left "
			+ "out are zero; version 0 for a first budget (409 with the current one when stale).")
	BudgetViews.Grid saveBudget(CurrentUser actor, @RequestParam int fiscalYear, @RequestParam long unitId,
			@RequestBody BudgetRequest request) {
		return budgets.save(actor, fiscalYear, unitId, request.version(), request.cells());
	}

	@GetMapping(value = "/budget/report", produces = "application/json")
	@Operation(summary = "Budget against actual of a unit's subtree", description = "The unit and each sub-unit, by "
			+ "month and by cost type; actual commissions include what approved payout runs paid; cost of sales as a "
			+ "percentage of revenue and margin (metrics) and per salesperson.")
	BudgetViews.Report report(CurrentUser actor, @RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Long unitId) {
		return reports.report(actor, year(fiscalYear), unit(actor, unitId));
	}

	// ---- channels

	@GetMapping(value = "/channels", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportChannels(CurrentUser actor,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) io.rumbo.organization.@Nullable OrgUnitKind kind,
			@RequestParam(required = false) @Nullable Boolean withTerms,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return SizingExports.channels(ExportFormat.fromAccept(accept), channels, actor,
				new ChannelTerms.Filter(q, kind, withTerms),
				ListQuery.of(0, 1, sort, ChannelTerms.SORTS, "name").unpaged());
	}

	@GetMapping(value = "/channels", produces = "application/json")
	@Operation(summary = "Agent and distributor units with their channel terms", description = "id: the unit's. q: "
			+ "words of the unit's name or code; filters kind (AGENT, DISTRIBUTOR), withTerms. Sort keys: name, kind, "
			+ "share.")
	PageResponse<ChannelTermsView> listChannels(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) io.rumbo.organization.@Nullable OrgUnitKind kind,
			@RequestParam(required = false) @Nullable Boolean withTerms,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return channels.list(actor, new ChannelTerms.Filter(q, kind, withTerms), ListQuery.of(page, size, sort,
				ChannelTerms.SORTS, "name"));
	}

	@GetMapping(value = "/channel-territories", produces = "application/json")
	@Operation(summary = "The territories channel terms may name", description = "The territories of the active "
			+ "territory model in tree order (path: ancestors' names and its own), for territoryIds of the terms.")
	List<ChannelTermsView.Territory> channelTerritories(CurrentUser actor) {
		return channels.territoryChoices(actor);
	}

	@GetMapping(value = "/channels/{id}", produces = "application/json")
	ChannelTermsView channel(CurrentUser actor, @PathVariable long id) {
		return channels.get(actor, id);
	}

	@PutMapping(value = "/channels/{id}", produces = "application/json")
	@Operation(summary = "Set an agent's or distributor's terms", description = "Directors; version 0 for first terms.")
	ChannelTermsView saveChannel(CurrentUser actor, @PathVariable long id, @RequestBody TermsRequest request) {
		return channels.save(actor, id, request.version(), request.details());
	}

	private int year(@Nullable Integer fiscalYear) {
		return fiscalYear == null ? calendar.currentYear() : fiscalYear;
	}

	private long unit(CurrentUser actor, @Nullable Long unitId) {
		if (unitId != null) {
			return unitId;
		}
		return budgets.defaultUnit(actor).orElseThrow(() -> new NotFoundException("orgUnit", 0));
	}

	private WorkingResponse working(Working w) {
		return new WorkingResponse(w.method(), w.result(), text.result(w), w.steps()
			.stream()
			.map(s -> new StepResponse(s.key(), text.line(s)))
			.toList());
	}

	private ScenarioResponse response(ScenarioView s, @Nullable Headcount headcount, boolean withWorking) {
		return new ScenarioResponse(s.id(), s.version(), s.name(), s.method(), s.unitId(), s.unitName(), s.fiscalYear(),
				s.inputs(), s.result(), s.note(), s.createdBy(), s.createdAt(), s.appliedBy(), s.appliedAt(),
				s.archived(), withWorking ? working(s.working()) : null,
				headcount == null ? null : HeadcountResponse.of(headcount), s.roles(), s.positionRole());
	}
}
