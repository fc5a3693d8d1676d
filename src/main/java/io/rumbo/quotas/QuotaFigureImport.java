package io.rumbo.quotas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScopes;
import io.rumbo.quotas.QuotaViews.QuotaVersionView;
import io.rumbo.quotas.domain.Allocator;
import io.rumbo.quotas.domain.QuotaFigureStore;
import io.rumbo.quotas.domain.QuotaStore;
import io.rumbo.quotas.domain.QuotaStore.VersionRow;
import io.rumbo.shared.money.Amounts;

/**
 * People's quota figures fixed from a file (the quota import, decision 0010's addendum): checked whole, then written
 * through the same change path as the screen, so a figure that touches a binding quota makes a new version with the
 * import's reason.
 */
@Service
public class QuotaFigureImport {

	private final QuotaStore store;
	private final QuotaFigureStore figureStore;
	private final QuotaQueries queries;
	private final QuotaRevisions revisions;
	private final DataScopes scopes;

	QuotaFigureImport(QuotaStore store, QuotaFigureStore figureStore, QuotaQueries queries, QuotaRevisions revisions, DataScopes scopes) {
		this.store = store;
		this.figureStore = figureStore;
		this.queries = queries;
		this.revisions = revisions;
		this.scopes = scopes;
	}

	/**
	 * A figure an import may not write: its place in the list (-1: the import as a whole), the field it is about, why
	 * (a message key).
	 */
	public record FigureProblem(int index, String field, String messageKey, Object... arguments) {
	}

	/**
	 * What importing figures did, or would do: the problems (nothing written), how many figures change the quota
	 * and how many are already the quota, and the version they went into (a new one when they touched binding quotas).
	 */
	public record FigureImport(List<FigureProblem> problems, int fiscalYear, int changed, int unchanged,
			int versionNumber, boolean newVersion, boolean written) {
	}

	/**
	 * Fixes people's figures of a fiscal year, as an import gives them: in the year's latest version, in place while
	 * what they touch is not binding, otherwise (with a reason) as a new version published at once, as every change.
	 * A figure must fall on a month the version counts the person in a unit (their level), in a unit the actor may
	 * allocate; a manager may not make a binding level hand out more than its pool. Figures equal to the quota change
	 * nothing; a file that changes nothing writes nothing. With {@code write} false only the checks run.
	 */
	@Transactional
	public FigureImport importFigures(CurrentUser actor, int fiscalYear, List<QuotaFigure> figures,
			@Nullable String reason, boolean write) {
		List<FigureProblem> problems = new ArrayList<>();
		List<VersionRow> versions = store.versions(fiscalYear);
		if (versions.isEmpty()) {
			problems.add(new FigureProblem(0, "month", "quotas.import.noPlan", String.valueOf(fiscalYear)));
			return new FigureImport(problems, fiscalYear, 0, 0, 0, false, false);
		}
		VersionRow v = versions.get(0);
		QuotaVersionView shown = queries.view(v);
		Set<Metric> metrics = Set.copyOf(shown.metrics());
		boolean director = QuotaAccess.isDirector(actor);
		io.rumbo.organization.DataScope scope = scopes.of(actor);
		Map<QuotaFigureStore.FigureKey, QuotaStore.PersonMonth> current = new HashMap<>();
		store.personMonths(v.id(), figures.stream().map(f -> f.staff().value()).toList())
			.forEach(p -> current.put(new QuotaFigureStore.FigureKey(p.staffId(), p.metric(), p.month()), p));
		List<QuotaFigureStore.Figure> changes = new ArrayList<>();
		Map<String, BigDecimal> deltas = new LinkedHashMap<>();
		Map<String, Integer> firstOfLevel = new HashMap<>();
		Map<Long, Boolean> published = new HashMap<>();
		int unchanged = 0;
		for (int i = 0; i < figures.size(); i++) {
			QuotaFigure f = figures.get(i);
			if (!metrics.contains(f.metric())) {
				problems.add(new FigureProblem(i, "measure", "quotas.import.measure", f.metric().code(), shown.yearLabel(),
						String.join(", ", metrics.stream().sorted().map(Metric::code).toList())));
				continue;
			}
			QuotaStore.PersonMonth now = current.get(new QuotaFigureStore.FigureKey(f.staff().value(), f.metric(),
					f.fiscalMonth()));
			if (now == null) {
				problems.add(new FigureProblem(i, "month", "quotas.import.notMember", v.number()));
				continue;
			}
			if (!director && !(actor.has(io.rumbo.identity.Role.MANAGER)
					&& scope.managedUnitIds().contains(now.unitId()))) {
				problems.add(new FigureProblem(i, "staff", "imports.error.outOfScope"));
				continue;
			}
			if (!director && !published.computeIfAbsent(now.unitId(), u -> queries.figurePublished(v, u))) {
				problems.add(new FigureProblem(i, "staff", "quotas.import.notPublished",
						queries.unitName(now.unitId())));
				continue;
			}
			if (f.amount().compareTo(now.amount()) == 0) {
				unchanged++;
				continue;
			}
			changes.add(new QuotaFigureStore.Figure(f.staff().value(), f.metric(), f.fiscalMonth(),
					f.amount().setScale(f.metric().scale(), Amounts.ROUNDING)));
			String level = QuotaStore.levelKey(now.unitId(), f.metric());
			deltas.merge(level, f.amount().subtract(now.amount()), BigDecimal::add);
			firstOfLevel.putIfAbsent(level, i);
		}
		if (!problems.isEmpty() || changes.isEmpty()) {
			return new FigureImport(problems, fiscalYear, changes.size(), unchanged, v.number(), false, false);
		}
		List<Long> units = deltas.keySet().stream().map(k -> Long.parseLong(k.substring(0, k.indexOf(':')))).distinct()
			.toList();
		boolean binding = queries.binding(v, units);
		String why = reason == null ? "" : reason.strip();
		// The reason is the import's, not a row's: its problem names no row (index -1).
		if (binding && why.isEmpty()) {
			problems.add(new FigureProblem(-1, "reason", "quotas.import.reason", shown.yearLabel(), v.number(),
					v.number() + 1));
		}
		else if (why.length() > 1000) {
			problems.add(new FigureProblem(-1, "reason", "quotas.error.comment", 1000));
		}
		if (!director) {
			Map<Long, QuotaStore.Release> releases = store.releases(v.id());
			deltas.forEach((key, delta) -> {
				long unit = Long.parseLong(key.substring(0, key.indexOf(':')));
				Metric metric = Metric.valueOf(key.substring(key.indexOf(':') + 1));
				if (releases.containsKey(unit) && Allocator.additive(metric) && delta.signum() > 0) {
					QuotaViews.QuotaLevelView level = queries.level(actor, v.id(), unit, metric);
					BigDecimal after = level.allocated().add(delta);
					if (after.compareTo(level.pool()) > 0) {
						problems.add(new FigureProblem(firstOfLevel.get(key), "amount",
								metric.scale() == 0 ? "quotas.import.overPoolWhole" : "quotas.import.overPool",
								level.unitName(), after, level.pool()));
					}
				}
			});
		}
		if (!problems.isEmpty() || !write) {
			return new FigureImport(problems, fiscalYear, changes.size(), unchanged,
					binding ? v.number() + 1 : v.number(), binding, false);
		}
		QuotaVersionView written = revisions.change(actor, v.id(), v.version(), why.isEmpty() ? null : why, units, "IMPORT",
				into -> figureStore.saveFigures(into.id(), changes));
		return new FigureImport(List.of(), fiscalYear, changes.size(), unchanged, written.number(),
				written.id() != v.id(), true);
	}

}
