package io.rumbo.lessons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.search.SearchText;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Reads of lessons, always within what the reader may see (decision 0032): their own lessons, those written in the
 * units they manage (the author's unit at the time of writing), everything for company-wide roles, and besides the
 * success cases shared with a unit whose subtree holds the reader's unit (or a unit the reader manages). Anything else
 * is "not found".
 */
@Service
public class LessonQueries {

	public static final Map<String, String> SORTS = Map.of("writtenOn", "l.written_on", "title", "l.title",
			"usefulCount", "l.useful_count", "sharedOn", "l.shared_on", "outcome", "l.outcome");

	/**
	 * The library's filters: {@code q} every word somewhere in the text (accents and case aside), a tag, a segment, a
	 * product line, an outcome, a status, the writing date range; {@code casesOnly} success cases shared (the
	 * library's default for salespeople); the links.
	 */
	public record Filter(@Nullable String q, @Nullable String tag, @Nullable Segment segment,
			@Nullable Long productLineId, @Nullable LessonOutcome outcome, @Nullable LessonStatus status,
			@Nullable LocalDate from, @Nullable LocalDate to, boolean casesOnly, @Nullable Long opportunityId,
			@Nullable Long strategyId) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, null, null, false, null, null);
		}

		public static Filter cases() {
			return new Filter(null, null, null, null, null, null, null, null, true, null, null);
		}
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final CustomerDirectory customers;
	private final CatalogManagement catalog;

	LessonQueries(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, CustomerDirectory customers,
			CatalogManagement catalog) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.customers = customers;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	public PageResponse<LessonView> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM lessons_lesson l" + where).params(params).query(Long.class).single();
		List<LessonView> rows = jdbc.sql("SELECT l.* FROM lessons_lesson l" + where + query.orderBy("l.id")
				+ query.limit()).params(params).query(LessonQueries::raw).list();
		return PageResponse.of(named(actor, rows), query, total);
	}

	/** Every lesson the filter selects, in order, named a page at a time (for the CSV export). */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<LessonView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		List<LessonView> batch = new ArrayList<>();
		try (java.util.stream.Stream<LessonView> rows = jdbc.sql("SELECT l.* FROM lessons_lesson l" + where
				+ query.orderBy("l.id")).params(params).query(LessonQueries::raw).stream()) {
			rows.forEach(row -> {
				batch.add(row);
				if (batch.size() == 1000) {
					named(actor, batch).forEach(sink);
					batch.clear();
				}
			});
		}
		named(actor, batch).forEach(sink);
	}

	@Transactional(readOnly = true)
	public LessonView get(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, Filter.none(), params) + " AND l.id = :id";
		params.put("id", id);
		List<LessonView> found = jdbc.sql("SELECT l.* FROM lessons_lesson l" + where).params(params)
			.query(LessonQueries::raw).list();
		if (found.isEmpty()) {
			throw new NotFoundException("lesson", id);
		}
		return named(actor, found).get(0);
	}

	/** The success cases shared with the reader's scope, newest first (the home page's feed). */
	@Transactional(readOnly = true)
	public List<LessonView> recentCases(CurrentUser actor, int limit) {
		Map<String, Object> params = new HashMap<>();
		return named(actor, jdbc.sql("SELECT l.* FROM lessons_lesson l" + where(actor, Filter.cases(), params)
				+ " ORDER BY l.shared_on DESC, l.id DESC LIMIT " + limit).params(params).query(LessonQueries::raw).list());
	}

	/**
	 * Success cases the reader sees that match a segment and any of the product lines (suggestions on an
	 * opportunity), most marked useful first.
	 */
	@Transactional(readOnly = true)
	public List<LessonView> casesFor(CurrentUser actor, @Nullable Segment segment, Set<Long> productLines, int limit) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(where(actor, Filter.cases(), params));
		if (segment == null && productLines.isEmpty()) {
			return List.of();
		}
		if (segment != null) {
			where.append(" AND l.segment = :matchSegment");
			params.put("matchSegment", segment.name());
		}
		if (!productLines.isEmpty()) {
			where.append(" AND l.product_line_id IN (:matchLines)");
			params.put("matchLines", productLines);
		}
		return named(actor, jdbc.sql("SELECT l.* FROM lessons_lesson l" + where
				+ " ORDER BY l.useful_count DESC, l.shared_on DESC, l.id DESC LIMIT " + limit).params(params)
			.query(LessonQueries::raw).list());
	}

	/** Success cases the reader sees tagged with any of the tags (suggestions on an improvement plan). */
	@Transactional(readOnly = true)
	public List<LessonView> casesTagged(CurrentUser actor, Set<String> tags, int limit) {
		if (tags.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, Filter.cases(), params)
				+ " AND EXISTS (SELECT 1 FROM lessons_lesson_tag m WHERE m.lesson_id = l.id AND m.tag IN (:matchTags))";
		params.put("matchTags", tags);
		return named(actor, jdbc.sql("SELECT l.* FROM lessons_lesson l" + where
				+ " ORDER BY l.useful_count DESC, l.shared_on DESC, l.id DESC LIMIT " + limit).params(params)
			.query(LessonQueries::raw).list());
	}

	/** The tags in use among the lessons the reader sees, for the library's tag filter. */
	@Transactional(readOnly = true)
	public List<String> tags(CurrentUser actor) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, Filter.none(), params);
		return jdbc.sql("SELECT DISTINCT t.tag FROM lessons_lesson_tag t WHERE t.lesson_id IN (SELECT l.id FROM "
				+ "lessons_lesson l" + where + ") ORDER BY t.tag").params(params).query(String.class).list();
	}

	/**
	 * The visibility condition (decision 0032) and the filters, as a {@code WHERE} clause over {@code l}. A lesson is
	 * seen by its author, by the managers of the unit the author wrote it in (the subtree scope), by company-wide
	 * roles; a shared success case also by the people of its scope.
	 */
	String where(CurrentUser actor, Filter filter, Map<String, Object> params) {
		return where(actor.username(), scopes.of(actor), filter, params);
	}

	String where(String username, DataScope scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ");
		if (scope.all()) {
			where.append("1 = 1");
		}
		else {
			where.append("(l.author = :me OR ").append(scope.sql("l.author_unit_id", "l.author_staff_id", params));
			params.put("me", username);
			Set<Long> sharedWith = sharedUnitsSeenBy(scope);
			if (!sharedWith.isEmpty()) {
				where.append(" OR (l.status = 'SHARED' AND l.shared_unit_id IN (:sharedWith))");
				params.put("sharedWith", sharedWith);
			}
			where.append(')');
		}
		if (filter.casesOnly()) {
			where.append(" AND l.status = 'SHARED'");
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			List<String> words = SearchText.words(filter.q());
			if (!words.isEmpty()) {
				where.append(" AND ").append(SearchText.allWords("l.search_text", words, "q", params));
			}
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			where.append(" AND EXISTS (SELECT 1 FROM lessons_lesson_tag ft WHERE ft.lesson_id = l.id AND ft.tag = :tag)");
			params.put("tag", io.rumbo.lessons.domain.Lesson.normalTags(List.of(filter.tag())).get(0));
		}
		if (filter.segment() != null) {
			where.append(" AND l.segment = :segment");
			params.put("segment", filter.segment().name());
		}
		if (filter.productLineId() != null) {
			where.append(" AND l.product_line_id = :line");
			params.put("line", filter.productLineId());
		}
		if (filter.outcome() != null) {
			where.append(" AND l.outcome = :outcome");
			params.put("outcome", filter.outcome().name());
		}
		if (filter.status() != null) {
			where.append(" AND l.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.from() != null) {
			where.append(" AND l.written_on >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			where.append(" AND l.written_on <= :to");
			params.put("to", filter.to());
		}
		if (filter.opportunityId() != null) {
			where.append(" AND l.opportunity_id = :opportunity");
			params.put("opportunity", filter.opportunityId());
		}
		if (filter.strategyId() != null) {
			where.append(" AND l.strategy_id = :strategy");
			params.put("strategy", filter.strategyId());
		}
		return where.toString();
	}

	/**
	 * The units whose shared cases the scope's holder sees: their own unit and every unit above it (a case shared
	 * with a region reaches each team of the region), and the units they manage.
	 */
	Set<Long> sharedUnitsSeenBy(DataScope scope) {
		Set<Long> units = new HashSet<>(scope.managedUnitIds());
		if (scope.ownUnitId() != null) {
			Map<Long, @Nullable Long> parents = new HashMap<>();
			org.unitTree().forEach(node -> parents.put(node.id(), node.parentId()));
			// Every ancestor, even when the own unit is already in the set (a manager's own unit is one they manage).
			for (Long unit = scope.ownUnitId(); unit != null; unit = parents.get(unit)) {
				units.add(unit);
			}
		}
		return units;
	}

	/** Whether the user may promote lessons at all (managers within their scope, directors and admins anywhere). */
	public static boolean mayPromote(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	public static boolean mayWrite(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP);
	}

	private static LessonView raw(ResultSet rs, int n) throws SQLException {
		String segment = rs.getString("segment");
		String tags = rs.getString("tags_text");
		return new LessonView(rs.getLong("id"), rs.getLong("version"), rs.getString("title"),
				rs.getString("what_happened"), rs.getString("why_text"), rs.getString("advice"),
				LessonOutcome.valueOf(rs.getString("outcome")), rs.getString("language"), rs.getString("author"),
				rs.getString("author_name"), rs.getObject("author_staff_id", Long.class),
				rs.getObject("author_unit_id", Long.class), rs.getObject("written_on", LocalDate.class),
				rs.getObject("opportunity_id", Long.class), null, rs.getObject("customer_id", Long.class), null,
				rs.getObject("strategy_id", Long.class), null, rs.getObject("product_line_id", Long.class), null,
				segment == null ? null : Segment.valueOf(segment), rs.getObject("scorecard_id", Long.class),
				tags == null || tags.isBlank() ? List.of() : List.of(tags.split(" ")),
				LessonStatus.valueOf(rs.getString("status")), rs.getObject("shared_unit_id", Long.class), null,
				rs.getString("shared_by"), rs.getObject("shared_on", LocalDate.class), rs.getInt("useful_count"),
				false);
	}

	/** The rows with the names of customers, product lines and units and the reader's marks, a query each. */
	private List<LessonView> named(CurrentUser actor, List<LessonView> raw) {
		if (raw.isEmpty()) {
			return List.of();
		}
		Set<Long> accounts = new HashSet<>();
		Set<Long> units = new HashSet<>();
		List<Long> ids = new ArrayList<>();
		raw.forEach(l -> {
			ids.add(l.id());
			if (l.customerId() != null) {
				accounts.add(l.customerId());
			}
			if (l.sharedUnitId() != null) {
				units.add(l.sharedUnitId());
			}
		});
		Map<Long, String> customerNames = accounts.isEmpty() ? Map.of() : customers.names(accounts);
		Map<Long, String> unitNames = units.isEmpty() ? Map.of() : org.unitNames(units);
		String language = LocaleContextHolder.getLocale().getLanguage();
		Map<Long, String> lineNames = new LinkedHashMap<>();
		if (raw.stream().anyMatch(l -> l.productLineId() != null)) {
			for (ProductLineView line : catalog.lines(true)) {
				lineNames.put(line.id(), line.name(language));
			}
		}
		Set<Long> marked = new HashSet<>(jdbc.sql("SELECT lesson_id FROM lessons_useful_mark WHERE username = :me "
				+ "AND lesson_id IN (:ids)").param("me", actor.username()).param("ids", ids).query(Long.class).list());
		return raw.stream()
			.map(l -> new LessonView(l.id(), l.version(), l.title(), l.whatHappened(), l.why(), l.advice(),
					l.outcome(), l.language(), l.author(), l.authorName(), l.authorStaffId(), l.authorUnitId(),
					l.writtenOn(), l.opportunityId(), null, l.customerId(),
					l.customerId() == null ? null : customerNames.get(l.customerId()), l.strategyId(), null,
					l.productLineId(), l.productLineId() == null ? null : lineNames.get(l.productLineId()),
					l.segment(), l.scorecardId(), l.tags(), l.status(), l.sharedUnitId(),
					l.sharedUnitId() == null ? null : unitNames.get(l.sharedUnitId()), l.sharedBy(), l.sharedOn(),
					l.usefulCount(), marked.contains(l.id())))
			.toList();
	}
}
