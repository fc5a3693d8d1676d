package io.rumbo.quotas.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.metrics.Metric;
import io.rumbo.identity.CurrentUser;
import io.rumbo.quotas.QuotaPeople;
import io.rumbo.quotas.QuotaViews;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/** The quota lists as files; the person-month export keeps the quota import's columns and raw values. */
final class QuotaExports {

	/** The columns of the quota import, in its order. */
	static final List<String> IMPORT_COLUMNS = List.of("employee_number", "fiscal_month", "measure", "amount");

	private QuotaExports() {
	}

	static <T> PageResponse<T> page(List<T> all, ListQuery query) {
		int from = (int) Math.min(all.size(), query.offset());
		int to = (int) Math.min(all.size(), (long) from + query.size());
		return PageResponse.of(all.subList(from, to), query, all.size());
	}

	/**
	 * A version's person-month quotas, written as they are read ({@link QuotaPeople#each}); the version is checked
	 * first, so that an unknown one is "not found" rather than a broken download.
	 */
	static ResponseEntity<StreamingResponseBody> personMonths(ExportFormat format, QuotaPeople people,
			CurrentUser actor, long versionId, QuotaPeople.Filter filter) {
		people.check(versionId);
		ListQuery order = ListQuery.of(0, 1, null, QuotaPeople.SORTS, "staff").unpaged();
		// Amounts at the measure's own decimals (1234.50, not the column's 1234.5000), which the import reads back.
		return Exports.download(format, "quotas", IMPORT_COLUMNS, table -> people.each(actor, versionId, filter, order,
				r -> table.row(r.employeeNumber(), r.fiscalMonth(), r.measure(), r.amount()
					.setScale(Metric.ofCode(r.measure()).map(Metric::scale).orElse(4), Amounts.ROUNDING)
					.toPlainString())));
	}

	static ResponseEntity<StreamingResponseBody> differences(ExportFormat format, List<QuotaViews.QuotaDiffRow> rows) {
		return Exports.download(format, "quota-differences",
				List.of("kind", "id", "name", "measure", "previous", "current", "change"),
				table -> rows.forEach(r -> table.row(r.kind(), r.id(), r.name(), r.metric().code(), r.previous(),
						r.current(), r.change())));
	}
}
