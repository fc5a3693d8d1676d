package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes dated on a past business day (a migrated history, the demo company): the demo's won and lost deals close
 * on days spread over its history, not all on the day it loaded; a dated move keeps the entity's rules and its
 * history in order, and only the company-wide roles date a change in the past.
 */
@RumboIntegrationTest
@RecordApplicationEvents
class OpportunityBusinessDayTests {

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	CustomerManagement customers;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	@Test
	void theDemoClosesItsWonAndLostDealsOnDaysSpreadOverItsHistory() {
		LocalDate today = LocalDate.now(clock);
		// The demo's deals: created by the admin with one of its topics; the close day is the won or lost move's.
		List<LocalDate> closes = jdbc.sql("""
				SELECT o.expected_close FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE s.outcome <> 'OPEN' AND o.source IN ('Visita comercial', 'Web')
				  AND EXISTS (SELECT 1 FROM sales_opportunity_stage_change c WHERE c.opportunity_id = o.id
				    AND c.stage_code = o.stage_code AND c.changed_by = 'admin' AND c.changed_on = o.expected_close)""")
			.query(LocalDate.class)
			.list();
		assertThat(closes).as("the demo's closed deals").hasSizeGreaterThan(20);
		assertThat(closes.stream().distinct().count()).as("days they closed on").isGreaterThan(closes.size() / 2);
		assertThat(closes).allMatch(day -> !day.isAfter(today))
			.anyMatch(day -> day.isBefore(today.minusDays(OpportunityQueries.CLOSED_ON_BOARD_DAYS)))
			.anyMatch(day -> !day.isBefore(today.minusDays(OpportunityQueries.CLOSED_ON_BOARD_DAYS)));
		long outOfOrder = jdbc.sql("""
				SELECT COUNT(*) FROM sales_opportunity_stage_change a JOIN sales_opportunity_stage_change b
				  ON b.opportunity_id = a.opportunity_id AND b.id > a.id AND b.changed_on < a.changed_on
				WHERE a.changed_by = 'admin'""")
			.query(Long.class)
			.single();
		assertThat(outOfOrder).as("moves dated before an earlier move").isZero();
	}

	@Test
	void aMoveOnAPastDayClosesTheDealThatDayWithinTheRules() {
		CurrentUser admin = users.actAs("admin").orElseThrow();
		CurrentUser rep = users.actAs("rep").orElseThrow();
		LocalDate today = LocalDate.now(clock);
		long customer = customers.list(rep, new CustomerManagement.Filter(null, CustomerStatus.ACTIVE, null, null,
				staff.ownProfile(rep).orElseThrow().id(), null, false), ListQuery.of(0, 1, List.of("legalName"),
						CustomerManagement.SORTS, "legalName"))
			.content()
			.get(0)
			.id();
		OpportunityManagement.OpportunityDetails details = new OpportunityManagement.OpportunityDetails(customer,
				"Migrada", new BigDecimal("7000"), today.plusDays(30), null, null, null, null);

		assertThatThrownBy(() -> opportunities.createOn(rep, details, today.minusDays(1)))
			.as("a salesperson works today").isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> opportunities.createOn(admin, details, today.plusDays(1)))
			.isInstanceOf(ValidationFailedException.class);
		OpportunityView created = opportunities.createOn(admin, details, today.minusDays(40));
		opportunities.moveOn(admin, created.id(), "PROPOSAL", null, today.minusDays(20));
		assertThatThrownBy(() -> opportunities.moveOn(admin, created.id(), "NEGOTIATION", null, today.minusDays(21)))
			.as("before its last move").isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> opportunities.moveOn(rep, created.id(), "NEGOTIATION", null, today.minusDays(10)))
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> opportunities.moveOn(admin, created.id(), "LOST", null, today.minusDays(10)))
			.as("the entity's rules hold: losing asks for the reason").isInstanceOf(ValidationFailedException.class);

		OpportunityView won = opportunities.moveOn(admin, created.id(), "WON", null, today.minusDays(10));
		assertThat(won.expectedClose()).isEqualTo(today.minusDays(10));
		assertThat(won.history()).extracting(OpportunityView.StageChange::changedOn)
			.containsExactly(today.minusDays(10), today.minusDays(20), today.minusDays(40));
		assertThat(events.stream(OpportunityWon.class)).singleElement()
			.satisfies(e -> assertThat(e.closedOn()).isEqualTo(today.minusDays(10)));
		assertThat(events.stream(OpportunityCreated.class)).singleElement()
			.satisfies(e -> assertThat(e.createdOn()).isEqualTo(today.minusDays(40)));
	}
}
