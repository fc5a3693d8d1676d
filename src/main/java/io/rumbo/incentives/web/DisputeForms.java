package io.rumbo.incentives.web;

import org.jspecify.annotations.Nullable;

/** The page forms of disputes: the question of a statement line, and finance's answer, adjustment or rejection. */
final class DisputeForms {

	private DisputeForms() {
	}

	/** The owner's question about a line. */
	static class Raise {

		private @Nullable String comment;

		public @Nullable String getComment() {
			return comment;
		}

		public void setComment(@Nullable String comment) {
			this.comment = comment;
		}
	}

	/**
	 * Finance's outcome, at the version read: an answer (comment), a rejection (reason) or an adjustment (amount as
	 * the reader's language writes numbers, and reason).
	 */
	static class Resolve {

		private @Nullable Long version;

		private @Nullable String comment;

		private @Nullable String amount;

		private @Nullable String reason;

		static Resolve at(long version) {
			Resolve form = new Resolve();
			form.version = version;
			return form;
		}

		public @Nullable Long getVersion() {
			return version;
		}

		public void setVersion(@Nullable Long version) {
			this.version = version;
		}

		public @Nullable String getComment() {
			return comment;
		}

		public void setComment(@Nullable String comment) {
			this.comment = comment;
		}

		public @Nullable String getAmount() {
			return amount;
		}

		public void setAmount(@Nullable String amount) {
			this.amount = amount;
		}

		public @Nullable String getReason() {
			return reason;
		}

		public void setReason(@Nullable String reason) {
			this.reason = reason;
		}
	}
}
