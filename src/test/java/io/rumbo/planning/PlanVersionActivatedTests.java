package io.rumbo.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.planning.PlanViews.VersionView;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Activating a plan version announces it with the version, the plan's fiscal year, the version it replaced and the
 * day, on the demo company's plan; {@code PlanningModuleTests} shows the same with planning booted on its own.
 */
@RumboIntegrationTest
@RecordApplicationEvents
class PlanVersionActivatedTests {

	@Autowired
	PlanWorkflow workflow;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	@Test
	void submittingAndApprovingAVersionAnnounceIt() {
		CurrentUser director = users.actAs("director").orElseThrow();
		int year = LocalDate.now(clock).getYear() + 21; // a year no other test plans in (QuotaImportApiScenarioTests takes +11)
		VersionView version = workflow.create(director, year, "Plan " + year, BigDecimal.ZERO, Map.of()).versions()
			.get(0);
		version = workflow.submit(director, version.id(), version.version());
		assertThat(events.stream(PlanVersionSubmitted.class)).containsExactly(new PlanVersionSubmitted(
				PlanVersionId.of(version.id()), version.planId(), "Plan " + year, year, version.number(), "director"));
		assertThat(events.stream(PlanVersionApproved.class)).as("not before it is approved").isEmpty();
		version = workflow.approve(director, version.id(), version.version());
		assertThat(events.stream(PlanVersionApproved.class)).containsExactly(new PlanVersionApproved(
				PlanVersionId.of(version.id()), version.planId(), "Plan " + year, year, version.number(), "director",
				"director"));
	}

	@Test
	void activatingAVersionAnnouncesItAndTheVersionItReplaced() {
		CurrentUser director = users.actAs("director").orElseThrow();
		int year = LocalDate.now(clock).getYear() + 9;
		VersionView first = workflow.create(director, year, "Plan " + year, BigDecimal.ZERO, Map.of()).versions().get(0);
		first = workflow.submit(director, first.id(), first.version());
		first = workflow.approve(director, first.id(), first.version());
		assertThat(events.stream(PlanVersionActivated.class)).as("not before it is activated").isEmpty();
		first = workflow.activate(director, first.id(), first.version());

		assertThat(events.stream(PlanVersionActivated.class)).containsExactly(new PlanVersionActivated(
				PlanVersionId.of(first.id()), year, null, LocalDate.now(clock)));

		VersionView second = workflow.revise(director, first.id(), "Second thoughts");
		second = workflow.submit(director, second.id(), second.version());
		second = workflow.approve(director, second.id(), second.version());
		second = workflow.activate(director, second.id(), second.version());

		assertThat(events.stream(PlanVersionActivated.class)).hasSize(2).last().isEqualTo(new PlanVersionActivated(
				PlanVersionId.of(second.id()), year, PlanVersionId.of(first.id()), LocalDate.now(clock)));
	}

	@Test
	void aRefusedActivationAnnouncesNothingAndWritesNoAuditEntry() {
		CurrentUser director = users.actAs("director").orElseThrow();
		int year = LocalDate.now(clock).getYear() + 10;
		VersionView draft = workflow.create(director, year, "Plan " + year, BigDecimal.ZERO, Map.of()).versions().get(0);
		long audits = audits(draft.id());

		assertThatThrownBy(() -> workflow.activate(director, draft.id(), draft.version()))
			.isInstanceOf(ConflictException.class)
			.hasMessage("planning.version.wrongState");
		assertThatThrownBy(() -> workflow.approve(director, draft.id(), draft.version()))
			.isInstanceOf(ConflictException.class);

		assertThat(events.stream(PlanVersionActivated.class)).isEmpty();
		assertThat(audits(draft.id())).isEqualTo(audits);
	}

	private long audits(long versionId) {
		return jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'PLAN_VERSION' AND entity_id = :id")
			.param("id", String.valueOf(versionId))
			.query(Long.class)
			.single();
	}
}
