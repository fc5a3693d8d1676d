package io.rumbo.reporting.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductSearch;
import io.rumbo.customers.CustomerSearch;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgSearch;
import io.rumbo.sales.SalesSearch;
import io.rumbo.shared.search.SearchHits;
import io.rumbo.shared.search.SearchText;

/**
 * The search in the header: the query's folded words go to each module's search of its own records, which applies
 * the reader's data scope in SQL, and come back as a few hits a kind. The scope is worked out once for all kinds.
 */
@Service
public class GlobalSearch {

	/** The kinds of record found, in the order the results show them. */
	public enum Kind {

		CUSTOMERS("/customers"), CONTACTS(null), OPPORTUNITIES("/opportunities/list"), ORDERS(null),
		CASES("/service-cases"), PEOPLE("/organization/staff"), UNITS("/organization/units"),
		PRODUCTS("/catalog/products"), LESSONS("/lessons");

		private final @Nullable String list;

		Kind(@Nullable String list) {
			this.list = list;
		}

		/** The list page that filters by {@code q}, where "all results" of the kind lead; none for some kinds. */
		public @Nullable String list() {
			return list;
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static @Nullable Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code().equalsIgnoreCase(code.trim())) {
					return kind;
				}
			}
			return null;
		}
	}

	/** The hits of one kind. */
	public record Group(Kind kind, SearchHits hits) {
	}

	/** What a query found: nothing asked when it has no word of three characters ({@code tooShort}). */
	public record Result(String query, boolean tooShort, List<Group> groups) {

		public int total() {
			return groups.stream().mapToInt(group -> group.hits().hits().size()).sum();
		}
	}

	public static final int DEFAULT_LIMIT = 5;

	public static final int MAX_LIMIT = 20;

	private final DataScopes scopes;
	private final CustomerSearch customers;
	private final SalesSearch sales;
	private final OrgSearch org;
	private final ProductSearch products;
	private final io.rumbo.lessons.LessonSearch lessons;

	GlobalSearch(DataScopes scopes, CustomerSearch customers, SalesSearch sales, OrgSearch org,
			ProductSearch products, io.rumbo.lessons.LessonSearch lessons) {
		this.lessons = lessons;
		this.scopes = scopes;
		this.customers = customers;
		this.sales = sales;
		this.org = org;
		this.products = products;
	}

	/**
	 * Searches the kinds asked (all when none), {@code limit} hits each, products named in {@code language}. Groups
	 * without hits are left out, so the answer lists only what was found.
	 */
	@Transactional(readOnly = true)
	public Result search(CurrentUser user, String query, Collection<Kind> kinds, int limit, String language) {
		List<String> words = SearchText.words(query);
		if (!SearchText.searchable(words)) {
			return new Result(query.trim(), true, List.of());
		}
		DataScope scope = scopes.of(user);
		int size = Math.max(1, Math.min(limit, MAX_LIMIT));
		List<Group> groups = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (!kinds.isEmpty() && !kinds.contains(kind)) {
				continue;
			}
			SearchHits hits = switch (kind) {
				case CUSTOMERS -> customers.accounts(scope, words, size);
				case CONTACTS -> customers.contacts(scope, words, size);
				case CASES -> customers.cases(scope, words, size);
				case OPPORTUNITIES -> sales.opportunities(scope, words, size);
				case ORDERS -> sales.orders(scope, words, size);
				case PEOPLE -> org.people(scope, words, size);
				case UNITS -> org.units(scope, words, size);
				case PRODUCTS -> products.products(words, language, size);
				case LESSONS -> lessons.lessons(user, scope, words, size);
			};
			if (!hits.hits().isEmpty()) {
				groups.add(new Group(kind, hits));
			}
		}
		return new Result(query.trim(), false, groups);
	}
}
