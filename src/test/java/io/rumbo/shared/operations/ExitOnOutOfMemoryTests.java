package io.rumbo.shared.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * An OutOfMemoryError must end the process (so that the service manager restarts it) instead of leaving a server
 * whose acceptor thread died. Running the whole application out of memory is slow and flaky, so this checks the two
 * halves: every documented way of starting Rumbo passes {@code -XX:+ExitOnOutOfMemoryError}, and that flag ends a
 * JVM even when, as in Tomcat's acceptor, the error is caught and the process would otherwise stay up.
 */
class ExitOnOutOfMemoryTests {

	private static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

	@Test
	void everyDocumentedStartPassesTheFlag() throws Exception {
		String pom = Files.readString(Path.of("pom.xml"));
		String plugin = pom.substring(pom.indexOf("<artifactId>spring-boot-maven-plugin</artifactId>"));
		plugin = plugin.substring(0, plugin.indexOf("</plugin>"));
		assertThat(plugin).contains("<jvmArguments>" + FLAG);
		assertThat(Files.readString(Path.of("README.md"))).contains("java " + FLAG + " -jar target/rumbo-");
		String operations = Files.readString(Path.of("docs/operations.md"));
		assertThat(operations).contains("ExecStart=/usr/bin/java " + FLAG).contains("Restart=always");
	}

	@Test
	void theFlagEndsAJvmThatCatchesTheError() throws Exception {
		assertThat(run(FLAG)).as("exit code with the flag").isEqualTo(3);
	}

	@Test
	void withoutTheFlagTheJvmSurvivesDeaf() throws Exception {
		// The control: the same program keeps running after the error, which is the failure the flag prevents.
		assertThat(run("-XX:-ExitOnOutOfMemoryError")).as("still running without the flag").isEqualTo(-1);
	}

	/** The exit code of {@link Hog} under these options, or -1 when it still runs after ten seconds. */
	private static int run(String option) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx32m", option, "-cp", System.getProperty("java.class.path"),
				Hog.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
		}
		finally {
			process.destroyForcibly();
		}
	}

	/** Runs out of memory on a worker thread that swallows the error, like a server thread, and then idles. */
	public static final class Hog {

		public static void main(String[] args) throws Exception {
			Thread worker = new Thread(() -> {
				try {
					List<long[]> hoard = new ArrayList<>();
					while (true) {
						hoard.add(new long[1 << 20]);
					}
				}
				catch (OutOfMemoryError swallowed) {
					// A server thread that dies here leaves the process alive and no longer accepting.
				}
			});
			worker.start();
			worker.join();
			Thread.sleep(60_000);
		}
	}
}
