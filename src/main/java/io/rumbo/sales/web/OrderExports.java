package io.rumbo.sales.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.OrderManagement;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.ExportStyle;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/**
 * The export shapes of the order list, streamed from one query: for the API one row per order line in the order
 * import's columns (so the file imports back), for the page one row per order with labels.
 */
final class OrderExports {

	private OrderExports() {
	}

	static ResponseEntity<StreamingResponseBody> orders(ExportFormat format, OrderManagement orders, CurrentUser actor,
			OrderManagement.Filter filter, ListQuery sorted) {
		ExportStyle style = ExportStyle.current();
		if (!style.forPeople()) {
			// One row per order line in the order import's columns: export, edit, import again.
			return Exports.download(format, style, "orders", List.of("order", "order_date", "customer", "sku",
					"quantity", "unit_price", "discount_percent", "credits", "notes"),
					table -> orders.eachLine(actor, filter, sorted, l -> table.row(l.order(), l.orderDate(),
							l.customer(), l.sku(), l.quantity(), l.unitPrice(), l.discountPercent(), l.credits(),
							l.notes())));
		}
		return Exports.download(format, style, "orders", List.of("id", "orderNumber", "externalNumber", "orderDate",
				"customerId", "customerName", "status", "netAmount", "marginAmount", "units", "creditedTo"), table -> {
					orders.each(actor, filter, sorted, o -> table.row(o.id(), o.orderNumber(), o.externalNumber(),
							o.orderDate(), o.customerId(), o.customerName(), Exports.label("sales.status.", o.status()), o.netAmount(),
							o.marginAmount(), o.units(), o.creditedTo()));
				});
	}
}
