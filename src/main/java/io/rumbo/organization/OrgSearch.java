package io.rumbo.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.shared.search.SearchHit;
import io.rumbo.shared.search.SearchHits;
import io.rumbo.shared.search.SearchText;

/**
 * The organization module's part of the global search: people by name, e-mail or employee number, units by name or
 * code, within the reader's data scope in SQL as on the staff and unit pages. The expressions are the ones migration
 * V57 indexes on PostgreSQL.
 */
@Service
public class OrgSearch {

	static final String STAFF_TEXT = SearchText.folded("s.first_name", "s.last_name", "s.email", "s.employee_number");

	static final String UNIT_TEXT = SearchText.folded("u.name", "u.code");

	private final JdbcClient jdbc;

	OrgSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** People on the payroll, detail their unit, by last and first name. */
	@Transactional(readOnly = true)
	public SearchHits people(DataScope scope, List<String> words, int limit) {
		if (!SearchText.searchable(words)) {
			return SearchHits.NONE;
		}
		Map<String, Object> params = new HashMap<>();
		String sql = "SELECT s.id, s.first_name, s.last_name, u.name FROM org_staff s JOIN org_unit u ON u.id = s.unit_id"
				+ " WHERE s.archived = FALSE AND " + SearchText.allWords(STAFF_TEXT, words, "w", params) + " AND "
				+ scope.sql("u.id", "s.id", params) + " ORDER BY s.last_name, s.first_name, s.id LIMIT " + (limit + 1);
		return SearchHits.of(jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new SearchHit(rs.getLong(1), rs.getString(2) + " " + rs.getString(3), rs.getString(4),
					"/organization/staff/" + rs.getLong(1)))
			.list(), limit);
	}

	/** Units, detail their code; a manager's subtree and anyone's own unit, as on the unit pages. */
	@Transactional(readOnly = true)
	public SearchHits units(DataScope scope, List<String> words, int limit) {
		if (!SearchText.searchable(words)) {
			return SearchHits.NONE;
		}
		Map<String, Object> params = new HashMap<>();
		String sql = "SELECT u.id, u.name, u.code FROM org_unit u WHERE u.archived = FALSE AND "
				+ SearchText.allWords(UNIT_TEXT, words, "w", params) + " AND "
				+ scope.sql(new DataScope.Columns(List.of("u.id"), List.of(), List.of("u.id")), params)
				+ " ORDER BY u.name, u.id LIMIT " + (limit + 1);
		return SearchHits.of(jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new SearchHit(rs.getLong(1), rs.getString(2), rs.getString(3),
					"/organization/units/" + rs.getLong(1)))
			.list(), limit);
	}
}
