package io.rumbo.territories.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.territories.BalanceRow;
import io.rumbo.territories.FrozenAccounts;
import io.rumbo.territories.TerritoryAnalysis;
import io.rumbo.territories.TerritoryModels;

/** The export shapes of the model list, a preview and a balance, for the API and the pages. */
final class TerritoryExports {

	private TerritoryExports() {
	}

	static ResponseEntity<StreamingResponseBody> models(ExportFormat format, TerritoryModels models, CurrentUser user,
			TerritoryModels.Filter filter, ListQuery sorted) {
		return Exports.download(format, "territory-models", List.of("id", "name", "status", "effectiveFrom",
				"effectiveTo", "territories", "movedAccounts", "createdBy", "activatedBy", "note"),
				table -> models.each(user, filter, sorted, m -> table.row(m.id(), m.name(), m.status(),
						m.effectiveFrom(), m.effectiveTo(), m.territories(), m.movedAccounts(), m.createdBy(),
						m.activatedBy(), m.note())));
	}

	static ResponseEntity<StreamingResponseBody> frozen(ExportFormat format, FrozenAccounts frozen, CurrentUser user,
			FrozenAccounts.Filter filter, ListQuery sorted) {
		return Exports.download(format, "territory-frozen-accounts", List.of("customerId", "legalName",
				"potentialClass", "unit", "owner", "reason", "markedBy", "markedOn"),
				table -> frozen.each(user, filter, sorted, f -> table.row(f.customerId(), f.legalName(),
						f.potentialClass(), f.unitName(), f.ownerName(), f.reason(), f.markedBy(), f.markedOn())));
	}

	/** A preview's rows, read through a cursor and written a batch at a time as they come (decision 0044). */
	static ResponseEntity<StreamingResponseBody> preview(ExportFormat format, TerritoryAnalysis analysis,
			CurrentUser user, long modelId, TerritoryAnalysis.Filter filter, ListQuery sorted) {
		return Exports.download(format, "territory-preview", List.of("customerId", "legalName", "potentialClass",
				"fromTerritory", "fromOwner", "toTerritory", "toOwner", "moves", "frozen", "potential",
				"workloadHours", "lastYearNet", "lastYearMargin"),
				table -> analysis.each(user, modelId, filter, sorted, r -> table.row(r.customerId(), r.legalName(),
						r.potentialClass(), r.fromTerritoryName(), r.fromOwnerName(), r.toTerritoryName(),
						r.toOwnerName(), r.moves(), r.frozen(), r.potential(), r.workloadHours(), r.lastYearNet(),
						r.lastYearMargin())));
	}

	static ResponseEntity<StreamingResponseBody> balance(ExportFormat format, List<BalanceRow> rows) {
		return Exports.download(format, "territory-balance", List.of("territoryId", "code", "name", "assignee",
				"accounts", "classA", "classB", "classC", "potential", "workloadHours", "lastYearNet",
				"lastYearMargin", "index"),
				table -> rows.forEach(r -> table.row(r.territoryId(), r.code(), r.name(), r.assigneeName(),
						r.accounts(), r.classA(), r.classB(), r.classC(), r.potential(), r.workloadHours(),
						r.lastYearNet(), r.lastYearMargin(), r.index())));
	}
}
