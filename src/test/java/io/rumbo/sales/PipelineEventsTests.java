package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.rumbo.customers.CustomerId;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline's events (opportunities, activities, tasks) are published by the facade method that makes the
 * change, with the business facts a listener needs. {@code SalesModuleTests} shows the main ones with the module
 * booted on its own; this test covers every pipeline event and the changes that publish nothing, on the demo company
 * the integration tests share, recording the events Spring publishes on the test's thread.
 */
@RumboIntegrationTest
@RecordApplicationEvents
class PipelineEventsTests {

	@Autowired
	ApplicationEvents events;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	ActivityManagement activities;

	@Autowired
	TaskManagement tasks;

	@Autowired
	CustomerManagement customers;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	Clock clock;

	CurrentUser rep;

	StaffView lucia;

	long customer;

	LocalDate today;

	@BeforeEach
	void setUp() {
		rep = users.actAs("rep").orElseThrow();
		lucia = staff.ownProfile(rep).orElseThrow();
		customer = customers.list(rep, new CustomerManagement.Filter(null, CustomerStatus.ACTIVE, null, null,
				lucia.id(), null, false), ListQuery.of(0, 1, List.of("legalName"), CustomerManagement.SORTS, "legalName"))
			.content()
			.get(0)
			.id();
		today = LocalDate.now(clock);
	}

	@Test
	void anOpportunityAnnouncesItsCreationEachStageMoveAndItsWin() {
		OpportunityView created = opportunities.create(rep, details("Renovación de mobiliario", "12000", null));
		OpportunityId id = OpportunityId.of(created.id());
		assertThat(events.stream(OpportunityCreated.class)).singleElement()
			.isEqualTo(new OpportunityCreated(id, CustomerId.of(customer), "PROSPECTING", new BigDecimal("12000.0000"),
					today.plusMonths(2), StaffId.of(lucia.id()), UnitId.of(lucia.unitId()), today));

		opportunities.moveTo(rep, created.id(), "PROPOSAL");
		opportunities.moveTo(rep, created.id(), "PROPOSAL");
		assertThat(events.stream(OpportunityStageChanged.class)).as("a card dropped on its own column does not move")
			.containsExactly(new OpportunityStageChanged(id, "PROSPECTING", "PROPOSAL", 50, new BigDecimal("12000.0000"),
					StaffId.of(lucia.id()), UnitId.of(lucia.unitId()), today));
		assertThat(events.stream(OpportunityWon.class)).isEmpty();

		opportunities.moveTo(rep, created.id(), "WON");
		assertThat(events.stream(OpportunityStageChanged.class)).hasSize(2)
			.last()
			.satisfies(e -> {
				assertThat(e.fromStage()).isEqualTo("PROPOSAL");
				assertThat(e.toStage()).isEqualTo("WON");
				assertThat(e.probability()).isEqualTo(100);
			});
		assertThat(events.stream(OpportunityWon.class)).singleElement()
			.isEqualTo(new OpportunityWon(id, CustomerId.of(customer), new BigDecimal("12000.0000"),
					StaffId.of(lucia.id()), UnitId.of(lucia.unitId()), today));
		assertThat(events.stream(OpportunityLost.class)).isEmpty();

		assertThatThrownBy(() -> opportunities.moveTo(rep, created.id(), "WON")).isInstanceOf(ConflictException.class);
		assertThat(events.stream(OpportunityStageChanged.class)).as("a refused move announces nothing").hasSize(2);
		assertThat(events.stream(OpportunityWon.class)).hasSize(1);
	}

	@Test
	void aLostOpportunityCarriesItsLossReason() {
		OpportunityView created = opportunities.create(rep, details("Sillas para la sede", "4000", "Precio"));
		opportunities.moveTo(rep, created.id(), "LOST");
		assertThat(events.stream(OpportunityLost.class)).singleElement()
			.isEqualTo(new OpportunityLost(OpportunityId.of(created.id()), CustomerId.of(customer),
					new BigDecimal("4000.0000"), StaffId.of(lucia.id()), UnitId.of(lucia.unitId()), today, "Precio"));
		assertThat(events.stream(OpportunityWon.class)).isEmpty();
	}

	@Test
	void anActivityAnnouncesTheDayItIsDoneOnce() {
		ActivityView logged = activities.create(rep, activity(ActivityType.VISIT, today.minusDays(1), today.minusDays(1)));
		assertThat(events.stream(ActivityDone.class)).as("the agenda's quick log of a done visit").singleElement()
			.isEqualTo(new ActivityDone(ActivityId.of(logged.id()), ActivityType.VISIT, CustomerId.of(customer),
					StaffId.of(lucia.id()), UnitId.of(lucia.unitId()), today.minusDays(1)));

		ActivityView planned = activities.create(rep, activity(ActivityType.CALL, today, null));
		assertThat(events.stream(ActivityDone.class)).as("a planned activity is not done").hasSize(1);
		ActivityView done = activities.update(rep, planned.id(), planned.version(),
				activity(ActivityType.CALL, today, today));
		activities.update(rep, planned.id(), done.version(), activity(ActivityType.CALL, today, today));
		assertThat(events.stream(ActivityDone.class)).as("done once, then only edited").hasSize(2)
			.last()
			.isEqualTo(new ActivityDone(ActivityId.of(planned.id()), ActivityType.CALL, CustomerId.of(customer),
					StaffId.of(lucia.id()), UnitId.of(lucia.unitId()), today));
	}

	@Test
	void aTaskAnnouncesItsCompletionWithItsDueDate() {
		CurrentUser manager = users.actAs("manager").orElseThrow();
		TaskView late = tasks.create(manager, new TaskManagement.TaskDetails("Enviar la oferta", null, lucia.id(), null,
				null, today.minusDays(3)));
		tasks.complete(rep, late.id(), true);
		assertThat(events.stream(TaskCompleted.class)).singleElement()
			.isEqualTo(new TaskCompleted(TaskId.of(late.id()), StaffId.of(lucia.id()), UnitId.of(lucia.unitId()), false,
					today.minusDays(3), today, "rep"))
			.satisfies(e -> assertThat(e.onTime()).isFalse());
		assertThatThrownBy(() -> tasks.complete(rep, late.id(), true)).isInstanceOf(ConflictException.class);
		tasks.complete(manager, late.id(), false);
		assertThat(events.stream(TaskCompleted.class)).as("refused or reopened, nothing more is completed").hasSize(1);
		assertThat(events.stream(TaskReopened.class)).as("the reopening withdraws the completion").singleElement()
			.isEqualTo(new TaskReopened(TaskId.of(late.id()), StaffId.of(lucia.id()), UnitId.of(lucia.unitId()), today,
					today));

		TaskView team = tasks.create(manager, new TaskManagement.TaskDetails("Revisar tarifas", null, null,
				lucia.unitId(), null, today.plusDays(5)));
		tasks.complete(rep, team.id(), true);
		assertThat(events.stream(TaskCompleted.class)).hasSize(2)
			.last()
			.isEqualTo(new TaskCompleted(TaskId.of(team.id()), null, UnitId.of(lucia.unitId()), true, today.plusDays(5),
					today, "rep"))
			.satisfies(e -> assertThat(e.onTime()).isTrue());
	}

	private OpportunityManagement.OpportunityDetails details(String title, String amount, String lossReason) {
		return new OpportunityManagement.OpportunityDetails(customer, title, new BigDecimal(amount),
				today.plusMonths(2), null, null, "Web", lossReason);
	}

	private ActivityManagement.ActivityDetails activity(ActivityType type, LocalDate plannedOn, LocalDate doneOn) {
		return new ActivityManagement.ActivityDetails(customer, null, type, null, plannedOn, doneOn, 30,
				doneOn == null ? null : "Interesado", null, null);
	}
}
