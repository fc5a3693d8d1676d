package io.rumbo.metrics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsRebuild;
import io.rumbo.metrics.MetricsRecords;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics", description = "Measured results by person, unit, product line and period, within the reader's scope")
class MetricsRestController {

	/** A measure of the catalogue as the API describes it. */
	record MeasureResponse(String code, String name, String unit, String aggregation, boolean higherIsBetter,
			boolean byLine) {
	}

	private final MetricsReports reports;
	private final MetricsRebuild rebuild;
	private final MessageSource messages;
	private final MetricsRecords records;

	MetricsRestController(MetricsReports reports, MetricsRebuild rebuild, MessageSource messages,
			MetricsRecords records) {
		this.records = records;
		this.reports = reports;
		this.rebuild = rebuild;
		this.messages = messages;
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "Measures by person, unit, line, month or quarter", description = "measures: codes separated "
			+ "by commas (see /api/v1/metrics/measures; default revenue,margin,orders). by: person, unit, line, month or "
			+ "quarter (default person). period: FY2026, FY2026-Q1, FY2026-M03 or FY2026-YTD (default this fiscal year). "
			+ "unit: one unit's subtree (by unit: the unit and its sub-units). Ratios are left null where undefined. "
			+ "Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<MetricsReports.Row> list(CurrentUser actor, @RequestParam(required = false) @Nullable String measures,
			@RequestParam(required = false) @Nullable String by, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return reports.table(actor, MetricsReports.measures(measures), by(by), reports.period(period), unit,
				ListQuery.of(page, size, null, java.util.Map.of("label", "label"), "label"));
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String measures, @RequestParam(required = false) @Nullable String by,
			@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable Long unit) {
		List<Metric> metrics = MetricsReports.measures(measures);
		FiscalPeriod p = reports.period(period);
		ListQuery all = ListQuery.of(0, 1, null, java.util.Map.of("label", "label"), "label").unpaged();
		List<MetricsReports.Row> rows = reports.table(actor, metrics, by(by), p, unit, all).content();
		List<String> header = new ArrayList<>(List.of("period", "key", "label"));
		metrics.forEach(m -> header.add(m.code()));
		String code = reports.code(p);
		return Exports.download(ExportFormat.fromAccept(accept), "metrics", header, table -> rows.forEach(r -> {
			List<Object> cells = new ArrayList<>(List.of(code, r.key(), r.label()));
			metrics.forEach(m -> cells.add(r.values().get(m.code())));
			table.row(cells.toArray());
		}));
	}

	@GetMapping("/measures")
	@Operation(summary = "The catalogue of measures", description = "Names in the request's language.")
	List<MeasureResponse> measures() {
		Locale locale = LocaleContextHolder.getLocale();
		return java.util.Arrays.stream(Metric.values())
			.map(m -> new MeasureResponse(m.code(), messages.getMessage(m.messageKey(), null, m.code(), locale),
					m.unit().name(), m.aggregation().name(), m.higherIsBetter(), m.byLine()))
			.toList();
	}

	@GetMapping("/{measure}/records")
	@Operation(summary = "The records behind a figure", description = "period as above; person (a staff id) or unit (its "
			+ "subtree as it stood); line (a product line id, for the measures order lines carry: revenue, units, margin, "
			+ "margin_pct) lists the order lines of that line (kind ORDER_LINE, the product's SKU as detail) instead of "
			+ "whole orders. Orders with the credited share and amount, activities, opportunities, cases, ratings or "
			+ "tasks, newest first, within the reader's scope; a person, unit or line outside it answers 404.")
	PageResponse<MetricsRecords.Item> records(CurrentUser actor, @PathVariable String measure,
			@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable Long person,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable Long line,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		Metric metric = Metric.ofCode(measure).orElseThrow(() -> new NotFoundException("measure", measure));
		return records.list(actor, metric, reports.period(period), person, unit, line,
				ListQuery.of(page, size, null, java.util.Map.of("label", "label"), "label"));
	}

	@PostMapping("/rebuild")
	@Operation(summary = "Rebuild every fact from the records (administrators)", description = "Recomputes the facts "
			+ "from the sales and customer records in one transaction and answers how many rows it wrote.")
	MetricsRebuild.Report rebuild(CurrentUser actor) {
		return rebuild.rebuild(actor);
	}

	static MetricsReports.By by(@Nullable String by) {
		if (by == null || by.isBlank()) {
			return MetricsReports.By.PERSON;
		}
		try {
			return MetricsReports.By.valueOf(by.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ValidationFailedException.of("by", "metrics.by.invalid");
		}
	}
}
