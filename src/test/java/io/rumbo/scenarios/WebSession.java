package io.rumbo.scenarios;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client for the pages: keeps cookies by hand and signs in through the form with its CSRF token. */
final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	final Map<String, String> cookies = new LinkedHashMap<>();

	HttpResponse<String> get(int port, String path) {
		return get(port, path, Map.of());
	}

	HttpResponse<String> get(int port, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		headers.forEach(request::header);
		return send(request, port);
	}

	HttpResponse<String> postForm(int port, String path, Map<String, String> form) {
		return postForm(port, path, form, Map.of());
	}

	HttpResponse<String> postForm(int port, String path, Map<String, String> form, Map<String, String> headers) {
		StringBuilder body = new StringBuilder();
		form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		headers.forEach(request::header);
		return send(request, port);
	}

	HttpResponse<String> signIn(int port, String username, String password) {
		String csrf = csrf(get(port, "/login").body());
		return postForm(port, "/login", Map.of("username", username, "password", password, "_csrf", csrf));
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new AssertionError("No CSRF token in page");
		}
		return m.group(1);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, int port) {
		if (!cookies.isEmpty()) {
			request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.toList()));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers().allValues("Set-Cookie").forEach(header -> {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
			});
			return response;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
