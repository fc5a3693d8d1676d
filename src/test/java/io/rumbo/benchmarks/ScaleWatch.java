package io.rumbo.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a benchmark watches while it runs requests against the application in its own JVM: one thread collects and
 * reads the heap in use every five seconds (the heap after a collection: what the requests hold, not their
 * garbage; a full collection every half second stopped the application most of the time and slowed every request
 * fourfold), another asks {@code /actuator/health} every half second and keeps the longest time between two answers
 * and the failures (an answer other than 200, or none within ten seconds).
 */
final class ScaleWatch implements AutoCloseable {

	private static final long HALF_SECOND = 500;
	private static final long FIVE_SECONDS = 5000;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final URI health;
	private final AtomicLong peak = new AtomicLong();
	private final AtomicLong polls = new AtomicLong();
	private final AtomicLong failures = new AtomicLong();
	private final AtomicLong longestGap = new AtomicLong();
	private volatile long lastAnswer = System.nanoTime();
	private volatile String firstFailure = "none";
	private volatile boolean running = true;
	private final Thread heapSampler;
	private final Thread healthPoller;

	ScaleWatch(int port) {
		health = URI.create("http://localhost:" + port + "/actuator/health");
		heapSampler = started("bench-heap", () -> every(FIVE_SECONDS, this::sample));
		healthPoller = started("bench-health", () -> every(HALF_SECOND, this::poll));
	}

	private static Thread started(String name, Runnable loop) {
		Thread thread = new Thread(loop, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/** Collects and answers the heap in use, recording it in the peak since the last {@link #reset()}. */
	long sample() {
		System.gc();
		long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		peak.accumulateAndGet(used, Math::max);
		return used;
	}

	/** Starts a new peak. */
	void reset() {
		peak.set(0);
	}

	/** The largest heap after a collection since the last {@link #reset()}, a sample taken now included. */
	long peak() {
		sample();
		return peak.get();
	}

	/** The longest time between two health answers so far (the time since the last one included), in ms. */
	long longestGapMs() {
		return Math.max(longestGap.get(), System.nanoTime() - lastAnswer) / 1_000_000;
	}

	long polls() {
		return polls.get();
	}

	long failures() {
		return failures.get();
	}

	String firstFailure() {
		return firstFailure;
	}

	private void poll() {
		polls.incrementAndGet();
		String failure;
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10))
				.GET().build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() == 200) {
				long now = System.nanoTime();
				longestGap.accumulateAndGet(now - lastAnswer, Math::max);
				lastAnswer = now;
				return;
			}
			failure = "status " + answer.statusCode() + ": " + answer.body();
		}
		catch (Exception ex) {
			if (!running) {
				return;
			}
			failure = ex.toString();
		}
		if (failures.getAndIncrement() == 0) {
			firstFailure = failure;
		}
	}

	private void every(long ms, Runnable action) {
		while (running) {
			action.run();
			try {
				Thread.sleep(ms);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		longestGap.accumulateAndGet(System.nanoTime() - lastAnswer, Math::max);
		running = false;
		heapSampler.join();
		healthPoller.join();
	}
}
