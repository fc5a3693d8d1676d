package io.rumbo.incentives;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.RecognitionViews.FeedItem;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * The team's feed: the awards (not revoked) and badges of the reader's scope, newest first, in one statement over
 * both tables. Milestones crossed at once (the same person, measure and period, earned the same day: 50, 90, 100 and
 * 120 % in one month) make one line, the highest; every badge stays recorded and listed by {@link Badges}. The scope is the reader's data scope widened to their own team, since recognition is shared with the
 * team: a salesperson reads their team's, a manager their subtree's, a director everyone's.
 */
@Service
public class RecognitionFeed {

	/** The feed's sort keys. */
	public static final Map<String, String> SORTS = Map.of("on", "f.on_day", "person", "f.staff_id", "period",
			"f.period_start");

	/** {@code type}: "award" or "badge"; {@code kind}: an award kind's code; {@code unitId}: a unit's subtree. */
	public record Filter(@Nullable String type, @Nullable String kind, @Nullable String period,
			@Nullable Long unitId, @Nullable Long staffId) {

		public static Filter none() {
			return new Filter(null, null, null, null, null);
		}
	}

	private static final String FEED = """
			SELECT * FROM (
			  SELECT 'award' AS item, a.id, CAST(a.granted_at AS DATE) AS on_day, a.staff_id, a.unit_id, a.period_code,
			    a.period_start, k.code AS kind_code, k.name_en, k.name_es, a.metric, a.metric_value AS figure,
			    CAST(NULL AS INT) AS threshold, a.citation, k.basis, a.source
			  FROM recognition_award a JOIN recognition_award_kind k ON k.id = a.kind_id WHERE a.revoked_at IS NULL
			  UNION ALL
			  SELECT 'badge', b.id, b.earned_on, b.staff_id, b.unit_id, b.period_code, b.period_start,
			    CAST(NULL AS VARCHAR(40)), CAST(NULL AS VARCHAR(120)), CAST(NULL AS VARCHAR(120)), b.metric,
			    b.attainment, b.threshold, CAST(NULL AS VARCHAR(2000)), CAST(NULL AS VARCHAR(16)),
			    CAST(NULL AS VARCHAR(16))
			  FROM recognition_badge b
			  WHERE NOT EXISTS (SELECT 1 FROM recognition_badge h WHERE h.staff_id = b.staff_id AND h.metric = b.metric
			    AND h.period_code = b.period_code AND h.earned_on = b.earned_on AND h.threshold > b.threshold)
			) f""";

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final RuleCitations citations;

	RecognitionFeed(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, RuleCitations citations) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.citations = citations;
	}

	@Transactional(readOnly = true)
	public PageResponse<FeedItem> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM (" + FEED + where + ") c").params(params).query(Long.class)
			.single();
		return PageResponse.of(select(where + order(query) + query.limit(), params), query, total);
	}

	/** Every line of the feed, in batches, for an export. */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<FeedItem> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		int size = ExportCursor.BATCH;
		for (int page = 0;; page++) {
			params.put("batchOffset", (long) page * size);
			List<FeedItem> batch = select(where + order(query) + " LIMIT " + size + " OFFSET :batchOffset", params);
			batch.forEach(sink);
			if (batch.size() < size) {
				return;
			}
		}
	}

	/** The units the reader sees, by name, for the feed's unit filter. */
	@Transactional(readOnly = true)
	public Map<Object, String> unitOptions(CurrentUser actor) {
		DataScope scope = scopes.of(actor);
		Map<Object, String> options = new java.util.LinkedHashMap<>();
		org.unitTree().stream().filter(u -> scope.seesUnit(u.id()))
			.sorted(java.util.Comparator.comparing(OrgDirectory.UnitNode::name))
			.forEach(u -> options.put(u.id(), u.name()));
		return options;
	}

	private static String order(ListQuery query) {
		// Newest first whatever else is asked, then a stable order between an award and a badge of one day.
		return query.orderBy("f.item, f.id DESC");
	}

	private List<FeedItem> select(String whereOrderLimit, Map<String, Object> params) {
		boolean es = "es".equals(Awards.lang());
		Map<Long, String> rule = new HashMap<>();
		List<FeedItem> rows = jdbc.sql(FEED + whereOrderLimit).params(params)
			.query((rs, i) -> {
				if ("RULE".equals(rs.getString("source"))) {
					rule.put(rs.getLong("id"), rs.getString("basis"));
				}
				String type = rs.getString("item");
				int threshold = rs.getInt("threshold");
				Integer thresholdValue = rs.wasNull() ? null : threshold;
				String title = "award".equals(type) ? rs.getString(es ? "name_es" : "name_en") : "";
				return new FeedItem(type, rs.getLong("id"), rs.getObject("on_day", java.time.LocalDate.class),
						rs.getLong("staff_id"), "", rs.getLong("unit_id"), null, rs.getString("period_code"), title,
						rs.getString("kind_code"), rs.getString("metric"), rs.getBigDecimal("figure"), thresholdValue,
						rs.getString("citation"));
			})
			.list();
		Map<Long, String> names = org.staffNames(rows.stream().map(FeedItem::staffId).distinct().toList());
		Map<Long, String> units = org.unitNames(rows.stream().map(FeedItem::unitId).distinct().toList());
		return rows.stream().map(f -> f.named(names.getOrDefault(f.staffId(), "#" + f.staffId()), units.get(f.unitId()),
				"award".equals(f.type()) && rule.containsKey(f.id()) && f.measure() != null && f.value() != null
						? citations.of(AwardBasis.valueOf(rule.get(f.id())), f.title(), f.measure(), f.value(), f.period())
						: f.citation()))
			.toList();
	}

	private String where(CurrentUser actor, Filter filter, Map<String, Object> params) {
		DataScope scope = scopes.of(actor);
		StringBuilder where = new StringBuilder(" WHERE " + scope.sql(new DataScope.Columns(List.of("f.unit_id"),
				List.of("f.staff_id"), List.of("f.unit_id")), params));
		if (filter.type() != null && !filter.type().isBlank()) {
			where.append(" AND f.item = :type");
			params.put("type", filter.type().strip().toLowerCase(Locale.ROOT));
		}
		if (filter.kind() != null && !filter.kind().isBlank()) {
			where.append(" AND f.kind_code = :kind");
			params.put("kind", filter.kind().strip().toLowerCase(Locale.ROOT));
		}
		if (filter.period() != null && !filter.period().isBlank()) {
			where.append(" AND f.period_code = :period");
			params.put("period", filter.period().strip().toUpperCase(Locale.ROOT));
		}
		if (filter.staffId() != null) {
			where.append(" AND f.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		if (filter.unitId() != null) {
			if (!scope.seesUnit(filter.unitId())) {
				throw new NotFoundException("unit", filter.unitId());
			}
			where.append(" AND f.unit_id IN (:units)");
			params.put("units", org.subtree(filter.unitId()));
		}
		return where.toString();
	}
}
