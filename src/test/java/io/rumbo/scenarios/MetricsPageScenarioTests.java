package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Metrics page on the demo company: a figure of a product line (of everything in scope, or of a unit's subtree)
 * opens the records page filtered by that line, which lists the order lines of that line's products with the credited
 * share, and pages with the filter kept.
 */
@RumboIntegrationTest
class MetricsPageScenarioTests {

	private static final Pattern RECORDS_LINK = Pattern
		.compile("href=\"(/metrics/records\\?measure=([a-z_]+)[^\"]*&amp;line=(\\d+)[^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	UserManagement users;

	@Autowired
	StaffManagement staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFigureOfAProductLineOpensTheOrderLinesOfThatLine() {
		String period = "FY" + calendar.years().yearOf(LocalDate.now()) + "-YTD";
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String page = rep.get(port, "/metrics?measures=revenue&measures=orders&by=line&period=" + period + "&lang=en")
			.body();
		Matcher link = RECORDS_LINK.matcher(page);
		assertThat(link.find()).as("a figure by line opens its records").isTrue();
		assertThat(link.group(2)).as("revenue is split by line, orders are not").isEqualTo("revenue");
		while (link.find()) {
			assertThat(link.group(2)).isEqualTo("revenue");
		}
		Matcher first = RECORDS_LINK.matcher(page);
		first.find();
		long line = Long.parseLong(first.group(3));
		String href = first.group(1).replace("&amp;", "&");
		assertThat(href).as("the period of the figure").contains("period=2");

		String records = rep.get(port, href + "&lang=en").body();
		assertThat(records).as("the figure of the line").contains("Net revenue of " + catalog.line(line).name("en"))
			.contains(">Order line<")
			.doesNotContain(">Order<");
		long me = staff.ownProfile(users.actAs("rep").orElseThrow()).orElseThrow().id();
		assertThat(rep.get(port, "/metrics/records?measure=revenue&period=" + period + "&person=" + me + "&line=" + line
				+ "&lang=en").body())
			.as("a person's figure of the line names both").contains("id=\"records-line\"")
			.contains("Product line: " + catalog.line(line).name("en"))
			.contains(">Order line<");
		if (records.contains("class=\"page-link\" href=")) {
			assertThat(records).contains("line=" + line + "&amp;page=1");
		}

		// Figures by line of one unit's subtree open to that subtree's order lines of the line.
		long unit = jdbc.sql("SELECT id FROM org_unit WHERE code = 'E-MAD-NOR'").query(Long.class).single();
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		Matcher ofUnit = RECORDS_LINK.matcher(director.get(port, "/metrics?measures=revenue&by=line&period=" + period
				+ "&unit=" + unit + "&lang=en").body());
		assertThat(ofUnit.find()).isTrue();
		assertThat(ofUnit.group(1)).contains("unit=" + unit + "&amp;line=");
	}
}
