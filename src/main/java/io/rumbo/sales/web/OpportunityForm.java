package io.rumbo.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.sales.OpportunityManagement;
import io.rumbo.sales.OpportunityView;

/**
 * The details form of the opportunity page: what a salesperson changes after a call or a visit (title, amount, expected
 * close, owner, next step), with the version it was read at. The stage has its own form, because a move keeps its
 * date, announces itself and may need a loss reason; the rest of the record (account, forecast category, source,
 * loss reason) is carried over as it is.
 */
class OpportunityForm {

	@NotNull
	private @Nullable Long version;

	@NotBlank
	@Size(max = 200)
	private String title = "";

	@NotNull
	private @Nullable BigDecimal amount;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate expectedClose;

	private @Nullable Long ownerStaffId;

	@Size(max = 300)
	private @Nullable String nextStep;

	static OpportunityForm of(OpportunityView o) {
		OpportunityForm form = new OpportunityForm();
		form.version = o.version();
		form.title = o.title();
		// Shown with cents (4500.00, not 4500.0000) unless the amount has finer digits, which the form keeps.
		form.amount = o.amount().stripTrailingZeros().scale() <= 2 ? o.amount().setScale(2, java.math.RoundingMode.UNNECESSARY)
				: o.amount();
		form.expectedClose = o.expectedClose();
		form.ownerStaffId = o.ownerStaffId();
		form.nextStep = o.nextStep();
		return form;
	}

	OpportunityManagement.OpportunityDetails details(OpportunityView current) {
		return new OpportunityManagement.OpportunityDetails(current.customerId(), title, amount, expectedClose,
				current.forecastCategory(), ownerStaffId == null ? current.ownerStaffId() : ownerStaffId,
				current.source(), current.lossReason(), nextStep);
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title == null ? "" : title;
	}

	public @Nullable BigDecimal getAmount() {
		return amount;
	}

	public void setAmount(@Nullable BigDecimal amount) {
		this.amount = amount;
	}

	public @Nullable LocalDate getExpectedClose() {
		return expectedClose;
	}

	public void setExpectedClose(@Nullable LocalDate expectedClose) {
		this.expectedClose = expectedClose;
	}

	public @Nullable Long getOwnerStaffId() {
		return ownerStaffId;
	}

	public void setOwnerStaffId(@Nullable Long ownerStaffId) {
		this.ownerStaffId = ownerStaffId;
	}

	public @Nullable String getNextStep() {
		return nextStep;
	}

	public void setNextStep(@Nullable String nextStep) {
		this.nextStep = nextStep;
	}
}
