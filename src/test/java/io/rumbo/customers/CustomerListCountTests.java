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
