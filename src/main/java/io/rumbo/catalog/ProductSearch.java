package io.rumbo.catalog;

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
 * The catalog's part of the global search: products by code or by their name in either language. The catalog is
 * open to every signed-in user, so there is no data scope. The expression is the one migration V58 indexes on
 * PostgreSQL.
 */
@Service
public class ProductSearch {

	static final String PRODUCT_TEXT = SearchText.folded("p.sku", "p.name_es", "p.name_en");

	private final JdbcClient jdbc;

	ProductSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Active products first, titled by their name in {@code language} ("es" or else English), detail the code. */
	@Transactional(readOnly = true)
	public SearchHits products(List<String> words, String language, int limit) {
		if (!SearchText.searchable(words)) {
			return SearchHits.NONE;
		}
		Map<String, Object> params = new HashMap<>();
		String name = "es".equals(language) ? "p.name_es" : "p.name_en";
		String sql = "SELECT p.id, " + name + ", p.sku FROM catalog_product p WHERE "
				+ SearchText.allWords(PRODUCT_TEXT, words, "w", params) + " ORDER BY p.active DESC, " + name
				+ ", p.id LIMIT " + (limit + 1);
		return SearchHits.of(jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new SearchHit(rs.getLong(1), rs.getString(2), rs.getString(3),
					"/catalog/products/" + rs.getLong(1)))
			.list(), limit);
	}
}
