package io.rumbo.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.sales.OrderManagement;

/** The order entry form: a header, line rows and credit rows; empty rows are ignored. */
class OrderForm {

	@NotNull
	private @Nullable Long customerId;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate orderDate;

	@Size(max = 64)
	private @Nullable String externalNumber;

	@Size(max = 1000)
	private @Nullable String notes;

	@Valid
	private List<LineForm> lines = new ArrayList<>();

	@Valid
	private List<CreditForm> credits = new ArrayList<>();

	static class LineForm {

		private @Nullable Long productId;

		private @Nullable BigDecimal quantity;

		private @Nullable BigDecimal unitPrice;

		private @Nullable BigDecimal discountPercent;

		boolean isEmpty() {
			return productId == null && quantity == null;
		}

		public @Nullable Long getProductId() { return productId; }
		public void setProductId(@Nullable Long productId) { this.productId = productId; }
		public @Nullable BigDecimal getQuantity() { return quantity; }
		public void setQuantity(@Nullable BigDecimal quantity) { this.quantity = quantity; }
		public @Nullable BigDecimal getUnitPrice() { return unitPrice; }
		public void setUnitPrice(@Nullable BigDecimal unitPrice) { this.unitPrice = unitPrice; }
		public @Nullable BigDecimal getDiscountPercent() { return discountPercent; }
		public void setDiscountPercent(@Nullable BigDecimal discountPercent) { this.discountPercent = discountPercent; }
	}

	static class CreditForm {

		private @Nullable Long staffId;

		private @Nullable BigDecimal sharePercent;

		boolean isEmpty() {
			return staffId == null;
		}

		public @Nullable Long getStaffId() { return staffId; }
		public void setStaffId(@Nullable Long staffId) { this.staffId = staffId; }
		public @Nullable BigDecimal getSharePercent() { return sharePercent; }
		public void setSharePercent(@Nullable BigDecimal sharePercent) { this.sharePercent = sharePercent; }
	}

	/** The order as the form describes it; call {@link #compact()} first so that rows and errors line up. */
	OrderManagement.OrderDetails details() {
		List<OrderManagement.NewLine> newLines = new ArrayList<>();
		for (LineForm line : lines) {
			if (!line.isEmpty()) {
				newLines.add(new OrderManagement.NewLine(line.productId == null ? -1 : line.productId,
						line.quantity == null ? BigDecimal.ZERO : line.quantity, line.unitPrice, line.discountPercent));
			}
		}
		List<OrderManagement.NewCredit> newCredits = new ArrayList<>();
		for (CreditForm credit : credits) {
			if (!credit.isEmpty()) {
				newCredits.add(new OrderManagement.NewCredit(credit.staffId,
						credit.sharePercent == null ? BigDecimal.ZERO : credit.sharePercent));
			}
		}
		return new OrderManagement.OrderDetails(java.util.Objects.requireNonNull(customerId),
				java.util.Objects.requireNonNull(orderDate), externalNumber, notes, newLines, newCredits);
	}

	/**
	 * Drops blank rows before validation, so that the row numbers in error messages are the rows the form shows
	 * when it comes back.
	 */
	void compact() {
		lines.removeIf(LineForm::isEmpty);
		credits.removeIf(CreditForm::isEmpty);
	}

	/** Empty rows to fill in, so the form always offers a few lines and two credit rows. */
	void pad(int lineRows) {
		lines.removeIf(LineForm::isEmpty);
		while (lines.size() < lineRows) {
			lines.add(new LineForm());
		}
		credits.removeIf(CreditForm::isEmpty);
		while (credits.size() < 2) {
			credits.add(new CreditForm());
		}
	}

	public @Nullable Long getCustomerId() { return customerId; }
	public void setCustomerId(@Nullable Long customerId) { this.customerId = customerId; }
	public @Nullable LocalDate getOrderDate() { return orderDate; }
	public void setOrderDate(@Nullable LocalDate orderDate) { this.orderDate = orderDate; }
	public @Nullable String getExternalNumber() { return externalNumber; }
	public void setExternalNumber(@Nullable String externalNumber) { this.externalNumber = externalNumber; }
	public @Nullable String getNotes() { return notes; }
	public void setNotes(@Nullable String notes) { this.notes = notes; }
	public List<LineForm> getLines() { return lines; }
	public void setLines(List<LineForm> lines) { this.lines = lines; }
	public List<CreditForm> getCredits() { return credits; }
	public void setCredits(List<CreditForm> credits) { this.credits = credits; }
}
