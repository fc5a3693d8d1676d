package io.rumbo.sales.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.OrderManagement;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the order list: one row per order, streamed from one query. */
final class OrderExports {

	private OrderExports() {
	}

	static ResponseEntity<StreamingResponseBody> orders(ExportFormat format, OrderManagement orders, CurrentUser actor,
			OrderManagement.Filter filter, ListQuery sorted) {
		return Exports.download(format, "orders", List.of("id", "orderNumber", "externalNumber", "orderDate",
				"customerId", "customerName", "status", "netAmount", "marginAmount", "units", "creditedTo"), table -> {
					orders.each(actor, filter, sorted, o -> table.row(o.id(), o.orderNumber(), o.externalNumber(),
							o.orderDate(), o.customerId(), o.customerName(), Exports.label("sales.status.", o.status()), o.netAmount(),
							o.marginAmount(), o.units(), o.creditedTo()));
				});
	}
}
