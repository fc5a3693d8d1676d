package io.rumbo.identity;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.rumbo.shared.DemoMode;

/**
 * Outside demo mode there is no default password: on the first start of an empty database the administrator
 * gets {@code rumbo.admin.password}, or a generated password printed once in the log.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final UserManagement users;
	private final DemoMode demo;
	private final String configuredPassword;

	FirstAdministrator(UserManagement users, DemoMode demo, @Value("${rumbo.admin.password:}") String configuredPassword) {
		this.users = users;
		this.demo = demo;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (demo.enabled() || users.anyUserExists()) {
			return;
		}
		boolean generated = configuredPassword.isBlank();
		String password = generated ? generate() : configuredPassword;
		users.provision(List.of(new UserManagement.NewUser("admin", "Administrator", null, password, Set.of(Role.ADMIN))),
				password);
		if (generated) {
			log.warn("Created the first administrator 'admin' with the one-time generated password: {} "
					+ "(it is not stored anywhere else; change it after signing in)", password);
		}
		else {
			log.info("Created the first administrator 'admin' with the password from rumbo.admin.password");
		}
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
