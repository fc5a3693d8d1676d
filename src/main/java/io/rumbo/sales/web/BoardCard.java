package io.rumbo.sales.web;

import io.rumbo.sales.OpportunityView;
import io.rumbo.shared.web.Formats;

/**
 * A card of the pipeline board with its text already written in the reader's language. The board renders up to 60
 * cards at once; each value the template reads as a plain property instead of calling the formatter or joining
 * strings per card, which was most of the board's time at 50 clients (docs/benchmarks.md).
 */
record BoardCard(long id, String href, String moveHref, String label, String title, String customer, String amount, String close,
		String owner) {

	static BoardCard of(OpportunityView o, Formats fmt, String base) {
		return new BoardCard(o.id(), base + o.id(), base + o.id() + "#stage-form", "card-" + o.id(), o.title(),
				o.customerName() == null ? "" : o.customerName(), fmt.money(o.amount()), fmt.date(o.expectedClose()),
				o.ownerName() == null ? "" : o.ownerName());
	}
}
