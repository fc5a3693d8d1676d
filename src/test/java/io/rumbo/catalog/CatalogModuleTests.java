package io.rumbo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog module with shared, identity and imports, without the demo company: cost changes are announced. */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(CleanDatabase.class)
class CatalogModuleTests {

	static final CurrentUser FINANCE = new CurrentUser(new UserId(1), "finance", "Finance", Set.of(Role.FINANCE));

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "catalog");
	}

	@Autowired
	CatalogManagement catalog;

	@Autowired
	ProductCatalog products;

	@Test
	void aNewCostPeriodIsAnnouncedWithItsStartAndAmount(Scenario scenario) {
		ProductView product = product("COST-1", null);
		LocalDate from = LocalDate.of(2026, 7, 1);
		scenario.stimulate(() -> catalog.addCost(FINANCE, product.id(), new BigDecimal("12.5"), from))
			.andWaitForEventOfType(ProductCostChanged.class)
			.toArriveAndVerify(changed -> {
				assertThat(changed.product()).isEqualTo(ProductId.of(product.id()));
				assertThat(changed.validFrom()).isEqualTo(from);
				assertThat(changed.standardCost()).isEqualByComparingTo("12.5");
				assertThat(products.costHistoriesOf(Set.of(changed.product())).get(changed.product()).costOn(from).orElseThrow())
					.isEqualByComparingTo("12.5");
			});
	}

	@Test
	void aProductCreatedWithACostAnnouncesIt(Scenario scenario) {
		scenario.stimulate(() -> product("COST-2", new BigDecimal("40")))
			.andWaitForEventOfType(ProductCostChanged.class)
			.matching(changed -> changed.standardCost().compareTo(new BigDecimal("40")) == 0)
			.toArriveAndVerify(changed -> assertThat(changed.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1)));
	}

	@Test
	void theSameCostAgainChangesNothing(AssertablePublishedEvents events) {
		ProductView product = product("COST-3", new BigDecimal("7"));
		catalog.addCost(FINANCE, product.id(), new BigDecimal("7.0000"), LocalDate.of(2026, 1, 1));
		assertThat(events.ofType(ProductCostChanged.class)).hasSize(1);
		catalog.addCost(FINANCE, product.id(), new BigDecimal("8"), LocalDate.of(2026, 1, 1));
		assertThat(events.ofType(ProductCostChanged.class)).hasSize(2);
	}

	@Test
	void movingAProductToAnotherLineAnnouncesBothLines(AssertablePublishedEvents events) {
		ProductView product = product("MOVE-1", null);
		ProductLineView other = catalog.createLine(FINANCE, new CatalogManagement.LineDetails("L-MOVE-2", "Otra",
				"Other", true));
		ProductView renamed = catalog.updateProduct(FINANCE, product.id(), product.version(), details(product,
				product.lineId(), "Producto renombrado"));
		assertThat(events.ofType(ProductMovedToLine.class)).as("the same line").isEmpty();
		catalog.updateProduct(FINANCE, product.id(), renamed.version(), details(product, other.id(), "Producto"));
		assertThat(events.ofType(ProductMovedToLine.class)).singleElement()
			.isEqualTo(new ProductMovedToLine(ProductId.of(product.id()), ProductLineId.of(product.lineId()),
					ProductLineId.of(other.id())));
	}

	@Test
	void archivingAProductTwiceIsRefused() {
		ProductView product = product("ARCH-1", null);
		catalog.archiveProduct(FINANCE, product.id());
		assertThatThrownBy(() -> catalog.archiveProduct(FINANCE, product.id())).isInstanceOf(ConflictException.class)
			.hasMessage("catalog.product.alreadyArchived");
	}

	private static CatalogManagement.ProductDetails details(ProductView product, long lineId, String nameEs) {
		return new CatalogManagement.ProductDetails(product.sku(), nameEs, product.nameEn(), lineId,
				product.unitOfMeasure(), product.listPrice(), true, null, null);
	}

	private ProductView product(String sku, BigDecimal cost) {
		ProductLineView line = catalog.createLine(FINANCE, new CatalogManagement.LineDetails("L-" + sku, "Línea",
				"Line", true));
		return catalog.createProduct(FINANCE, new CatalogManagement.ProductDetails(sku, "Producto " + sku,
				"Product " + sku, line.id(), UnitOfMeasure.UNIT, new BigDecimal("100"), true, cost,
				LocalDate.of(2026, 1, 1)));
	}
}
