package io.rumbo.quotas;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.shared.domain.AccessRefusedException;

/** Who prepares and publishes quotas: the company-wide roles (administrators and directors). */
final class QuotaAccess {

	private QuotaAccess() {
	}

	static boolean isDirector(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	static void requireDirector(CurrentUser actor) {
		if (!isDirector(actor)) {
			throw new AccessRefusedException("quotas");
		}
	}
}
