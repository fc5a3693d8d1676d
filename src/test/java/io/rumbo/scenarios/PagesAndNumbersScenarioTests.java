package io.rumbo.scenarios;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page links its favicon, and figures on a page are written one way per language. */
@RumboIntegrationTest
class PagesAndNumbersScenarioTests {

	private static final Pattern ICON = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"([^\"]+)\"");
	private static final Pattern TOTALS = Pattern.compile("<dd class=\"col-6 text-end\">([^<]+)</dd>");

	@LocalServerPort
	int port;

	@Test
	void theSignInPageLinksAFaviconThatIsServedWithoutSigningIn() throws Exception {
		String login = new WebSession().get(port, "/login").body();
		Matcher icon = ICON.matcher(login);
		assertThat(icon.find()).as("a favicon link in the layout").isTrue();
		HttpResponse<String> served = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + icon.group(1))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
		assertThat(served.body()).contains("<svg");
	}

	@Test
	void orderTotalsWriteMoneyWithCurrencyAndCentsAndCountsWhole() {
		WebSession web = new WebSession();
		web.signIn(port, "director", "demo");
		List<String> english = totals(web.get(port, "/orders?lang=en").body());
		assertThat(english).hasSize(4);
		assertThat(english.get(0)).matches("\\d{1,3}(,\\d{3})*");
		assertThat(english.get(1)).matches("-?€\\d{1,3}(,\\d{3})*\\.\\d{2}");
		assertThat(english.get(2)).matches("-?€\\d{1,3}(,\\d{3})*\\.\\d{2}");
		assertThat(english.get(3)).matches("\\d{1,3}(,\\d{3})*");
		List<String> spanish = totals(web.get(port, "/orders?lang=es").body());
		assertThat(spanish.get(1)).matches("-?\\d{1,3}(\\.\\d{3})*,\\d{2}\u00a0€");
		assertThat(spanish.get(3)).matches("\\d{1,3}(\\.\\d{3})*");
	}

	@Test
	void aNumberTypedTheOtherLanguagesWayComesBackOnTheFormNamingTheFieldAndWritesNothing() {
		WebSession web = new WebSession();
		web.signIn(port, "director", "demo");
		String plans = web.get(port, "/plans?lang=es").body();
		assertThat(plans).contains("name=\"growthPercent\" type=\"text\" inputmode=\"decimal\"");
		HttpResponse<String> refused = web.postForm(port, "/plans", java.util.Map.of("fiscalYear", "2031", "name",
				"Plan 2031", "growthPercent", "5.5", "_csrf", WebSession.csrf(plans)));
		assertThat(refused.statusCode()).isEqualTo(302);
		String back = web.get(port, java.net.URI.create(refused.headers().firstValue("Location").orElseThrow()).getPath()).body();
		assertThat(back).contains("Crecimiento").contains("«5.5»").contains("12.000,50");
		assertThat(web.get(port, "/plans?lang=es").body()).doesNotContain("Plan 2031");
	}

	private static List<String> totals(String page) {
		String block = page.substring(page.indexOf("id=\"order-totals\""));
		block = block.substring(0, block.indexOf("</dl>"));
		List<String> found = new ArrayList<>();
		Matcher m = TOTALS.matcher(block);
		while (m.find()) {
			found.add(m.group(1).replace("&nbsp;", "\u00a0").replace("&euro;", "€"));
		}
		return found;
	}
}
