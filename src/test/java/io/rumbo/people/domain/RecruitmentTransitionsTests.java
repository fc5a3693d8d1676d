package io.rumbo.people.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.rumbo.organization.JobRole;
import io.rumbo.people.CandidateSource;
import io.rumbo.people.RequisitionReason;
import io.rumbo.people.RequisitionStatus;
import io.rumbo.shared.domain.ConflictException;

/**
 * The requisition's and the candidate's guarded transitions, as worked examples (decision 0036): a requisition goes
 * DRAFT -> SUBMITTED -> APPROVED -> FILLED (or REJECTED, or CANCELLED while open), never backwards and never twice; a
 * candidate moves freely between open stages until HIRED or REJECTED, which are final.
 */
class RecruitmentTransitionsTests {

	static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);

	private static Requisition draft() {
		Requisition r = new Requisition(7, 3, JobRole.SALESPERSON, "manager", "Javier Moreno", 11L, MAY_4);
		r.describe(RequisitionReason.REPLACEMENT, 99L, new BigDecimal("41000.00"), "Sustituye a Sergio");
		return r;
	}

	private static Candidate applied() {
		Candidate c = new Candidate(1, 3, "APPLIED", MAY_4, "people");
		c.describe("Ana", "Prieto", "ana@example.com", null, CandidateSource.REFERRAL, null);
		return c;
	}

	@Test
	void aRequisitionIsSubmittedApprovedAndFilledOnce() {
		Requisition r = draft();
		assertThatThrownBy(() -> r.approve("director", MAY_4)).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "people.requisition.refused.approve");
		assertThatThrownBy(() -> r.fill(5, MAY_4)).as("a draft takes no hire").isInstanceOf(ConflictException.class);
		r.submit(MAY_4);
		assertThatThrownBy(() -> r.describe(RequisitionReason.GROWTH, null, BigDecimal.ONE, null))
			.as("terms are fixed once submitted").isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> r.submit(MAY_4)).isInstanceOf(ConflictException.class);
		r.approve("director", MAY_4.plusDays(2));
		assertThat(r.status()).isEqualTo(RequisitionStatus.APPROVED);
		r.fill(5, MAY_4.plusDays(30));
		assertThat(r.status()).isEqualTo(RequisitionStatus.FILLED);
		assertThat(r.hiredCandidateId()).isEqualTo(5);
		assertThatThrownBy(() -> r.fill(6, MAY_4.plusDays(31))).as("one hire per requisition")
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> r.cancel(MAY_4)).as("a filled one stays filled").isInstanceOf(ConflictException.class);
		assertThat(r.auditState()).containsEntry("status", RequisitionStatus.FILLED).containsEntry("hiredCandidateId", 5L);
	}

	@Test
	void aRejectedRequisitionIsFinalAndAGrowthOneForgetsWhomItReplaced() {
		Requisition r = draft();
		r.describe(RequisitionReason.GROWTH, 99L, new BigDecimal("1.00"), null);
		assertThat(r.auditState()).containsEntry("replacesStaffId", null);
		r.submit(MAY_4);
		r.reject("director", MAY_4, "Sin presupuesto este año");
		assertThat(r.status()).isEqualTo(RequisitionStatus.REJECTED);
		assertThatThrownBy(() -> r.approve("director", MAY_4)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> r.cancel(MAY_4)).isInstanceOf(ConflictException.class);
	}

	@Test
	void aCandidateMovesBetweenOpenStagesUntilHiredOrRejected() {
		Candidate c = applied();
		c.moveTo("INTERVIEWED", MAY_4.plusDays(3));
		c.moveTo("SCREENED", MAY_4.plusDays(4));
		assertThat(c.stage()).as("back to an earlier open stage").isEqualTo("SCREENED");
		c.hire(42, MAY_4.plusDays(20));
		assertThat(c.terminal()).isTrue();
		assertThat(c.staffId()).isEqualTo(42);
		assertThatThrownBy(() -> c.hire(43, MAY_4)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> c.reject("tarde", MAY_4)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> c.moveTo("OFFER", MAY_4)).isInstanceOf(ConflictException.class);

		Candidate other = applied();
		other.reject("Sin carné de conducir", MAY_4);
		assertThat(other.stage()).isEqualTo("REJECTED");
		assertThat(other.auditState()).containsEntry("rejectionReason", "Sin carné de conducir")
			.doesNotContainKeys("firstName", "email");
		assertThatThrownBy(() -> other.describe("B", "C", null, null, CandidateSource.OTHER, null))
			.isInstanceOf(ConflictException.class);
	}
}
