package io.rumbo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A product as lists, pages and the API show it, with the standard cost in force today and since when.
 * Names come in Spanish and English; {@link #name(String)} picks the reader's.
 */
public record ProductView(long id, long version, String sku, String nameEs, String nameEn, long lineId,
		String lineCode, String lineNameEs, String lineNameEn, UnitOfMeasure unitOfMeasure, BigDecimal listPrice,
		@Nullable BigDecimal standardCost, @Nullable LocalDate costValidFrom, boolean active) {

	public ProductId productId() {
		return ProductId.of(id);
	}

	public ProductLineId productLineId() {
		return ProductLineId.of(lineId);
	}

	public String name(String language) {
		return "es".equals(language) ? nameEs : nameEn;
	}

	public String lineName(String language) {
		return "es".equals(language) ? lineNameEs : lineNameEn;
	}

	/** List price minus standard cost, as a share of the list price; {@code null} without a cost or price. */
	public @Nullable BigDecimal listMarginPercent() {
		if (standardCost == null || listPrice.signum() == 0) {
			return null;
		}
		return listPrice.subtract(standardCost)
			.multiply(io.rumbo.shared.money.Amounts.HUNDRED)
			.divide(listPrice, 1, io.rumbo.shared.money.Amounts.ROUNDING);
	}
}
