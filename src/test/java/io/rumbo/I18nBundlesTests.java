package io.rumbo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.rumbo.identity.Role;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.StaffStatus;
import io.rumbo.shared.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text exists in English and Spanish, and every key the code and templates use exists. The modules come
 * from Spring Modulith's model of the application, so a new module is covered without editing this test.
 */
class I18nBundlesTests {

	private static final List<String> MODULES = ModularityTests.MODULES.stream()
		.map(module -> module.getIdentifier().toString())
		.sorted()
		.toList();
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]+)[}(]");
	private static final Pattern JAVA_KEY = Pattern
		.compile("\"((?:" + String.join("|", MODULES) + ")\\.[a-zA-Z.-]+[a-zA-Z])\"");

	static List<String> modules() {
		return MODULES;
	}

	@ParameterizedTest
	@MethodSource("modules")
	void spanishAndEnglishBundlesHaveTheSameKeys(String module) throws IOException {
		Set<String> english = load("messages/" + module + ".properties").stringPropertyNames();
		Set<String> spanish = load("messages/" + module + "_es.properties").stringPropertyNames();
		assertThat(new TreeSet<>(spanish)).as("keys in " + module + "_es").isEqualTo(new TreeSet<>(english));
		load("messages/" + module + "_es.properties").forEach((key, value) -> assertThat(value.toString())
			.as(key.toString()).isNotBlank());
	}

	/** Properties keep the last of two equal keys silently; branches merged side by side can each add the same one. */
	@ParameterizedTest
	@MethodSource("modules")
	void noBundleSaysTheSameKeyTwice(String module) throws IOException {
		for (String bundle : List.of(module, module + "_es")) {
			Set<String> seen = new HashSet<>();
			Set<String> twice = new TreeSet<>();
			try (InputStream in = I18nBundlesTests.class.getResourceAsStream("/messages/" + bundle + ".properties")) {
				assertThat(in).as(bundle).isNotNull();
				new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map(String::strip)
					.filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
					.filter(line -> line.indexOf('=') > 0)
					.map(line -> line.substring(0, line.indexOf('=')).strip())
					.filter(key -> !seen.add(key))
					.forEach(twice::add);
			}
			assertThat(twice).as("keys written twice in " + bundle).isEmpty();
		}
	}

	@Test
	void theApplicationReadsTheBundleOfEveryModuleAndNoOther() {
		List<String> expected = MODULES.stream().map(module -> "messages/" + module).toList();
		assertThat(MessageBundles.baseNames(new PathMatchingResourcePatternResolver()))
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
		Set<String> known = allKeys();
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = JAVA_KEY.matcher(Files.readString(file));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		used.removeIf(key -> key.endsWith("."));
		Set<String> missing = new TreeSet<>(used);
		missing.removeAll(known);
		assertThat(missing).as("keys used but missing from the bundles").isEmpty();
	}

	@Test
	void everyEnumValueShownOnPagesHasALabel() throws IOException {
		Set<String> known = allKeys();
		Set<String> expected = new HashSet<>();
		for (Role r : Role.values()) {
			expected.add("identity.role." + r);
		}
		for (OrgUnitKind k : OrgUnitKind.values()) {
			expected.add("organization.kind." + k);
		}
		for (JobRole j : JobRole.values()) {
			expected.add("organization.jobRole." + j);
		}
		for (StaffStatus s : StaffStatus.values()) {
			expected.add("organization.status." + s);
		}
		for (io.rumbo.catalog.UnitOfMeasure u : io.rumbo.catalog.UnitOfMeasure.values()) {
			expected.add("catalog.uom." + u);
		}
		for (io.rumbo.customers.CustomerStatus v : io.rumbo.customers.CustomerStatus.values()) {
			expected.add("customers.status." + v);
		}
		for (io.rumbo.customers.Segment v : io.rumbo.customers.Segment.values()) {
			expected.add("customers.segment." + v);
		}
		for (io.rumbo.customers.CompanySize v : io.rumbo.customers.CompanySize.values()) {
			expected.add("customers.size." + v);
		}
		for (io.rumbo.customers.ContactRole v : io.rumbo.customers.ContactRole.values()) {
			expected.add("customers.contactRole." + v);
		}
		for (io.rumbo.sales.ForecastCategory v : io.rumbo.sales.ForecastCategory.values()) {
			expected.add("sales.forecast." + v);
		}
		for (io.rumbo.sales.ActivityType v : io.rumbo.sales.ActivityType.values()) {
			expected.add("sales.activityType." + v);
		}
		for (io.rumbo.sales.OrderStatus v : io.rumbo.sales.OrderStatus.values()) {
			expected.add("sales.status." + v);
		}
		for (io.rumbo.customers.CaseCategory v : io.rumbo.customers.CaseCategory.values()) {
			expected.add("customers.caseCategory." + v);
		}
		for (io.rumbo.customers.CasePriority v : io.rumbo.customers.CasePriority.values()) {
			expected.add("customers.casePriority." + v);
		}
		for (String kind : java.util.List.of("products", "customers", "contacts", "orders", "visits", "service-cases")) {
			expected.add("imports.kind." + kind);
		}
		for (io.rumbo.planning.PlanState v : io.rumbo.planning.PlanState.values()) {
			expected.add("planning.state." + v);
			expected.add("planning.version.moved." + v);
		}
		for (io.rumbo.planning.ObjectiveKind v : io.rumbo.planning.ObjectiveKind.values()) {
			expected.add("planning.objectiveKind." + v);
		}
		for (io.rumbo.planning.InitiativeStatus v : io.rumbo.planning.InitiativeStatus.values()) {
			expected.add("planning.initiativeStatus." + v);
		}
		for (io.rumbo.planning.Measure v : io.rumbo.planning.Measure.values()) {
			expected.add("planning.measure." + v);
		}
		for (io.rumbo.planning.SpreadMethod v : io.rumbo.planning.SpreadMethod.values()) {
			expected.add("planning.method." + v);
		}
		for (int level = 1; level <= 5; level++) {
			expected.add("organization.qualification." + level);
		}
		expected.removeAll(known);
		assertThat(expected).isEmpty();
	}

	private static Set<String> allKeys() throws IOException {
		Set<String> keys = new HashSet<>();
		for (String module : MODULES) {
			keys.addAll(load("messages/" + module + ".properties").stringPropertyNames());
		}
		return keys;
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
