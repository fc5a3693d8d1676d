package io.rumbo.evaluation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.rumbo.customers.CustomerSalesHistory;
import io.rumbo.planning.SalesHistory;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

/**
 * The one Spring context of the evaluation module's tests (templates and cycles, calibration): the same annotations,
 * mocks, database and {@link SettableClock} in one place, so the classes share a cached context instead of booting
 * one each (decisions 0020, 0034). A cycle's population is everyone of the job role unless a unit is given, so a
 * class that opens cycles keeps to days of its own: {@link EvaluationModuleTests} goes back from 2019 with people hired
 * in 1990, {@link CalibrationModuleTests} works in 2031 with people hired that year, in a population of its company.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "imports")
@Import({ CleanDatabase.class, EvaluationModuleTests.Today.class })
abstract class EvaluationModuleTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "evaluation");
	}

	@MockitoBean
	SalesHistory salesHistory;

	@MockitoBean
	CustomerSalesHistory customerSales;
}
