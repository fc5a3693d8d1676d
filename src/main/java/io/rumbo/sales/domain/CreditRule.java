package io.rumbo.sales.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.OrderLines;
import io.rumbo.shared.money.Amounts;

/**
 * The one credit-split rule, for order entry and the order import alike: somebody is credited (the customer's owner
 * in full when nobody is named), nobody twice, the shares are positive and sum to exactly 100, each person is in the
 * organisation (credited with the unit they were in on the order date) and one the actor may credit, and a
 * salesperson is among the people credited with an order they book.
 */
@Component
public class CreditRule {

	/** A share of an order asked for. */
	public record Share(long staffId, BigDecimal sharePercent) {
	}

	/** A broken rule: about the share at {@code index}, or about the split as a whole when the index is -1. */
	public record Problem(int index, String key) {
	}

	/** The credits when {@code problems} is empty. */
	public record Split(List<OrderCredit> credits, List<Problem> problems) {
	}

	private final OrgDirectory org;

	CreditRule(OrgDirectory org) {
		this.org = org;
	}

	/**
	 * Who may be credited with an order the actor books: anyone for company-wide roles; a manager credits the people
	 * of their subtree; a salesperson may split with any colleague as long as they are credited too.
	 */
	static boolean mayCredit(CurrentUser actor, DataScope scope, long staffId, long unitIdOnOrderDate) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR) || Long.valueOf(staffId).equals(scope.ownStaffId())
				|| !actor.has(Role.MANAGER) || scope.managesUnit(unitIdOnOrderDate);
	}

	static boolean mustCreditSelf(CurrentUser actor) {
		return !actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	/** Checks the split of one order dated {@code orderDate}. */
	public Split check(CurrentUser actor, DataScope scope, List<Share> requested, @Nullable Long customerOwner,
			java.time.LocalDate orderDate) {
		List<Long> people = requested.isEmpty() && customerOwner != null ? List.of(customerOwner)
				: requested.stream().map(Share::staffId).toList();
		return check(actor, scope, requested, customerOwner, org.unitsOn(people, orderDate));
	}

	/**
	 * Checks a split. {@code unitsOnDate} gives the unit of each person on the order date (a caller checking many
	 * orders of one date reads it once); a person missing from it is credited in their current unit.
	 */
	public Split check(CurrentUser actor, DataScope scope, List<Share> requested, @Nullable Long customerOwner,
			Map<Long, Long> unitsOnDate) {
		List<Share> shares = requested.isEmpty() && customerOwner != null
				? List.of(new Share(customerOwner, Amounts.HUNDRED)) : requested;
		List<Problem> problems = new ArrayList<>();
		if (shares.isEmpty()) {
			return new Split(List.of(), List.of(new Problem(-1, "sales.order.credits.required")));
		}
		Set<Long> seen = new HashSet<>();
		for (Share share : shares) {
			if (!seen.add(share.staffId())) {
				return new Split(List.of(), List.of(new Problem(-1, "sales.order.credits.duplicate")));
			}
		}
		if (!OrderLines.sharesSumToHundred(shares.stream().map(Share::sharePercent).toList())) {
			problems.add(new Problem(-1, "sales.order.credits.sum"));
		}
		List<OrderCredit> credits = new ArrayList<>();
		for (int i = 0; i < shares.size(); i++) {
			Share share = shares.get(i);
			Long unit = unitsOnDate.get(share.staffId());
			if (unit == null) {
				unit = org.staff(share.staffId()).map(OrgDirectory.StaffSummary::unitId).orElse(null);
			}
			if (unit == null) {
				problems.add(new Problem(i, "sales.order.credit.unknown"));
			}
			else if (!mayCredit(actor, scope, share.staffId(), unit)) {
				problems.add(new Problem(i, "sales.order.credit.outOfScope"));
			}
			else {
				credits.add(new OrderCredit(share.staffId(), unit, share.sharePercent()));
			}
		}
		if (mustCreditSelf(actor) && !seen.contains(scope.ownStaffId())) {
			problems.add(new Problem(-1, "sales.order.credits.mustIncludeSelf"));
		}
		return new Split(credits, problems);
	}
}
