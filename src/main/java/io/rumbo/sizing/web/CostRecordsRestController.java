package io.rumbo.sizing.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.sizing.CostKind;
import io.rumbo.sizing.CostRecords;

/**
 * The stored budget and actual cost figures, row by row: as JSON pages, and as CSV or XLSX with the columns of the
 * {@code budgets} and {@code actual-costs} imports, so that an export imports back unchanged.
 */
@RestController
@RequestMapping("/api/v1/sizing")
@Tag(name = "Sizing")
class CostRecordsRestController {

	private final CostRecords records;
	private final FiscalCalendar calendar;

	CostRecordsRestController(CostRecords records, FiscalCalendar calendar) {
		this.records = records;
		this.calendar = calendar;
	}

	@GetMapping(value = "/costs", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportCosts(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable CostKind kind,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable List<String> sort) {
		CostKind asked = kind == null ? CostKind.BUDGET : kind;
		int year = fiscalYear == null ? calendar.currentYear() : fiscalYear;
		ListQuery sorted = ListQuery.of(0, 1, sort, CostRecords.SORTS, "unit").unpaged();
		return Exports.download(ExportFormat.fromAccept(accept),
				(asked == CostKind.BUDGET ? "budgets-" : "actual-costs-") + year,
				List.of("unit_code", "fiscal_month", "cost_type", "amount"),
				table -> records.each(actor, asked, year, sorted,
						r -> table.row(r.unitCode(), r.fiscalMonth(), r.costType().name(), r.amount())));
	}

	@GetMapping(value = "/costs", produces = "application/json")
	@Operation(summary = "Stored budget or actual cost figures of a fiscal year, row by row", description = "kind: "
			+ "BUDGET (default) or ACTUAL; fiscalYear: the current one by default. Rows of the units in the caller's "
			+ "scope; commissions paid by approved payout runs are not stored figures (the report adds them). With "
			+ "Accept: text/csv or the XLSX type, the columns of the budgets and actual-costs imports. Sort keys: unit, "
			+ "month, type, amount.")
	PageResponse<CostRecords.CostRecord> costs(CurrentUser actor,
			@RequestParam(required = false) @Nullable CostKind kind,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return records.list(actor, kind == null ? CostKind.BUDGET : kind,
				fiscalYear == null ? calendar.currentYear() : fiscalYear,
				ListQuery.of(page, size, sort, CostRecords.SORTS, "unit"));
	}

}
