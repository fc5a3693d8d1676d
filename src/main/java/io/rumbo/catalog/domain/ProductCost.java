package io.rumbo.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.money.Amounts;

/** One standard cost of a product, in force from {@code validFrom} until the next one starts. */
@Entity
@Table(name = "catalog_product_cost")
public class ProductCost {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long productId;

	private BigDecimal standardCost;

	private LocalDate validFrom;

	protected ProductCost() {
		this.standardCost = BigDecimal.ZERO;
		this.validFrom = LocalDate.MIN;
	}

	public ProductCost(long productId, BigDecimal standardCost, LocalDate validFrom) {
		this.productId = productId;
		this.validFrom = validFrom;
		correct(standardCost);
	}

	/** A cost entered again for the same start date corrects it rather than adding a second period. */
	public void correct(BigDecimal standardCost) {
		if (!Bounds.isPrice(standardCost)) {
			throw new IllegalArgumentException("A cost must be within the bounds of a price");
		}
		this.standardCost = Amounts.price(standardCost);
	}

	public BigDecimal standardCost() {
		return standardCost;
	}

	public LocalDate validFrom() {
		return validFrom;
	}
}
