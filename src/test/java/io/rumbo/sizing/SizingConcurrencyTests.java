package io.rumbo.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.PositionView;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.support.RumboIntegrationTest;

/**
 * Two writes of the same version at the same time: the first holds its transaction open while the second runs, so the
 * second reads the old version, passes the early check and must be stopped by the conditional write itself (409, the
 * current version re-read), leaving the first one's figures. Each test works on a team of its own.
 */
@RumboIntegrationTest
class SizingConcurrencyTests {

	static final CurrentUser DIRECTOR = new CurrentUser(new UserId(1), "director", "Director", Set.of(Role.DIRECTOR));

	static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN));

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** A fiscal year no other test and no demo uses. */
	static final int YEAR = 2093;

	@Autowired
	Budgets budgets;

	@Autowired
	SizingScenarios scenarios;

	@Autowired
	OrgUnitManagement units;

	@Autowired
	OrgDirectory org;

	@Autowired
	PlatformTransactionManager transactions;

	final ExecutorService first = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() {
		first.shutdownNow();
	}

	private long newTeam() {
		String code = "SZC-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
		return units.create(ADMIN, new OrgUnitManagement.UnitDetails(code, "Equipo " + code, OrgUnitKind.TEAM, null,
				org.unitIdsByCode().get("R-CENTRO"), null, LocalDate.of(2020, 1, 1), null)).id();
	}

	private static List<BudgetViews.Cell> cells(String salaries) {
		return List.of(new BudgetViews.Cell(1, CostType.SALARIES, new BigDecimal(salaries)),
				new BudgetViews.Cell(2, CostType.TRAVEL, new BigDecimal("10")));
	}

	/**
	 * Runs {@code write} in a transaction on another thread and answers once it has written, while its transaction
	 * stays open for a while longer (so the caller's write runs against uncommitted work and has to wait for it).
	 */
	private Future<?> openWhile(Runnable write) throws InterruptedException {
		CountDownLatch written = new CountDownLatch(1);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		Future<?> done = first.submit(() -> tx.executeWithoutResult(status -> {
			write.run();
			written.countDown();
			try {
				Thread.sleep(1500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(written.await(30, TimeUnit.SECONDS)).as("the first write ran").isTrue();
		return done;
	}

	@Test
	void aSecondFirstBudgetAtTheSameTimeIsStaleAndTheFirstStays() throws Exception {
		long team = newTeam();
		Future<?> winner = openWhile(() -> budgets.save(DIRECTOR, YEAR, team, 0, cells("1000")));
		Throwable second = catchThrowable(() -> budgets.save(DIRECTOR, YEAR, team, 0, cells("5")));
		winner.get(30, TimeUnit.SECONDS);
		assertThat(second).as("the second first save").isInstanceOf(StaleVersionException.class);
		assertThat(((BudgetViews.Grid) ((StaleVersionException) second).current()).version()).isEqualTo(1);
		BudgetViews.Grid grid = budgets.grid(DIRECTOR, YEAR, team);
		assertThat(grid.version()).isEqualTo(1);
		assertThat(grid.cells()).extracting(BudgetViews.Cell::amount)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("1000"), new BigDecimal("10"));
	}

	@Test
	void aSecondSaveOfTheSameVersionAtTheSameTimeIsStaleAndTheFirstStays() throws Exception {
		long team = newTeam();
		long version = budgets.save(DIRECTOR, YEAR, team, 0, cells("1")).version();
		Future<?> winner = openWhile(() -> budgets.save(DIRECTOR, YEAR, team, version, List.of(
				new BudgetViews.Cell(3, CostType.OTHER, new BigDecimal("300")))));
		Throwable second = catchThrowable(() -> budgets.save(DIRECTOR, YEAR, team, version, List.of(
				new BudgetViews.Cell(4, CostType.SAMPLES_MARKETING, new BigDecimal("400")))));
		winner.get(30, TimeUnit.SECONDS);
		assertThat(second).as("the second save of version " + version).isInstanceOf(StaleVersionException.class);
		assertThat(((BudgetViews.Grid) ((StaleVersionException) second).current()).version())
			.isEqualTo(version + 1);
		BudgetViews.Grid grid = budgets.grid(DIRECTOR, YEAR, team);
		assertThat(grid.version()).isEqualTo(version + 1);
		assertThat(grid.cells()).extracting(BudgetViews.Cell::month, BudgetViews.Cell::type)
			.as("only the first save's figures")
			.containsExactly(tuple(3, CostType.OTHER));
	}

	@Test
	void aSecondApplyAtTheSameTimeIsStaleAndPlansNothing() throws Exception {
		long team = newTeam();
		ScenarioView scenario = scenarios.save(DIRECTOR, new SizingScenarios.Draft("Desglose " + team,
				SizingMethod.BREAKDOWN, team, YEAR, new SizingInputs(Map.of("forecastSales", new BigDecimal("1000000"),
						"salesPerSalesperson", new BigDecimal("250000")), List.of()), null));
		assertThat(scenario.result()).isEqualByComparingTo("4");
		Future<?> winner = openWhile(() -> scenarios.apply(DIRECTOR, scenario.id(), scenario.version(), null));
		Throwable second = catchThrowable(() -> scenarios.apply(DIRECTOR, scenario.id(), scenario.version(), null));
		winner.get(30, TimeUnit.SECONDS);
		assertThat(second).as("the second apply").isInstanceOf(StaleVersionException.class);
		assertThat(((ScenarioView) ((StaleVersionException) second).current()).appliedAt()).isNotNull();
		int planned = units.positions(ADMIN, team)
			.stream()
			.filter(p -> p.jobRole() == JobRole.SALESPERSON)
			.mapToInt(PositionView::planned)
			.sum();
		assertThat(planned).as("the gap planned once").isEqualTo(4);
	}
}
