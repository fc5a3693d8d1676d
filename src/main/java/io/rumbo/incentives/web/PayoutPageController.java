package io.rumbo.incentives.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
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
import io.rumbo.incentives.Disputes;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.PayoutRuns;
import io.rumbo.incentives.PayoutViews.RunView;
import io.rumbo.incentives.PayoutViews.StatementSummary;
import io.rumbo.incentives.PlanState;
import io.rumbo.incentives.PlanViews.PlanSummary;
import io.rumbo.incentives.RunState;
import io.rumbo.incentives.Statements;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.ExportStyle;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.HtmlOptions;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

/**
 * The payout pages: the runs (finance calculates a draft for a period, reviews, recalculates, approves and exports
 * it to payroll), a run's statements, and the statements each person may see, down to a statement's lines and the
 * orders behind each figure.
 */
@Controller
class PayoutPageController {

	/** The run list's filters: q a period code (the runs inside it), a state. */
	record RunListFilter(@Nullable String q, @Nullable RunState state) {

		PayoutRuns.RunFilter criteria() {
			return new PayoutRuns.RunFilter(state, q);
		}
	}

	/** The statement list's filters: q a period code, a run. */
	record StatementListFilter(@Nullable String q, @Nullable Long runId) {

		Statements.Filter criteria() {
			return new Statements.Filter(runId, null, q, null);
		}
	}

	static final List<String> RUN_COLUMNS = List.of("id", "period", "runPlans", "state", "runPeople",
			"runTotal", "calculatedBy", "calculatedAt", "runApprovedBy", "runApprovedAt", "exportedBy", "exportedAt");

	static final List<String> STATEMENT_COLUMNS = List.of("runId", "period", "runPlans", "staffId", "name",
			"earned", "planCapped", "adjustments", "clawbacks", "draw", "owedAfter", "payable");

	private final PayoutRuns runs;
	private final Statements statements;
	private final Disputes disputes;

	private final IncentivePlans plans;

	PayoutPageController(PayoutRuns runs, Statements statements, Disputes disputes, IncentivePlans plans) {
		this.plans = plans;
		this.runs = runs;
		this.statements = statements;
		this.disputes = disputes;
	}

	@GetMapping(value = "/incentives/runs", params = "format")
	ResponseEntity<StreamingResponseBody> exportRuns(CurrentUser user, @RequestParam String format,
			RunListFilter filter, ListRequest list) {
		List<RunView> rows = runs.list(user, filter.criteria(), list.unpaged(PayoutRuns.RUN_SORTS, "period,desc"))
			.content();
		return Exports.download(ExportFormat.param(format), "payout-runs", RUN_COLUMNS,
				table -> rows.forEach(r -> table.row(r.id(), r.periodCode(), String.join(" ", r.planCodes()),
						Exports.label("incentives.run.state.", r.state()), r.people(), r.total(), r.calculatedBy(),
						r.calculatedAt().toString(), r.approvedBy() == null ? "" : r.approvedBy(),
						r.approvedAt() == null ? "" : r.approvedAt().toString(),
						r.exportedBy() == null ? "" : r.exportedBy(),
						r.exportedAt() == null ? "" : r.exportedAt().toString())));
	}

	@GetMapping("/incentives/runs")
	String runs(CurrentUser user, RunListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(PayoutRuns.RUN_SORTS, "period,desc", 25);
		model.addAttribute("states", RunState.values());
		model.addAttribute("mayRun", PayoutRuns.mayRun(user));
		if (PayoutRuns.mayRun(user)) {
			// A run covers one approved plan, chosen by its name, or every approved plan.
			List<PlanSummary> approved = plans.list(user, new IncentivePlans.Filter(null, null, PlanState.APPROVED),
					ListQuery.of(0, 1, List.of("name"), IncentivePlans.SORTS, "name").unpaged()).content();
			model.addAttribute("planOptions", HtmlOptions.of(approved, PlanSummary::id,
					p -> p.code() + " · " + p.name() + " · " + p.fiscalYear(), null));
		}
		return ListPages.render(request, model, "incentives/runs", filter, query,
				runs.list(user, filter.criteria(), query));
	}

	@PostMapping("/incentives/runs")
	String create(CurrentUser user, @RequestParam String period, @RequestParam(required = false) @Nullable Long planId,
			RedirectAttributes redirect) {
		RunView run = runs.create(user, period, planId);
		redirect.addFlashAttribute("flash", "incentives.run.page.calculated");
		return "redirect:/incentives/runs/" + run.id();
	}

	@GetMapping("/incentives/runs/{id}")
	String run(CurrentUser user, @PathVariable long id, Model model) {
		RunView run = runs.get(user, id);
		model.addAttribute("run", run);
		model.addAttribute("statements", statements.list(user, new Statements.Filter(id, null, null, null),
				ListQuery.of(0, ListQuery.MAX_SIZE, null, Statements.SORTS, "staff")));
		model.addAttribute("mayRun", PayoutRuns.mayRun(user));
		model.addAttribute("mayApprove", PayoutRuns.mayApprove(user) && run.state() == RunState.DRAFT);
		return "incentives/run";
	}

	@PostMapping("/incentives/runs/{id}/recalculate")
	String recalculate(CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		runs.recalculate(user, id, version);
		redirect.addFlashAttribute("flash", "incentives.run.page.calculated");
		return "redirect:/incentives/runs/" + id;
	}

	@PostMapping("/incentives/runs/{id}/approve")
	String approve(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		runs.approve(user, id, version);
		redirect.addFlashAttribute("flash", "incentives.run.page.approved");
		return "redirect:/incentives/runs/" + id;
	}

	@GetMapping("/incentives/runs/{id}/payroll")
	ResponseEntity<StreamingResponseBody> payroll(CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "csv") String format) {
		RunView run = runs.exported(user, id);
		return Exports.download(ExportFormat.param(format), ExportStyle.API, "payroll-" + run.periodCode() + "-" + run.id(),
				PayoutRunRestController.PAYROLL_COLUMNS,
				table -> runs.payroll(user, id, r -> table.row(r.employeeNumber(), r.staffName(), r.period(),
						r.planCode(), r.component(), r.componentName(), r.amount())));
	}

	@GetMapping(value = "/incentives/statements", params = "format")
	ResponseEntity<StreamingResponseBody> exportStatements(CurrentUser user, @RequestParam String format,
			StatementListFilter filter, ListRequest list) {
		List<StatementSummary> rows = statements.list(user, filter.criteria(),
				list.unpaged(Statements.SORTS, "period,desc")).content();
		return Exports.download(ExportFormat.param(format), "statements", STATEMENT_COLUMNS,
				table -> rows.forEach(s -> table.row(s.runId(), s.periodCode(), s.planCode(), s.staffId(),
						s.staffName(), s.earned(), s.planCapped(), s.adjustments(), s.clawbacks(), s.draw(),
						s.owedAfter(), s.payable())));
	}

	@GetMapping("/incentives/statements")
	String statements(CurrentUser user, StatementListFilter filter, ListRequest list, HttpServletRequest request,
			Model model) {
		ListQuery query = list.query(Statements.SORTS, "period,desc", 25);
		return ListPages.render(request, model, "incentives/statements", filter, query,
				statements.list(user, filter.criteria(), query));
	}

	@GetMapping("/incentives/statements/{runId}/{planCode}/{staffId}")
	String statement(CurrentUser user, @PathVariable long runId, @PathVariable String planCode,
			@PathVariable long staffId, Model model) {
		model.addAttribute("statement", statements.get(user, runId, planCode, staffId));
		model.addAttribute("owner", disputes.owns(user, staffId));
		model.addAttribute("raise", new DisputeForms.Raise());
		model.addAttribute("back", "/incentives/statements/" + runId + "/" + planCode + "/" + staffId);
		return "incentives/statement";
	}
}
