package io.rumbo.sales.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.rumbo.customers.CustomerId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.OrderFacts;
import io.rumbo.sales.OrderLines;
import io.rumbo.sales.OrderStatus;
import io.rumbo.shared.domain.ConflictException;

/**
 * A booked order: lines and credits are parts of it and change only with it. Totals are kept on the row so that
 * lists and reports sum columns; they are always the sums of the lines as {@link OrderLines} priced them. The order
 * guards its own transitions (a cancelled order neither changes nor is cancelled again); order entry and the order
 * import both go through it, and {@link OrderStore} writes it.
 */
public class SalesOrder {

	/** What an order says, as entry or import checked it. */
	public record Content(long customerId, LocalDate orderDate, @Nullable String externalNumber,
			@Nullable String notes, List<OrderLine> lines, List<OrderCredit> credits) {

		public Content {
			lines = List.copyOf(lines);
			credits = List.copyOf(credits);
		}
	}

	private @Nullable Long id;
	private @Nullable String orderNumber;
	private OrderStatus status;
	private long version;
	private Content content;
	private OrderLines.Totals totals;

	private SalesOrder(@Nullable Long id, @Nullable String orderNumber, OrderStatus status, long version,
			Content content) {
		this.id = id;
		this.orderNumber = orderNumber;
		this.status = status;
		this.version = version;
		this.content = content;
		this.totals = totalsOf(content);
	}

	/** A new booked order; it gets its id and number when {@link OrderStore} first writes it. */
	public static SalesOrder book(Content content) {
		return new SalesOrder(null, null, OrderStatus.BOOKED, 0, content);
	}

	static SalesOrder stored(long id, String orderNumber, OrderStatus status, long version, Content content) {
		return new SalesOrder(id, orderNumber, status, version, content);
	}

	/** Replaces what the order says; totals follow from the lines. A cancelled order no longer changes. */
	/** Takes what the order now says; answers false, changing nothing, when it already says exactly that. */
	public boolean change(Content content) {
		if (status == OrderStatus.CANCELLED) {
			throw new ConflictException("sales.order.cancelled");
		}
		if (says(content)) {
			return false;
		}
		this.content = content;
		this.totals = totalsOf(content);
		return true;
	}

	public void cancel() {
		if (status == OrderStatus.CANCELLED) {
			throw new ConflictException("sales.order.alreadyCancelled");
		}
		this.status = OrderStatus.CANCELLED;
	}

	/** True when {@code other} says exactly what the order says (an import that repeats it changes nothing). */
	public boolean says(Content other) {
		if (content.customerId() != other.customerId() || !content.orderDate().equals(other.orderDate())
				|| !Objects.equals(content.notes(), other.notes())
				|| !Objects.equals(content.externalNumber(), other.externalNumber())
				|| content.lines().size() != other.lines().size()
				|| content.credits().size() != other.credits().size()) {
			return false;
		}
		for (int i = 0; i < content.lines().size(); i++) {
			if (!content.lines().get(i).sameAs(other.lines().get(i))) {
				return false;
			}
		}
		Map<Long, OrderCredit> shares = new HashMap<>();
		content.credits().forEach(c -> shares.put(c.staffId(), c));
		for (OrderCredit credit : other.credits()) {
			OrderCredit share = shares.get(credit.staffId());
			if (share == null || share.sharePercent().compareTo(credit.sharePercent()) != 0) {
				return false;
			}
		}
		return true;
	}

	/** A return is an order made only of returned goods (negative lines). */
	public boolean isReturn() {
		return !content.lines().isEmpty() && content.lines().stream().allMatch(l -> l.priced().quantity().signum() < 0);
	}

	/** What the order counts for, as its events carry it. */
	public OrderFacts facts() {
		return new OrderFacts(CustomerId.of(content.customerId()), content.orderDate(),
				content.credits()
					.stream()
					.map(c -> new OrderFacts.Credit(StaffId.of(c.staffId()), UnitId.of(c.unitId()), c.sharePercent()))
					.toList(),
				totals.net(), totals.units(), totals.margin());
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("orderNumber", orderNumber);
		state.put("customerId", content.customerId());
		state.put("orderDate", content.orderDate().toString());
		state.put("status", status.name());
		state.put("netAmount", totals.net().toPlainString());
		state.put("marginAmount", totals.margin().toPlainString());
		state.put("lines", content.lines().size());
		state.put("credits", content.credits().stream().map(OrderCredit::staffId).toList());
		return state;
	}

	void saved(long id, String orderNumber) {
		this.id = id;
		this.orderNumber = orderNumber;
	}

	void written() {
		this.version++;
	}

	private static OrderLines.Totals totalsOf(Content content) {
		return OrderLines.totals(content.lines().stream().map(OrderLine::priced).toList());
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Order not saved yet");
		}
		return id;
	}

	public boolean isNew() {
		return id == null;
	}

	public long version() {
		return version;
	}

	public OrderStatus status() {
		return status;
	}

	public String orderNumber() {
		if (orderNumber == null) {
			throw new IllegalStateException("Order not saved yet");
		}
		return orderNumber;
	}

	public Content content() {
		return content;
	}

	public OrderLines.Totals totals() {
		return totals;
	}
}
