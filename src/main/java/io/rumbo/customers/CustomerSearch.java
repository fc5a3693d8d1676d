package io.rumbo.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.organization.DataScope;
import io.rumbo.shared.search.SearchHit;
import io.rumbo.shared.search.SearchHits;
import io.rumbo.shared.search.SearchText;

/**
 * The customers module's part of the global search: accounts by name, number, tax id or city, contacts by name or
 * e-mail, service cases by number or subject, each within the reader's data scope in SQL (the same scope the record's
 * page applies, so a hit never leads to "not found"). The words come folded from {@link SearchText#words}; the
 * accounts, contacts and cases compare the folded {@code search_text} migration V59 generates (name, number, tax id
 * and city; name and e-mail; number and subject), trigram-indexed on PostgreSQL.
 */
@Service
public class CustomerSearch {

	static final String ACCOUNT_TEXT = "c.search_text";

	static final String CONTACT_TEXT = "k.search_text";

	static final String CASE_TEXT = "s.search_text";

	private final JdbcClient jdbc;

	CustomerSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Accounts, detail the city, by name among the first {@link SearchText#CANDIDATES} matches: the inner select has
	 * no order, so PostgreSQL finds the matches through the trigram index (or, for a word in most rows, stops a scan
	 * at the cap) rather than walking the whole name index.
	 */
	@Transactional(readOnly = true)
	public SearchHits accounts(DataScope scope, List<String> words, int limit) {
		if (!SearchText.searchable(words)) {
			return SearchHits.NONE;
		}
		Map<String, Object> params = new HashMap<>();
		String sql = SearchText.firstOrdered("SELECT c.id, c.legal_name, c.city FROM customer_account c"
				+ " WHERE c.archived = FALSE AND " + SearchText.allWords(ACCOUNT_TEXT, words, "w", params) + " AND "
				+ scope.sql("c.unit_id", "c.owner_staff_id", params), "LOWER(m.legal_name), m.id", limit);
		return SearchHits.of(jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new SearchHit(rs.getLong(1), rs.getString(2), rs.getString(3), "/customers/" + rs.getLong(1)))
			.list(), limit);
	}

	/** Contacts of the accounts in scope, detail the account's name; the link is the account page at its contacts. */
	@Transactional(readOnly = true)
	public SearchHits contacts(DataScope scope, List<String> words, int limit) {
		if (!SearchText.searchable(words)) {
			return SearchHits.NONE;
		}
		Map<String, Object> params = new HashMap<>();
		String sql = SearchText.firstOrdered("SELECT k.id, k.full_name, c.legal_name, c.id AS customer_id"
				+ " FROM customer_contact k JOIN customer_account c ON c.id = k.customer_id"
				+ " WHERE k.archived = FALSE AND c.archived = FALSE AND "
				+ SearchText.allWords(CONTACT_TEXT, words, "w", params) + " AND "
				+ scope.sql("c.unit_id", "c.owner_staff_id", params), "LOWER(m.full_name), m.id", limit);
		return SearchHits.of(jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new SearchHit(rs.getLong(1), rs.getString(2), rs.getString(3),
					"/customers/" + rs.getLong(4) + "#contacts"))
			.list(), limit);
	}

	/**
	 * Service cases, detail the account's name, newest first; in scope as on the case list (the account's owner or
	 * unit, or the case's own person or unit).
	 */
	@Transactional(readOnly = true)
	public SearchHits cases(DataScope scope, List<String> words, int limit) {
		if (!SearchText.searchable(words)) {
			return SearchHits.NONE;
		}
		Map<String, Object> params = new HashMap<>();
		String sql = SearchText.firstOrdered("SELECT s.id, s.case_number, s.subject, c.legal_name, s.opened_on"
				+ " FROM customer_service_case s JOIN customer_account c ON c.id = s.customer_id WHERE "
				+ SearchText.allWords(CASE_TEXT, words, "w", params) + " AND "
				+ scope.sql(new DataScope.Columns(List.of("c.unit_id", "s.unit_id"),
						List.of("c.owner_staff_id", "s.staff_id"), List.of()), params),
				"m.opened_on DESC, m.id DESC", limit);
		return SearchHits.of(jdbc.sql(sql).params(params).query((rs, n) -> {
			String number = rs.getString(2);
			String title = number == null ? rs.getString(3) : number + " · " + rs.getString(3);
			return new SearchHit(rs.getLong(1), title, rs.getString(4), "/service-cases/" + rs.getLong(1));
		}).list(), limit);
	}
}
