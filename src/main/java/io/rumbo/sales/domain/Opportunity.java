package io.rumbo.sales.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.sales.ForecastCategory;
import io.rumbo.sales.Stage;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;

/** A deal being worked: it moves through stages and, once won, can become an order. */
@Entity
@Table(name = "sales_opportunity")
public class Opportunity {

	/** The column's width. */
	public static final int MAX_LOSS_REASON = 300;

	/** The column's width. */
	public static final int MAX_NEXT_STEP = 300;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long customerId;

	private String title;

	private BigDecimal amount;

	private LocalDate expectedClose;

	private String stageCode;

	@Enumerated(EnumType.STRING)
	private ForecastCategory forecastCategory;

	private long ownerStaffId;

	private long ownerUnitId;

	private @Nullable String source;

	private @Nullable String lossReason;

	private @Nullable String nextStep;

	private @Nullable Long orderId;

	@Version
	private long version;

	protected Opportunity() {
		this.title = "";
		this.amount = BigDecimal.ZERO;
		this.expectedClose = LocalDate.MIN;
		this.stageCode = "";
		this.forecastCategory = ForecastCategory.PIPELINE;
	}

	public Opportunity(long customerId, String stageCode) {
		this();
		this.customerId = customerId;
		this.stageCode = stageCode;
	}

	public void describe(long customerId, String title, BigDecimal amount, LocalDate expectedClose,
			ForecastCategory forecastCategory, long ownerStaffId, long ownerUnitId, @Nullable String source,
			@Nullable String lossReason, @Nullable String nextStep) {
		this.customerId = customerId;
		this.title = title;
		this.amount = Amounts.price(amount);
		this.expectedClose = expectedClose;
		this.forecastCategory = forecastCategory;
		this.ownerStaffId = ownerStaffId;
		this.ownerUnitId = ownerUnitId;
		this.source = source;
		this.lossReason = lossReason;
		this.nextStep = nextStep;
	}

	/**
	 * Moves to another stage; moving to a closed stage closes the forecast category too, and the close date becomes
	 * the day it closed (the expected date was a forecast; the board and the reports need the real one). Losing asks
	 * for the reason (the one given, or the one already recorded), because the reason is what the loss teaches. A won
	 * or lost opportunity stays closed: a deal won or lost has been announced to the rest of the company, so moving it
	 * again (winning it twice, losing it twice, reopening it) is refused.
	 *
	 * @param current the stage the opportunity is in, as configured
	 * @param today the day of the move
	 * @param lossReason why it was lost (only read when the target is a lost stage)
	 * @return whether it moved (an open opportunity dropped on its own stage stays where it is)
	 */
	public boolean moveTo(Stage current, Stage target, LocalDate today, @Nullable String lossReason) {
		if (!current.code().equals(stageCode)) {
			throw new IllegalArgumentException("Opportunity " + id + " is in " + stageCode + ", not " + current.code());
		}
		if (current.won()) {
			throw new ConflictException(target.won() ? "sales.opportunity.alreadyWon" : "sales.opportunity.closed");
		}
		if (current.lost()) {
			throw new ConflictException(target.lost() ? "sales.opportunity.alreadyLost" : "sales.opportunity.closed");
		}
		if (target.code().equals(stageCode)) {
			return false;
		}
		if (target.lost()) {
			String reason = lossReason == null || lossReason.isBlank() ? this.lossReason : lossReason.trim();
			if (reason == null || reason.isBlank()) {
				throw ValidationFailedException.of("lossReason", "sales.opportunity.lossReason.required");
			}
			if (reason.length() > MAX_LOSS_REASON) {
				throw ValidationFailedException.of("lossReason", "sales.opportunity.lossReason.tooLong", MAX_LOSS_REASON);
			}
			this.lossReason = reason;
		}
		this.stageCode = target.code();
		if (!target.open()) {
			this.forecastCategory = target.won() ? ForecastCategory.CLOSED : ForecastCategory.OMITTED;
			this.expectedClose = today;
		}
		return true;
	}

	/** With products, the amount is the sum of their net amounts; products are fixed once the order is booked. */
	public void pricedAt(BigDecimal productsTotal) {
		ensureNotOrdered();
		this.amount = Amounts.price(productsTotal);
	}

	/** Refuses to book an order unless the opportunity is won and has none yet. */
	public void ensureConvertible(Stage current) {
		if (!current.code().equals(stageCode) || !current.won()) {
			throw new ConflictException("sales.opportunity.notWon");
		}
		ensureNotOrdered();
	}

	public void convertedTo(long orderId) {
		ensureNotOrdered();
		this.orderId = orderId;
	}

	public void ensureNotOrdered() {
		if (orderId != null) {
			throw new ConflictException("sales.opportunity.alreadyOrdered");
		}
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("customerId", customerId);
		state.put("title", title);
		state.put("amount", amount.toPlainString());
		state.put("expectedClose", expectedClose.toString());
		state.put("stage", stageCode);
		state.put("forecastCategory", forecastCategory.name());
		state.put("ownerStaffId", ownerStaffId);
		state.put("lossReason", lossReason);
		state.put("nextStep", nextStep);
		state.put("orderId", orderId);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Opportunity not saved yet");
		}
		return id;
	}

	public long version() {
		return version;
	}

	public String stageCode() {
		return stageCode;
	}

	public long customerId() {
		return customerId;
	}

	public long ownerStaffId() {
		return ownerStaffId;
	}

	public @Nullable Long orderId() {
		return orderId;
	}

	public String title() {
		return title;
	}

	public BigDecimal amount() {
		return amount;
	}

	public long ownerUnitId() {
		return ownerUnitId;
	}

	public @Nullable String lossReason() {
		return lossReason;
	}

	public LocalDate expectedClose() {
		return expectedClose;
	}
}
