package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Metrics page on the demo company: a figure of a product line opens the records page filtered by that line,
 * which lists the order lines of that line's products with the credited share, and pages with the filter kept.
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
		assertThat(records).contains("id=\"records-line\"")
			.contains("Product line: " + catalog.line(line).name("en"))
			.contains(">Order line<")
			.doesNotContain(">Order<");
		if (records.contains("class=\"page-link\" href=")) {
			assertThat(records).contains("line=" + line + "&amp;page=1");
		}
	}
}
