package io.rumbo.identity;

import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.shared.domain.ConflictException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identity module on its own (with shared, without the demo company): its security configuration, users and
 * tokens boot without any business module.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(CleanDatabase.class)
class IdentityModuleTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "identity");
	}

	@Autowired
	UserManagement users;

	@Autowired
	AccessTokens tokens;

	@Test
	void aTokenStandsForItsUserUntilTheUserIsArchived() {
		UserId id = users.provision(java.util.List.of(new UserManagement.NewUser("tokenuser", "Token User", null, "x",
				Set.of(Role.REP))), "a-long-enough-password").get("tokenuser");
		AccessTokens.IssuedToken issued = tokens.issue(id, "ci", 30);

		assertThat(tokens.authenticate(issued.token())).hasValueSatisfying(user -> {
			assertThat(user.id()).isEqualTo(id);
			assertThat(user.roles()).containsExactly(Role.REP);
		});
		assertThat(tokens.authenticate(issued.token() + "x")).isEmpty();

		CurrentUser admin = new CurrentUser(new UserId(Long.MAX_VALUE), "admin", "Admin", Set.of(Role.ADMIN));
		users.archive(admin, id.value());
		assertThat(tokens.authenticate(issued.token())).as("archived users' tokens stop working").isEmpty();
		assertThatThrownBy(() -> users.archive(admin, id.value())).isInstanceOf(ConflictException.class)
			.hasMessage("identity.user.alreadyArchived");
	}
}
