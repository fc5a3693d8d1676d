package io.rumbo.customers;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.customers.domain.CustomerQueries;
import io.rumbo.organization.DataScope;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer list counts up to a cap and then says "more than" (a count of millions cost more than the page);
 * the page object says whether its total is exact. The search has a trigram index on PostgreSQL (V22, a Java
 * migration that does nothing on H2). On H2 and PostgreSQL.
 */
@RumboIntegrationTest
class CustomerListCountTests {

	@Autowired
	CustomerQueries queries;

	@Autowired
	JdbcClient jdbc;

	private static final CustomerQueries.Filter ALL = new CustomerQueries.Filter(null, null, null, null, null, null,
			false);

	private ListQuery page(int page, int size) {
		return ListQuery.of(page, size, List.of("legalName"), CustomerQueries.SORTS, "legalName");
	}

	@Test
	void aListLongerThanTheCapReportsALowerBoundAndAlwaysANextPage() {
		long all = jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE archived = FALSE").query(Long.class).single();
		assertThat(all).isGreaterThan(100);

		PageResponse<CustomerView> exact = queries.customers(DataScope.EVERYTHING, ALL, page(0, 25));
		assertThat(exact.page().totalExact()).isTrue();
		assertThat(exact.page().totalElements()).isEqualTo(all);

		PageResponse<CustomerView> capped = queries.customers(DataScope.EVERYTHING, ALL, page(0, 25), 100);
		assertThat(capped.page().totalExact()).isFalse();
		assertThat(capped.page().totalElements()).isEqualTo(100);
		assertThat(capped.content()).hasSize(25);
		assertThat(capped.hasNext()).isTrue();

		// A page past the cap counts just past itself, so it still knows there is more or that it is the last.
		int last = (int) ((all - 1) / 25);
		PageResponse<CustomerView> end = queries.customers(DataScope.EVERYTHING, ALL, page(last, 25), 100);
		assertThat(end.page().totalExact()).isTrue();
		assertThat(end.page().totalElements()).isEqualTo(all);
		assertThat(end.hasNext()).isFalse();
		PageResponse<CustomerView> before = queries.customers(DataScope.EVERYTHING, ALL, page(last - 1, 25), 100);
		assertThat(before.hasNext()).isTrue();
	}

	@Test
	void aSearchCountsAndSortsItsMatchesInOnePassAndFallsBackWhenTheyAreMany() {
		String q = "ma";
		long matches = jdbc.sql("""
				SELECT COUNT(*) FROM customer_account WHERE archived = FALSE AND (LOWER(legal_name) LIKE '%ma%'
				  OR LOWER(tax_id) LIKE '%ma%' OR LOWER(city) LIKE '%ma%' OR LOWER(external_id) LIKE '%ma%')""")
			.query(Long.class).single();
		assertThat(matches).isBetween(21L, 99L);
		List<Long> byCity = jdbc.sql("""
				SELECT id FROM customer_account WHERE archived = FALSE AND (LOWER(legal_name) LIKE '%ma%'
				  OR LOWER(tax_id) LIKE '%ma%' OR LOWER(city) LIKE '%ma%' OR LOWER(external_id) LIKE '%ma%')
				ORDER BY city DESC, id""").query(Long.class).list();
		CustomerQueries.Filter search = new CustomerQueries.Filter(q, null, null, null, null, null, false);
		ListQuery secondPage = ListQuery.of(1, 10, List.of("city,desc"), CustomerQueries.SORTS, "legalName");

		// Fewer matches than the cap: counted and sorted together, the total exact and the page in the list's order.
		PageResponse<CustomerView> few = queries.customers(DataScope.EVERYTHING, search, secondPage, 100);
		assertThat(few.page().totalExact()).isTrue();
		assertThat(few.page().totalElements()).isEqualTo(matches);
		assertThat(few.content()).extracting(CustomerView::id).containsExactlyElementsOf(byCity.subList(10, 20));

		// More matches than the cap: the page comes from the whole sorted list, the total is a lower bound.
		PageResponse<CustomerView> many = queries.customers(DataScope.EVERYTHING, search, secondPage, 15);
		assertThat(many.page().totalExact()).isFalse();
		assertThat(many.page().totalElements()).isEqualTo(20);
		assertThat(many.content()).extracting(CustomerView::id).containsExactlyElementsOf(byCity.subList(10, 20));

		// A page past the matches still knows how many there are.
		PageResponse<CustomerView> past = queries.customers(DataScope.EVERYTHING, search,
				ListQuery.of(20, 10, List.of("city"), CustomerQueries.SORTS, "legalName"), 100);
		assertThat(past.content()).isEmpty();
		assertThat(past.page().totalElements()).isEqualTo(matches);
		assertThat(past.page().totalExact()).isTrue();
	}

	@Test
	void theCappedCountReadsANarrowIndex() {
		String product = jdbc.sql("SELECT 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
			.getDatabaseProductName()).single();
		String sql = "PostgreSQL".equals(product)
				? "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'ix_customer_account_archived_id'"
						+ " AND schemaname = current_schema()"
				: "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE LOWER(INDEX_NAME) = 'ix_customer_account_archived_id'";
		assertThat(jdbc.sql(sql).query(Long.class).single()).as(product).isEqualTo(1);
	}

	@Test
	void theSearchIsIndexedOnPostgreSql() {
		String product = jdbc.sql("SELECT 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
			.getDatabaseProductName()).single();
		long indexes = "PostgreSQL".equals(product)
				? jdbc.sql("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'ix_customer_account_search'"
						+ " AND schemaname = current_schema()")
					.query(Long.class).single()
				: 1;
		assertThat(indexes).as(product).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '22' AND success = TRUE")
			.query(Long.class).single()).as("the migration ran on " + product).isEqualTo(1);
	}
}
