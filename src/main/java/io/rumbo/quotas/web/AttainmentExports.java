package io.rumbo.quotas.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.quotas.AttainmentViews;
import io.rumbo.quotas.Pace;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;

/** The attainment lists as CSV or XLSX: one row per person or unit and measure, every figure of the pace flat. */
final class AttainmentExports {

	static final List<String> ROW_COLUMNS = List.of("period", "kind", "id", "name", "unitId", "unitName", "measure",
			"actual", "quota", "attainment", "expected", "paceIndex", "projection", "projectedAttainment", "gap",
			"neededPerWorkingDay", "workingDays", "workingDaysElapsed", "atRisk", "riskPoints", "riskShortfall");

	private AttainmentExports() {
	}

	static ResponseEntity<StreamingResponseBody> rows(ExportFormat format, AttainmentViews.PeriodView period,
			List<AttainmentViews.Row> rows) {
		return Exports.download(format, "attainment-" + period.code(), ROW_COLUMNS, table -> {
			for (AttainmentViews.Row r : rows) {
				Pace p = r.pace();
				table.row(period.code(), r.kind(), r.id(), r.name(), r.unitId(), r.unitName(), r.measure(), p.actual(),
						p.quota(), p.attainment(), p.expected(), p.paceIndex(), p.projection(), p.projectedAttainment(),
						p.gap(), p.neededPerWorkingDay(), p.workingDays(), p.workingDaysElapsed(), p.atRisk(),
						p.risk() == null ? null : p.risk().points(), p.risk() == null ? null : p.risk().shortfall());
			}
		});
	}

	static ResponseEntity<StreamingResponseBody> leaderboard(ExportFormat format, AttainmentViews.Leaderboard board) {
		return Exports.download(format, "leaderboard-" + board.measure() + "-" + board.period().code(),
				List.of("period", "measure", "rank", "outOf", "staffId", "name", "unitName", "attainment", "actual",
						"quota"),
				table -> board.places().forEach(p -> table.row(board.period().code(), board.measure(), p.rank(),
						p.outOf(), p.staffId(), p.name(), p.unitName(), p.attainment(), p.actual(), p.quota())));
	}
}
