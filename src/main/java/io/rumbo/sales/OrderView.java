package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An order with its lines and credits, as the order page and the API show it. */
public record OrderView(long id, long version, String orderNumber, @Nullable String externalNumber, long customerId,
		@Nullable String customerName, LocalDate orderDate, OrderStatus status, @Nullable String notes,
		BigDecimal netAmount, BigDecimal costAmount, BigDecimal marginAmount, BigDecimal units, List<Line> lines,
		List<Credit> credits) {

	public record Line(int lineNo, long productId, @Nullable String sku, @Nullable String productName,
			BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, @Nullable BigDecimal unitCost,
			BigDecimal netAmount, BigDecimal costAmount, BigDecimal marginAmount) {

		public boolean isReturn() {
			return quantity.signum() < 0;
		}
	}

	public record Credit(long staffId, @Nullable String staffName, long unitId, @Nullable String unitName,
			BigDecimal sharePercent) {
	}
}
