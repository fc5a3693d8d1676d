package io.rumbo.support;

import java.time.LocalDate;
import java.util.Set;

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
 * A small company of a module test's own, built through organization's and identity's APIs only (what every later
 * module may use): a company with two teams, people with a sign-in account each, and a leader per team, so that the
 * data scopes (own, team, subtree) are real. Codes and user names start with a prefix unique to the test, so tests
 * sharing a database never meet. The people and their roles are the test's to choose.
 */
public final class TwoTeamCompany {

	/** Who builds the company: an administrator who is also a director. */
	public static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin",
			Set.of(Role.ADMIN, Role.DIRECTOR));

	private static final LocalDate FOUNDED = LocalDate.of(2000, 1, 1);

	private final OrgUnitManagement units;
	private final StaffManagement staff;
	private final UserManagement users;

	/** The prefix of every code and user name of this company ({@code R123456789}). */
	public final String code;

	public final OrgUnitView company;

	public final OrgUnitView team1;

	public final OrgUnitView team2;

	/** A company and its two teams ("Equipo 1", "Equipo 2"), not yet led, under codes starting with {@code letter}. */
	public TwoTeamCompany(OrgUnitManagement units, StaffManagement staff, UserManagement users, String letter) {
		this.units = units;
		this.staff = staff;
		this.users = users;
		this.code = letter + System.nanoTime() % 1_000_000_000;
		this.company = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code, code, OrgUnitKind.COMPANY, null,
				null, null, FOUNDED, null));
		this.team1 = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code + "T1", "Equipo 1", OrgUnitKind.TEAM,
				null, company.id(), null, FOUNDED, null));
		this.team2 = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code + "T2", "Equipo 2", OrgUnitKind.TEAM,
				null, company.id(), null, FOUNDED, null));
	}

	/** A sign-in account with one role, as the current user it signs in as. */
	public CurrentUser account(String name, Role role) {
		var account = users.create(ADMIN, new UserManagement.NewUser((code + name).toLowerCase(), code + name, null,
				"Un-secreto-muy-largo-2026!", Set.of(role)));
		return new CurrentUser(new UserId(account.id()), account.username(), code + name, Set.of(role));
	}

	/** A person of the unit, active since 2010, with the account. */
	public StaffView person(String number, OrgUnitView unit, JobRole role, CurrentUser user) {
		return staff.create(ADMIN, new StaffManagement.StaffDetails(code + number, "Nombre", code + number, null, null,
				LocalDate.of(2010, 1, 1), unit.id(), role, StaffStatus.ACTIVE, 3, user.id().value(), null));
	}

	/** The team, led by the person from now on. */
	public OrgUnitView lead(OrgUnitView team, StaffView leader) {
		return units.update(ADMIN, team.id(), team.version(), new OrgUnitManagement.UnitDetails(team.code(),
				team.name(), OrgUnitKind.TEAM, null, team.parentId(), leader.id(), FOUNDED, null));
	}
}
