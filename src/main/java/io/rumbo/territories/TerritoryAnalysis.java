package io.rumbo.territories;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.territories.domain.Alignment;

/**
 * What a model does: the preview of a model (every account from whom to whom, with what moves), from the same rows
 * the activation writes ({@link Realignment#align}). How even the model is lives in {@link TerritoryBalances}, the
 * reader's territories and account periods in {@link AccountTerritories}, call norms in {@link CallNorms} and frozen
 * accounts in {@link FrozenAccounts}.
 */
@Service
public class TerritoryAnalysis {

	/** A model's preview: the rows in the reader's scope and the sums of those that move. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesPreviewResult")
	public record Preview(ModelView model, List<AccountMove> accounts, Realignment.Summary summary,
			LocalDate lastYearFrom, LocalDate lastYearTo) {
	}

	private final TerritoryModels models;
	private final Realignment realignment;
	private final DataScopes scopes;
	private final Clock clock;

	TerritoryAnalysis(TerritoryModels models, Realignment realignment, DataScopes scopes, Clock clock) {
		this.models = models;
		this.realignment = realignment;
		this.scopes = scopes;
		this.clock = clock;
	}

	/**
	 * Where the model puts every account the reader sees (from or to a unit they manage; everything for directors,
	 * admins and viewers), from the same rows activation writes. {@code movesOnly} keeps the accounts that change
	 * owner or unit.
	 */
	@Transactional
	public Preview preview(CurrentUser user, long modelId, @Nullable LocalDate on, boolean movesOnly) {
		ModelView model = models.get(user, modelId);
		// A scheduled model is previewed as of its date unless another date is asked for (decision 0041).
		LocalDate date = on != null ? on
				: model.status() == ModelStatus.SCHEDULED && model.scheduledFor() != null ? model.scheduledFor()
						: LocalDate.now(clock);
		Map<String, Object> params = new HashMap<>();
		List<Alignment.Row> rows = realignment.align(modelId, date, previewScope(user, params), params);
		if (movesOnly) {
			rows = rows.stream().filter(Alignment.Row::moves).toList();
		}
		var year = realignment.lastYear(date);
		return new Preview(model, realignment.describe(rows), Realignment.summary(rows), year.start(),
				year.lastDay());
	}

	/**
	 * The preview rows the reader sees, as an SQL condition: every row for directors, admins and viewers; for a
	 * manager the accounts coming from or going to a unit they manage (subtree expanded).
	 */
	private String previewScope(CurrentUser user, Map<String, Object> params) {
		if (user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.VIEWER)) {
			return "TRUE";
		}
		if (!user.has(Role.MANAGER)) {
			return "1 = 0";
		}
		return scopes.of(user).sql(new DataScope.Columns(List.of(Alignment.FROM_UNIT, Alignment.TO_UNIT), List.of(),
				List.of()), params);
	}
}
