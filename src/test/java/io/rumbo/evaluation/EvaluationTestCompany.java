package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;

/**
 * The small company the evaluation module's tests build for themselves: a company unit, teams under it led by a
 * person of their own, salespeople with or without a sign-in account, and measured figures written straight as
 * metrics facts (the module reads facts, not orders). Every code is prefixed by the test's own {@code code}, so
 * tests sharing a database never meet.
 */
final class EvaluationTestCompany {

	static final LocalDate FOUNDED = LocalDate.of(1980, 1, 1);

	private final CurrentUser admin;
	private final OrgUnitManagement units;
	private final StaffManagement staff;
	private final UserManagement users;
	private final JdbcClient jdbc;
	private final String code;

	private final OrgUnitView company;

	EvaluationTestCompany(CurrentUser admin, OrgUnitManagement units, StaffManagement staff, UserManagement users,
			JdbcClient jdbc, String code) {
		this.admin = admin;
		this.units = units;
		this.staff = staff;
		this.users = users;
		this.jdbc = jdbc;
		this.code = code;
		this.company = units.create(admin, new OrgUnitManagement.UnitDetails(code, code, OrgUnitKind.COMPANY, null,
				null, null, FOUNDED, null));
	}

	/** The company's own unit, the root of its teams. */
	OrgUnitView unit() {
		return company;
	}

	/** A team under the company, coded {@code code + suffix}. */
	OrgUnitView team(String suffix, String name) {
		return units.create(admin, new OrgUnitManagement.UnitDetails(code + suffix, name, OrgUnitKind.TEAM, null,
				company.id(), null, FOUNDED, null));
	}

	/** A sign-in account with one role, named {@code code + suffix} in lower case. */
	CurrentUser account(String suffix, String displayName, Role role) {
		var account = users.create(admin, new UserManagement.NewUser(code.toLowerCase() + suffix, displayName, null,
				EvaluationModuleTests.PASSWORD, Set.of(role)));
		return new CurrentUser(new UserId(account.id()), account.username(), displayName, Set.of(role));
	}

	/** A person of the team, employee number {@code code + suffix}, with the account when given, hired in 1990. */
	StaffView person(String suffix, String name, OrgUnitView team, JobRole role, @Nullable CurrentUser account) {
		return person(suffix, name, team, role, account, LocalDate.of(1990, 1, 1));
	}

	/** A person of the team hired on {@code hired}, so that they belong to no population of the days before. */
	StaffView person(String suffix, String name, OrgUnitView team, JobRole role, @Nullable CurrentUser account,
			LocalDate hired) {
		return staff.create(admin, new StaffManagement.StaffDetails(code + suffix, name, code + suffix, null, null,
				hired, team.id(), role, StaffStatus.ACTIVE, 3, account == null ? null : account.id().value(), null));
	}

	/** Makes {@code leader} the team's manager. */
	void lead(OrgUnitView team, StaffView leader) {
		units.update(admin, team.id(), team.version(), new OrgUnitManagement.UnitDetails(team.code(), team.name(),
				OrgUnitKind.TEAM, null, company.id(), leader.id(), FOUNDED, null));
	}

	/** The person's figure of a measure in the team for the month, replacing any they had of that measure. */
	void fact(StaffView person, OrgUnitView team, LocalDate month, String measure, String amount) {
		jdbc.sql("DELETE FROM metrics_fact WHERE staff_id = :s AND measure = :m").param("s", person.id())
			.param("m", measure).update();
		jdbc.sql("""
				INSERT INTO metrics_fact (staff_id, unit_id, month_start, line_id, measure, amount)
				VALUES (:s, :u, :month, 0, :m, :a)""")
			.param("s", person.id()).param("u", team.id()).param("month", month).param("m", measure)
			.param("a", new BigDecimal(amount)).update();
	}
}
