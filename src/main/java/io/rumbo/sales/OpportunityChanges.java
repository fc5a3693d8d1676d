package io.rumbo.sales;

import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CustomerId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.domain.Opportunity;
import io.rumbo.sales.domain.PipelineFigures;

/**
 * Keeps the board's figures ({@link PipelineFigures}) and announces an edit of an opportunity that changed what it
 * counts for ({@link OpportunityChanged}), in the editing transaction; the details ({@link OpportunityManagement})
 * and the products ({@link OpportunityProducts}) both edit it.
 */
@Component
class OpportunityChanges {

	/** What an opportunity counted for before an edit: the facts its events carry and its row of the board. */
	record Before(OpportunityChanged.Facts facts, PipelineFigures.Counted figures) {
	}

	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final PipelineStages stages;
	private final PipelineFigures figures;

	OpportunityChanges(ApplicationEventPublisher events, JdbcClient jdbc, PipelineStages stages,
			PipelineFigures figures) {
		this.events = events;
		this.jdbc = jdbc;
		this.stages = stages;
		this.figures = figures;
	}

	Before before(Opportunity opportunity) {
		return new Before(facts(opportunity), counted(opportunity));
	}

	/** After the edit is saved: the board's figures follow it, and the change is announced if it counts. */
	void edited(Opportunity opportunity, Before before) {
		figures.changed(before.figures(), counted(opportunity));
		announce(opportunity, before.facts());
	}

	private PipelineFigures.Counted counted(Opportunity opportunity) {
		return PipelineFigures.Counted.of(opportunity, stages.of(opportunity.stageCode()).open());
	}

	private static OpportunityChanged.Facts facts(Opportunity opportunity) {
		return new OpportunityChanged.Facts(opportunity.amount(), StaffId.of(opportunity.ownerStaffId()),
				UnitId.of(opportunity.ownerUnitId()), opportunity.expectedClose());
	}

	/** Publishes the change when the opportunity's facts differ from {@code before}; nothing otherwise. */
	private void announce(Opportunity opportunity, OpportunityChanged.Facts before) {
		OpportunityChanged.Facts after = facts(opportunity);
		if (after.amount().compareTo(before.amount()) == 0 && after.owner().equals(before.owner())
				&& after.unit().equals(before.unit()) && after.expectedClose().equals(before.expectedClose())) {
			return;
		}
		// The day it entered the pipeline is its first stage's (what the creation counts are dated by).
		LocalDate createdOn = jdbc.sql("SELECT MIN(changed_on) FROM sales_opportunity_stage_change"
				+ " WHERE opportunity_id = :id")
			.param("id", opportunity.id())
			.query(LocalDate.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(after.expectedClose());
		events.publishEvent(new OpportunityChanged(OpportunityId.of(opportunity.id()),
				CustomerId.of(opportunity.customerId()), opportunity.stageCode(), createdOn, before, after));
	}
}
