package io.rumbo.organization.imports;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.rumbo.identity.Role;

/**
 * The roles of a sign-in account as one cell of a staff file: role names separated by semicolons ({@code MANAGER;REP}),
 * in a fixed order so an exported file reads back unchanged. Commas are read too; semicolons are written because a
 * comma would need quoting in a comma-separated file.
 */
public final class AccountRoles {

	private AccountRoles() {
	}

	public static String format(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(";"));
	}

	/** The roles of a cell; {@code null} when a name is not a role (the caller reports it). */
	static @Nullable Set<Role> parse(String cell) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String part : cell.split("[;,]")) {
			String name = part.trim().toUpperCase(Locale.ROOT);
			if (name.isEmpty()) {
				continue;
			}
			try {
				roles.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return roles;
	}
}
