package io.rumbo.incentives;

import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.rumbo.customers.CustomerSalesHistory;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.planning.SalesHistory;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

/**
 * The one Spring context of the incentive plan tests (plans and preview, payout runs, disputes, the estimator): the
 * same annotations, mocks and database in one place, so the four classes share a cached context instead of booting
 * four (decision 0020). Each class builds its own small company with unique codes and works in fiscal years of its
 * own (2015 down, 2045 down, 2071 up, 2091 up), so they do not see each other's figures.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "imports")
@Import(CleanDatabase.class)
abstract class IncentivesModuleTestSupport {

	static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN));

	static final CurrentUser DIRECTOR = new CurrentUser(new UserId(1), "director", "Director",
			Set.of(Role.DIRECTOR));

	static final CurrentUser FINANCE = new CurrentUser(new UserId(1), "finance", "Finance", Set.of(Role.FINANCE));

	static final String PASSWORD = "Un-secreto-muy-largo-2026!";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "incentives");
	}

	@MockitoBean
	SalesHistory salesHistory;

	@MockitoBean
	CustomerSalesHistory customerSales;
}
