package io.rumbo.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Static files are linked by content hash, kept by the browser for a year and sent compressed. */
@RumboIntegrationTest
class StaticAssetsTests {

	private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"");

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.web.servlet.resource.ResourceUrlProvider resources;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesLinkStaticFilesByContentHashAndTheyAreCachedForAYearAndCompressed() throws Exception {
		String page = get("/login", false).body();
		Matcher links = LINK.matcher(page);
		int found = 0;
		while (links.find()) {
			String url = links.group(1);
			found++;
			assertThat(url).as("versioned link").matches(".*-[0-9a-f]{32}\\.(css|js)");
			HttpResponse<String> asset = get(url, true);
			assertThat(asset.statusCode()).as(url).isEqualTo(200);
			assertThat(asset.headers().firstValue("Cache-Control").orElse("")).as(url)
				.contains("max-age=31536000").contains("public");
			if (url.startsWith("/webjars/")) {
				// Libraries are large; our own small files stay under the 2 KB below which compression does not pay.
				assertThat(asset.headers().firstValue("Content-Encoding").orElse("")).as(url).isEqualTo("gzip");
			}
		}
		assertThat(found).as("links to Bootstrap's CSS and JS, htmx, rumbo.css, numbers.js and rumbo.js on the sign-in page")
			.isEqualTo(6);
	}

	@Test
	void pageLinksAreNotLookedUpAsStaticFiles() throws Exception {
		// Every @{...} link of a page goes through the resource URL provider: only the static folders may match, or
		// each link of each page is searched for on the class path at every request.
		org.springframework.util.AntPathMatcher matcher = new org.springframework.util.AntPathMatcher();
		for (String pageLink : new String[] { "/plans", "/quotas/2026", "/targets", "/customers/12" }) {
			assertThat(resources.getHandlerMap().keySet()).as(pageLink).noneMatch(p -> matcher.match(p, pageLink));
		}
		assertThat(resources.getHandlerMap().keySet()).contains("/css/**", "/js/**", "/img/**", "/webjars/**");
		// The icon is a static file too: hashed and kept a year.
		Matcher icon = Pattern.compile("href=\"(/img/favicon-[0-9a-f]{32}\\.svg)\"").matcher(get("/login", false).body());
		assertThat(icon.find()).as("hashed favicon link").isTrue();
		HttpResponse<String> served = get(icon.group(1), false);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
		assertThat(get("/static/css/rumbo.css", false).statusCode()).as("no second way to the files").isNotEqualTo(200);
		// The API explorer serves its own files (springdoc's handler), unaffected.
		HttpResponse<String> explorer = get("/swagger-ui/index.html", false);
		assertThat(explorer.statusCode()).isEqualTo(200);
		assertThat(explorer.body()).contains("swagger-ui");
	}

	@Test
	void pagesThemselvesAreNotKeptByTheBrowser() throws Exception {
		HttpResponse<String> page = get("/login", false);
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

	private HttpResponse<String> get(String path, boolean gzip) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.ISO_8859_1));
	}
}
