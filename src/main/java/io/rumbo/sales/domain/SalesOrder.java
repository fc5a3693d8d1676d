package io.rumbo.sales.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.sales.OrderLines;
import io.rumbo.sales.OrderStatus;

/**
 * A booked order: lines and credits are parts of it and change only with it. Totals are kept on the row so that
 * lists and reports sum columns; they are always the sums of the lines as {@link OrderLines} priced them.
 */
@Entity
@Table(name = "sales_order")
public class SalesOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private @Nullable String orderNumber;

	private @Nullable String externalNumber;

	private long customerId;

	private LocalDate orderDate;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private @Nullable String notes;

	private BigDecimal netAmount;

	private BigDecimal costAmount;

	private BigDecimal marginAmount;

	private BigDecimal units;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "sales_order_line", joinColumns = @JoinColumn(name = "order_id"))
	private List<OrderLine> lines = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "sales_order_credit", joinColumns = @JoinColumn(name = "order_id"))
	@AttributeOverride(name = "sharePercent", column = @Column(name = "share_percent"))
	private List<OrderCredit> credits = new ArrayList<>();

	protected SalesOrder() {
		this.orderDate = LocalDate.MIN;
		this.status = OrderStatus.BOOKED;
		this.netAmount = BigDecimal.ZERO;
		this.costAmount = BigDecimal.ZERO;
		this.marginAmount = BigDecimal.ZERO;
		this.units = BigDecimal.ZERO;
	}

	public SalesOrder(long customerId, LocalDate orderDate) {
		this();
		this.customerId = customerId;
		this.orderDate = orderDate;
	}

	/** Replaces what the order says; totals follow from the lines. */
	public void record(long customerId, LocalDate orderDate, @Nullable String externalNumber, @Nullable String notes,
			List<OrderLine> lines, List<OrderLines.Priced> priced, List<OrderCredit> credits) {
		this.customerId = customerId;
		this.orderDate = orderDate;
		this.externalNumber = externalNumber;
		this.notes = notes;
		this.lines.clear();
		this.lines.addAll(lines);
		this.credits.clear();
		this.credits.addAll(credits);
		OrderLines.Totals totals = OrderLines.totals(priced);
		this.netAmount = totals.net();
		this.costAmount = totals.cost();
		this.marginAmount = totals.margin();
		this.units = totals.units();
	}

	/** The business number, separate from the id: PED-2026-000123. */
	public void number() {
		if (orderNumber == null) {
			orderNumber = String.format("PED-%d-%06d", orderDate.getYear(), id());
		}
	}

	public void cancel() {
		this.status = OrderStatus.CANCELLED;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("orderNumber", orderNumber);
		state.put("customerId", customerId);
		state.put("orderDate", orderDate.toString());
		state.put("status", status.name());
		state.put("netAmount", netAmount.toPlainString());
		state.put("marginAmount", marginAmount.toPlainString());
		state.put("lines", lines.size());
		state.put("credits", credits.stream().map(OrderCredit::staffId).toList());
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Order not saved yet");
		}
		return id;
	}

	public long version() {
		return version;
	}

	public OrderStatus status() {
		return status;
	}

	public @Nullable String orderNumber() {
		return orderNumber;
	}
}
