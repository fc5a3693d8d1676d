package io.rumbo.metrics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricUnit;
import io.rumbo.metrics.MetricsRebuild;
import io.rumbo.metrics.MetricsRecords;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Metrics page: pick measures, grouping and period, read the table (and a chart of the first measure), open a
 * figure to the records behind it. Administrators rebuild the facts from here.
 */
@Controller
class MetricsPageController {

	/** A row as the page shows it: figures formatted in the reader's language. */
	record ViewRow(String key, String label, List<Cell> cells) {
	}

	record Cell(String measure, String text, boolean defined) {
	}

	private final MetricsReports reports;
	private final MetricsRebuild rebuild;
	private final FiscalCalendar calendar;
	private final Formats fmt;
	private final JsonMapper json;
	private final MetricsRecords records;
	private final OrgDirectory org;
	private final CatalogManagement catalog;

	MetricsPageController(MetricsReports reports, MetricsRebuild rebuild, FiscalCalendar calendar, Formats fmt,
			JsonMapper json, MetricsRecords records, OrgDirectory org, CatalogManagement catalog) {
		this.records = records;
		this.org = org;
		this.catalog = catalog;
		this.reports = reports;
		this.rebuild = rebuild;
		this.calendar = calendar;
		this.fmt = fmt;
		this.json = json;
	}

	@GetMapping("/metrics")
	String page(CurrentUser user, @RequestParam(required = false) @Nullable List<String> measures,
			@RequestParam(required = false) @Nullable String by, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable Integer page,
			Model model) {
		List<Metric> chosen = MetricsReports.measures(measures == null ? null : String.join(",", measures));
		MetricsReports.By grouping = MetricsRestController.by(by);
		FiscalPeriod p = reports.period(period);
		PageResponse<MetricsReports.Row> rows = reports.table(user, chosen, grouping, p, unit,
				ListQuery.of(page, 50, null, Map.of("label", "label"), "label"));
		model.addAttribute("measures", chosen);
		model.addAttribute("allMeasures", Metric.values());
		model.addAttribute("by", grouping.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("groupings", List.of("person", "unit", "line", "month", "quarter"));
		model.addAttribute("period", reports.code(p));
		model.addAttribute("periods", periods(period));
		model.addAttribute("unit", unit);
		model.addAttribute("rows", rows);
		model.addAttribute("viewRows", rows.content().stream()
			.map(r -> new ViewRow(r.key(), r.label(), chosen.stream()
				.map(m -> new Cell(m.code(), format(fmt, m, r.values().get(m.code())), r.values().get(m.code()) != null))
				.toList()))
			.toList());
		model.addAttribute("mayRebuild", MetricsRebuild.mayRebuild(user));
		model.addAttribute("lastRebuild", rebuild.last().orElse(null));
		Map<String, Object> chart = new LinkedHashMap<>();
		Metric first = chosen.get(0);
		List<String> labels = new ArrayList<>();
		List<@Nullable BigDecimal> values = new ArrayList<>();
		rows.content().forEach(r -> {
			labels.add(r.label());
			values.add(r.values().get(first.code()));
		});
		chart.put("labels", labels);
		chart.put("values", values);
		chart.put("counts", first.unit() == MetricUnit.COUNT);
		model.addAttribute("chartJson", json.writeValueAsString(chart));
		model.addAttribute("chartMeasure", first);
		return "metrics/metrics";
	}

	@GetMapping("/metrics/records")
	String records(CurrentUser user, @RequestParam String measure, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long person, @RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable Long line, @RequestParam(required = false) @Nullable Integer page,
			Model model) {
		Metric metric = Metric.ofCode(measure).orElseThrow(() -> new NotFoundException("measure", measure));
		FiscalPeriod p = reports.period(period);
		PageResponse<MetricsRecords.Item> items = records.list(user, metric, p, person, unit, line,
				ListQuery.of(page, 50, null, Map.of("label", "label"), "label"));
		model.addAttribute("metric", metric);
		model.addAttribute("period", reports.code(p));
		model.addAttribute("person", person);
		model.addAttribute("unit", unit);
		model.addAttribute("line", line);
		String lineName = line == null ? null : catalog.line(line).name(LocaleContextHolder.getLocale().getLanguage());
		model.addAttribute("lineName", lineName);
		model.addAttribute("items", items);
		// The heading names whose figure it is: a person, a unit, or else the product line of everything in scope.
		model.addAttribute("who", person != null ? org.staffNames(List.of(person)).getOrDefault(person, "#" + person)
				: unit != null ? org.unitNames(List.of(unit)).getOrDefault(unit, "#" + unit)
				: lineName != null ? lineName : "");
		return "metrics/records";
	}

	@PostMapping("/metrics/rebuild")
	String rebuild(CurrentUser user, RedirectAttributes redirect) {
		MetricsRebuild.Report report = rebuild.rebuild(user);
		redirect.addFlashAttribute("flash", "metrics.rebuild.done");
		redirect.addFlashAttribute("flashArgs", new Object[] { fmt.number(report.totalRows()),
				fmt.number(report.millis()) });
		return "redirect:/metrics";
	}

	/** This fiscal year, its quarters and year to date, and last year. */
	private List<String> periods(@Nullable String asked) {
		FiscalYears years = calendar.years();
		int year = calendar.currentYear();
		List<String> codes = new ArrayList<>();
		for (int y : List.of(year, year - 1)) {
			codes.add("FY" + y);
			codes.add("FY" + y + "-YTD");
			for (int q = 1; q <= 4; q++) {
				codes.add(years.code(years.quarter(y, q)));
			}
		}
		if (asked != null && !asked.isBlank() && !codes.contains(asked.trim().toUpperCase(java.util.Locale.ROOT))) {
			codes.add(0, asked.trim().toUpperCase(java.util.Locale.ROOT));
		}
		return codes;
	}

	/** A figure as its unit shows it: money, a count, a percentage, or a number with two decimals. */
	static String format(Formats fmt, Metric metric, @Nullable BigDecimal value) {
		if (value == null) {
			return "—";
		}
		return switch (metric.unit()) {
			case MONEY -> fmt.money(value);
			case COUNT -> metric.scale() == 0 ? fmt.number(value) : fmt.decimal(value, metric.scale());
			case PERCENT -> fmt.percent(value);
			default -> fmt.decimal(value, 2);
		};
	}
}
