package io.rumbo.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running application over real HTTP with real personal access tokens. */
public final class Api {

	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return MAPPER.readTree(body);
		}
	}

	private static final JsonMapper MAPPER = JsonMapper.builder().build();
	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
	private static final Map<String, String> PASSWORDS = new ConcurrentHashMap<>();

	/** Remembers the password of a user a test created (demo users have "demo"). */
	public static void password(String username, String password) {
		PASSWORDS.put(username, password);
	}

	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A token for a demo user (password "demo") or any user created with that password; cached per run. */
	public String token(String username) {
		return TOKENS.computeIfAbsent(base + username, k -> {
			Response answer = send("POST", "/api/v1/auth/tokens", null,
					Map.of("username", username, "password", PASSWORDS.getOrDefault(username, "demo"), "name", "tests"), Map.of());
			if (answer.status() != 201) {
				throw new IllegalStateException("No token for " + username + ": " + answer);
			}
			return answer.json().get("token").asString();
		});
	}

	public Response get(String path, String username) {
		return send("GET", path, token(username), null, Map.of());
	}

	public Response get(String path, String username, Map<String, String> headers) {
		return send("GET", path, token(username), null, headers);
	}

	public Response post(String path, String username, Object body) {
		return send("POST", path, token(username), body, Map.of());
	}

	public Response put(String path, String username, Object body) {
		return send("PUT", path, token(username), body, Map.of());
	}

	public Response delete(String path, String username) {
		return send("DELETE", path, token(username), null, Map.of());
	}

	public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : MAPPER.writeValueAsString(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends a file as the request body (text/csv or the XLSX type), as API clients of the imports do. */
	public Response upload(String path, String username, byte[] content, String contentType, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(content))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + token(username));
		headers.forEach(request::header);
		return exchange(request);
	}

	/** Sends a file as a multipart form field named "file". */
	public Response uploadMultipart(String path, String username, String fileName, byte[] content) {
		String boundary = "----rumbo" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
		body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", "Bearer " + token(username));
		return exchange(request);
	}

	private Response exchange(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}
}
