package io.rumbo.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A test-only event and its listener, to watch the event publication registry keep an event whose listener failed
 * and run it again. The state is static because the test starts a second application instance, whose listener is a
 * different bean.
 */
public record RegistryProbe(String id) {

	/** Ids whose listener fails for now. */
	public static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

	/** Ids the listener handled without failing. */
	public static final Set<String> HANDLED = ConcurrentHashMap.newKeySet();

	public static final AtomicInteger ATTEMPTS = new AtomicInteger();

	@Component
	static class Listener {

		@ApplicationModuleListener
		void on(RegistryProbe probe) {
			ATTEMPTS.incrementAndGet();
			if (FAILING.contains(probe.id())) {
				throw new IllegalStateException("Probe listener fails on purpose for " + probe.id());
			}
			HANDLED.add(probe.id());
		}
	}
}
