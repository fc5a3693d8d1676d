package io.rumbo.lessons;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.shared.search.SearchHit;
import io.rumbo.shared.search.SearchHits;
import io.rumbo.shared.search.SearchText;

/**
 * The global search's view of lessons (decision 0028, 0032): the lessons and success cases the reader sees whose
 * folded text (title, text, tags, author) holds every word, newest first; the detail is the author and the outcome.
 */
@Service
public class LessonSearch {

	private final JdbcClient jdbc;
	private final LessonQueries queries;

	LessonSearch(JdbcClient jdbc, LessonQueries queries) {
		this.jdbc = jdbc;
		this.queries = queries;
	}

	@Transactional(readOnly = true)
	public SearchHits lessons(CurrentUser user, DataScope scope, List<String> words, int limit) {
		if (!SearchText.searchable(words)) {
			return SearchHits.NONE;
		}
		Map<String, Object> params = new HashMap<>();
		String sql = SearchText.firstOrdered("SELECT l.id, l.title, l.author_name, l.written_on FROM lessons_lesson l"
				+ queries.where(user.username(), scope, LessonQueries.Filter.none(), params) + " AND "
				+ SearchText.allWords("l.search_text", words, "w", params), "m.written_on DESC, m.id DESC", limit);
		return SearchHits.of(jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new SearchHit(rs.getLong(1), rs.getString(2), rs.getString(3), "/lessons/" + rs.getLong(1)))
			.list(), limit);
	}
}
