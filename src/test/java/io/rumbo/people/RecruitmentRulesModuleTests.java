package io.rumbo.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffRoleChanged;
import io.rumbo.organization.StaffView;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;

/**
 * Decision 0040 on a small company of its own (a company unit led by a boss, team 1 with Ana and Pedro led by lead 1,
 * team 2 led by lead 2): who approves a requisition by the unit's rule (nearest ancestor, a director by default, a
 * director above the threshold, the manager of the unit above), who reads the evidence files of a qualification
 * (PEOPLE, the person, their managers; 404 for anyone else), the upload rules (size, type by content, name), and the
 * roster following a change of job role announced by organization.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class RecruitmentRulesModuleTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "people");
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	Roster roster;

	@Autowired
	Qualifications qualifications;

	@Autowired
	StaffQualifications holdings;

	@Autowired
	ApprovalRules rules;

	@Autowired
	HoldingEvidence evidence;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HoldingWithdrawals withdrawals;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	TwoTeamCompany company;

	OrgUnitView top;

	StaffView ana;

	StaffView boss;

	CurrentUser anaUser;

	CurrentUser pedroUser;

	CurrentUser bossUser;

	CurrentUser lead1;

	CurrentUser lead2;

	CurrentUser hr;

	@BeforeEach
	void company() {
		company = new TwoTeamCompany(units, staff, users, "R");
		anaUser = company.account("ana", Role.REP);
		ana = company.person("A", company.team1, JobRole.SALESPERSON, anaUser);
		pedroUser = company.account("pedro", Role.REP);
		company.person("B", company.team1, JobRole.SALESPERSON, pedroUser);
		lead1 = company.account("lead1", Role.MANAGER);
		company.lead(company.team1, company.person("L1", company.team1, JobRole.TEAM_LEADER, lead1));
		lead2 = company.account("lead2", Role.MANAGER);
		company.lead(company.team2, company.person("L2", company.team2, JobRole.TEAM_LEADER, lead2));
		bossUser = company.account("boss", Role.MANAGER);
		boss = company.person("BOSS", company.company, JobRole.SALES_DIRECTOR, bossUser);
		OrgUnitView c = company.company;
		top = units.update(TwoTeamCompany.ADMIN, c.id(), c.version(), new OrgUnitManagement.UnitDetails(c.code(),
				c.name(), OrgUnitKind.COMPANY, null, c.parentId(), boss.id(), LocalDate.of(2000, 1, 1), null));
		hr = company.account("hr", Role.PEOPLE);
		roster.refresh();
	}

	// ---- approval rules

	@Test
	void withoutAnyRuleADirectorApproves() {
		ApprovalRules.Due due = rules.due(company.team1.id(), new BigDecimal("50000"));
		assertThat(due.approver()).isEqualTo(RequisitionApprover.DIRECTOR);
		assertThat(due.ruleUnitId()).isNull();
		assertThat(rules.mayDecide(TwoTeamCompany.ADMIN, due)).as("a director").isTrue();
		assertThat(rules.mayDecide(hr, due)).isFalse();
		assertThat(rules.mayDecide(lead1, due)).isFalse();
	}

	@Test
	void theNearestAncestorsRuleAppliesAndAUnitsOwnRuleComesFirst() {
		rules.set(TwoTeamCompany.ADMIN, top.id(), null, new ApprovalRules.RuleDetails(RequisitionApprover.PEOPLE, null));
		ApprovalRules.Due inherited = rules.due(company.team1.id(), new BigDecimal("1000"));
		assertThat(inherited.approver()).isEqualTo(RequisitionApprover.PEOPLE);
		assertThat(inherited.ruleUnitId()).isEqualTo(top.id());
		assertThat(rules.mayDecide(hr, inherited)).isTrue();
		assertThat(rules.mayDecide(TwoTeamCompany.ADMIN, inherited)).as("a director is not PEOPLE").isFalse();

		rules.set(TwoTeamCompany.ADMIN, company.team1.id(), null,
				new ApprovalRules.RuleDetails(RequisitionApprover.UPPER_MANAGER, new BigDecimal("40000")));
		ApprovalRules.Due own = rules.due(company.team1.id(), new BigDecimal("40000.00"));
		assertThat(own.approver()).isEqualTo(RequisitionApprover.UPPER_MANAGER);
		assertThat(own.staffId()).as("the manager of the unit above team 1").isEqualTo(boss.id());
		assertThat(own.ruleUnitId()).isEqualTo(company.team1.id());
		assertThat(rules.mayDecide(bossUser, own)).isTrue();
		assertThat(rules.mayDecide(lead1, own)).as("the team's own manager").isFalse();
		assertThat(rules.mayDecide(TwoTeamCompany.ADMIN, own)).isFalse();
		// Team 2 still follows the company's rule.
		assertThat(rules.due(company.team2.id(), BigDecimal.ONE).approver()).isEqualTo(RequisitionApprover.PEOPLE);

		ApprovalRules.Due costly = rules.due(company.team1.id(), new BigDecimal("40000.01"));
		assertThat(costly.approver()).isEqualTo(RequisitionApprover.DIRECTOR);
		assertThat(costly.aboveThreshold()).isTrue();
		assertThat(rules.mayDecide(bossUser, costly)).isFalse();
	}

	@Test
	void theManagerAboveIsADirectorWhenTheUnitAboveHasNobodyLeadingIt() {
		OrgUnitView c = units.get(TwoTeamCompany.ADMIN, top.id(), null);
		units.update(TwoTeamCompany.ADMIN, c.id(), c.version(), new OrgUnitManagement.UnitDetails(c.code(), c.name(),
				OrgUnitKind.COMPANY, null, c.parentId(), null, LocalDate.of(2000, 1, 1), null));
		rules.set(TwoTeamCompany.ADMIN, company.team2.id(), null, new ApprovalRules.RuleDetails(RequisitionApprover.UPPER_MANAGER, null));
		assertThat(rules.due(company.team2.id(), BigDecimal.TEN).approver()).isEqualTo(RequisitionApprover.DIRECTOR);
		// The company unit has no unit above at all.
		rules.set(TwoTeamCompany.ADMIN, top.id(), null, new ApprovalRules.RuleDetails(RequisitionApprover.UPPER_MANAGER, null));
		assertThat(rules.due(top.id(), BigDecimal.TEN).approver()).isEqualTo(RequisitionApprover.DIRECTOR);
	}

	@Test
	void onlyDirectorsAndAdministratorsSetRulesWithTheVersionTheyRead() {
		for (CurrentUser refused : List.of(lead1, hr)) {
			assertThatThrownBy(() -> rules.set(refused, company.team1.id(), null,
					new ApprovalRules.RuleDetails(RequisitionApprover.PEOPLE, null))).as(refused.username())
				.isInstanceOf(AccessRefusedException.class);
		}
		assertThatThrownBy(() -> rules.set(TwoTeamCompany.ADMIN, company.team1.id(), null, new ApprovalRules.RuleDetails(null, null)))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					e -> assertThat(e.errors()).extracting(ValidationFailedException.FieldError::field)
						.containsExactly("approver"));
		ApprovalRules.RuleView first = rules.set(TwoTeamCompany.ADMIN, company.team1.id(), null,
				new ApprovalRules.RuleDetails(RequisitionApprover.PEOPLE, null));
		ApprovalRules.RuleView second = rules.set(TwoTeamCompany.ADMIN, company.team1.id(), first.version(),
				new ApprovalRules.RuleDetails(RequisitionApprover.DIRECTOR, new BigDecimal("100")));
		assertThat(second.version()).isEqualTo(first.version() + 1);
		assertThatThrownBy(() -> rules.set(TwoTeamCompany.ADMIN, company.team1.id(), first.version(),
				new ApprovalRules.RuleDetails(RequisitionApprover.PEOPLE, null))).isInstanceOf(StaleVersionException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'PEOPLE_APPROVAL_RULE' AND "
				+ "entity_id = :id").param("id", String.valueOf(company.team1.id())).query(Long.class).single())
			.isEqualTo(2L);
		rules.remove(TwoTeamCompany.ADMIN, company.team1.id());
		assertThat(rules.due(company.team1.id(), BigDecimal.ONE).ruleUnitId()).isNull();
	}

	@Test
	void nobodyApprovesTheirOwnRequisitionADirectorDoes() {
		// The boss leads the company unit: under UPPER_MANAGER they approve team 1's requisitions, not the ones they raise.
		rules.set(TwoTeamCompany.ADMIN, company.team1.id(), null,
				new ApprovalRules.RuleDetails(RequisitionApprover.UPPER_MANAGER, null));
		ApprovalRules.Due byLead = rules.due(company.team1.id(), BigDecimal.TEN, lead1.username());
		assertThat(byLead.approver()).isEqualTo(RequisitionApprover.UPPER_MANAGER);
		assertThat(byLead.requesterExcluded()).isFalse();
		ApprovalRules.Due byBoss = rules.due(company.team1.id(), BigDecimal.TEN, bossUser.username());
		assertThat(byBoss.approver()).isEqualTo(RequisitionApprover.DIRECTOR);
		assertThat(byBoss.requesterExcluded()).isTrue();
		assertThat(rules.mayDecide(bossUser, byBoss, bossUser.username())).isFalse();
		// PEOPLE raising under a PEOPLE rule: a director approves.
		rules.set(TwoTeamCompany.ADMIN, company.team2.id(), null,
				new ApprovalRules.RuleDetails(RequisitionApprover.PEOPLE, null));
		ApprovalRules.Due byHr = rules.due(company.team2.id(), BigDecimal.TEN, hr.username());
		assertThat(byHr.approver()).isEqualTo(RequisitionApprover.DIRECTOR);
		assertThat(byHr.requesterExcluded()).isTrue();
		assertThat(rules.mayDecide(hr, byHr, hr.username())).isFalse();
		assertThat(rules.due(company.team2.id(), BigDecimal.TEN, lead2.username()).approver())
			.isEqualTo(RequisitionApprover.PEOPLE);
		// A director never decides their own requisition either.
		ApprovalRules.Due director = rules.due(top.id(), BigDecimal.TEN, TwoTeamCompany.ADMIN.username());
		assertThat(rules.mayDecide(TwoTeamCompany.ADMIN, director, TwoTeamCompany.ADMIN.username())).isFalse();
	}

	@Test
	void managersReadOnlyTheRulesOfTheUnitsTheyManagePagedInSql() {
		rules.set(TwoTeamCompany.ADMIN, company.team1.id(), null,
				new ApprovalRules.RuleDetails(RequisitionApprover.UPPER_MANAGER, null));
		rules.set(TwoTeamCompany.ADMIN, company.team2.id(), null,
				new ApprovalRules.RuleDetails(RequisitionApprover.PEOPLE, null));
		io.rumbo.shared.web.ListQuery all = io.rumbo.shared.web.ListQuery.of(0, 500, null, ApprovalRules.SORTS,
				"unit");
		assertThat(rules.list(lead1, all).content()).extracting(ApprovalRules.RuleView::unitId)
			.containsExactly(company.team1.id());
		assertThat(rules.list(hr, all).content()).extracting(ApprovalRules.RuleView::unitId)
			.contains(company.team1.id(), company.team2.id());
		var firstOfOne = rules.list(bossUser, io.rumbo.shared.web.ListQuery.of(0, 1, null, ApprovalRules.SORTS,
				"unit"));
		assertThat(firstOfOne.content()).hasSize(1);
		assertThat(firstOfOne.page().totalElements()).isEqualTo(2);
		assertThatThrownBy(() -> rules.list(anaUser, all)).isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void twoPeopleCreatingTheSameRuleAtOnceMakeOneAndTheOtherIsToldSo() throws Exception {
		org.springframework.transaction.support.TransactionTemplate tx =
				new org.springframework.transaction.support.TransactionTemplate(transactions);
		java.util.concurrent.CountDownLatch inserted = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
		try {
			var first = pool.submit(() -> tx.executeWithoutResult(status -> {
				rules.set(TwoTeamCompany.ADMIN, company.team1.id(), null,
						new ApprovalRules.RuleDetails(RequisitionApprover.DIRECTOR, null));
				inserted.countDown();
				try {
					release.await(20, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(inserted.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			// The second one reads no rule (the first is not committed), then its insert waits on the key.
			var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
				try {
					rules.set(TwoTeamCompany.ADMIN, company.team1.id(), null,
							new ApprovalRules.RuleDetails(RequisitionApprover.PEOPLE, null));
					return (Throwable) null;
				}
				catch (RuntimeException ex) {
					return ex;
				}
			});
			Thread.sleep(500);
			release.countDown();
			first.get(20, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(second.get(20, java.util.concurrent.TimeUnit.SECONDS))
				.isInstanceOfSatisfying(io.rumbo.shared.domain.ConflictException.class,
						e -> assertThat(e.messageKey()).isEqualTo("people.approvalRule.exists"));
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(rules.due(company.team1.id(), BigDecimal.ONE).approver()).isEqualTo(RequisitionApprover.DIRECTOR);
	}

	@Test
	void withdrawingAQualificationKeepsItsEvidenceWithTheWithdrawal() {
		long holding = holdingOfAna();
		FileView file = evidence.upload(hr, holding, upload("licencia.pdf", pdf()));
		long version = holdings.get(hr, holding).version();
		HoldingWithdrawals.Withdrawal w = withdrawals.withdraw(hr, holding, version, "Licencia revocada");
		assertThat(w.files()).extracting(FileView::id).containsExactly(file.id());
		assertThat(withdrawals.ofPerson(lead1, ana.id()).get(0).files()).extracting(FileView::fileName)
			.containsExactly("licencia.pdf");
		assertThat(withdrawals.download(bossUser, w.id(), file.id()).content()).isEqualTo(pdf());
		assertThat(withdrawals.ofPerson(anaUser, ana.id()).get(0).files()).as("the person reads the history only")
			.isEmpty();
		for (CurrentUser outsider : List.of(anaUser, lead2, TwoTeamCompany.ADMIN)) {
			assertThatThrownBy(() -> withdrawals.download(outsider, w.id(), file.id())).as(outsider.username())
				.isInstanceOf(NotFoundException.class);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM people_file WHERE owner_kind = 'HOLDING' AND owner_id = :h")
			.param("h", holding).query(Long.class).single()).as("nothing left on the deleted holding").isZero();
	}

	@Test
	void sizesAreNumbersTheMessagesWriteInTheReadersLanguage() {
		assertThat(PeopleFiles.megabytes(512 * 1024)).isEqualByComparingTo("0.5");
		Object[] args = { "a.pdf", PeopleFiles.megabytes(512 * 1024), PeopleFiles.megabytes(5L * 1024 * 1024) };
		assertThat(messages.getMessage("people.file.tooLarge", args, java.util.Locale.forLanguageTag("es")))
			.contains("0,5 MB").contains("5 MB");
		assertThat(messages.getMessage("people.file.tooLarge", args, java.util.Locale.ENGLISH)).contains("0.5 MB");
	}

	// ---- evidence files and the upload rules

	private long holdingOfAna() {
		QualificationView q = qualifications.create(hr, new Qualifications.QualificationDetails(company.code + "Q",
				"Cert " + company.code, QualificationKind.PRODUCT_CERTIFICATION, null, 1, null, null));
		return holdings.record(hr, new StaffQualifications.HoldingDetails(ana.id(), q.id(), 1,
				LocalDate.now(clock).minusDays(3), null, null)).id();
	}

	static PeopleFiles.Upload upload(String name, byte[] content) {
		return new PeopleFiles.Upload(name, content.length, new ByteArrayResource(content));
	}

	static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	@Test
	void evidenceIsReadByPeopleThePersonAndTheirManagersOnly() {
		long holding = holdingOfAna();
		FileView file = evidence.upload(hr, holding, upload("certificado.pdf", pdf()));
		assertThat(file.contentType()).isEqualTo("application/pdf");
		for (CurrentUser reader : List.of(hr, anaUser, lead1, bossUser)) {
			assertThat(evidence.download(reader, holding, file.id()).content()).as(reader.username()).isEqualTo(pdf());
		}
		for (CurrentUser outsider : List.of(pedroUser, lead2, TwoTeamCompany.ADMIN)) {
			assertThatThrownBy(() -> evidence.download(outsider, holding, file.id())).as(outsider.username())
				.isInstanceOf(NotFoundException.class);
		}
		assertThat(evidence.ofPerson(anaUser, ana.id())).containsKey(holding);
		assertThat(evidence.ofPerson(lead2, ana.id())).isEmpty();
		assertThatThrownBy(() -> evidence.upload(anaUser, holding, upload("mine.pdf", pdf())))
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> evidence.archive(lead1, holding, file.id())).isInstanceOf(AccessRefusedException.class);
		evidence.archive(hr, holding, file.id());
		assertThatThrownBy(() -> evidence.download(hr, holding, file.id())).isInstanceOf(NotFoundException.class);
		assertThat(evidence.ofPerson(hr, ana.id())).doesNotContainKey(holding);
	}

	@Test
	void anUploadIsRefusedNamingTheFileWhenTooLargeEmptyOrOfAnotherTypeByItsContent() {
		long holding = holdingOfAna();
		byte[] large = Arrays.copyOf(pdf(), 5 * 1024 * 1024 + 1);
		assertThatThrownBy(() -> evidence.upload(hr, holding, upload("grande.pdf", large)))
			.isInstanceOfSatisfying(ValidationFailedException.class, e -> {
				assertThat(e.errors().get(0).messageKey()).isEqualTo("people.file.tooLarge");
				assertThat(e.errors().get(0).arguments()).containsExactly("grande.pdf", new BigDecimal("5"), new BigDecimal("5"));
			});
		// A program renamed as a PDF: the content says what it is.
		byte[] program = "MZ\u0090\u0000 this is not a document".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> evidence.upload(hr, holding, upload("C:\\fotos\\cert.pdf", program)))
			.isInstanceOfSatisfying(ValidationFailedException.class, e -> {
				assertThat(e.errors().get(0).field()).isEqualTo("file");
				assertThat(e.errors().get(0).messageKey()).isEqualTo("people.file.type");
				assertThat(e.errors().get(0).arguments()).containsExactly("cert.pdf");
			});
		assertThatThrownBy(() -> evidence.upload(hr, holding, upload("vacio.pdf", new byte[0])))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("people.file.empty"));
		// The name is neutralised and takes the extension of what the file is.
		FileView kept = evidence.upload(hr, holding, upload("../../etc/<script>informe final.exe", pdf()));
		assertThat(kept.fileName()).isEqualTo("script_informe final.pdf");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM people_file WHERE owner_kind = 'HOLDING' AND owner_id = :h")
			.param("h", holding).query(Long.class).single()).isEqualTo(1L);
	}

	// ---- the roster follows a change of job role

	@Test
	void aChangeOfJobRoleReachesTheRosterWhenItHappens(Scenario scenario) {
		StaffView current = staff.get(TwoTeamCompany.ADMIN, ana.id());
		scenario.stimulate(() -> staff.update(TwoTeamCompany.ADMIN, ana.id(), current.version(),
				new StaffManagement.StaffDetails(current.employeeNumber(), current.firstName(), current.lastName(), null,
						null, current.hireDate(), company.team2.id(), JobRole.TEAM_LEADER, current.status(),
						current.qualificationLevel(), current.userId(), null)))
			.andWaitForEventOfType(StaffRoleChanged.class)
			.matching(e -> e.staff().value() == ana.id())
			.toArriveAndVerify(e -> {
				assertThat(e.from()).isEqualTo(JobRole.SALESPERSON);
				assertThat(e.to()).isEqualTo(JobRole.TEAM_LEADER);
				assertThat(e.unit().value()).isEqualTo(company.team2.id());
			});
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(jdbc.sql("SELECT job_role || ':' || unit_id FROM people_person WHERE staff_id = :s")
					.param("s", ana.id()).query(String.class).single())
					.isEqualTo("TEAM_LEADER:" + company.team2.id()));
	}
}
