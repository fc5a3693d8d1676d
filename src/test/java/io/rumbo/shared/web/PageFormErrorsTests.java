package io.rumbo.shared.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** A page form refused by a facade comes back to its page with the reason in the reader's language. */
class PageFormErrorsTests {

	/** The pages that answer a GET: a thing, and the list. */
	private static final HandlerMapping PAGES = request -> request.getRequestURI().matches("/things(/\\d+)?")
			? new HandlerExecutionChain(new Object()) : null;

	private MockMvc mvc;

	/** Stands for a page controller that leaves the facade's refusals to the advice. */
	@Controller
	static class RefusingPages {

		@PostMapping({ "/things/{id}", "/things/{id}/archive", "/api/v1/things/{id}/archive" })
		String archive(@PathVariable long id, @RequestParam String why) {
			switch (why) {
				case "invalid" -> throw ValidationFailedException.of("size", "shared.validation.size", 500);
				case "conflict" -> throw new ConflictException("shared.validation.sortDirection", "up");
				default -> throw new StaleVersionException(3, "current");
			}
		}

		@GetMapping("/things")
		String list() {
			throw ValidationFailedException.of("page", "shared.validation.page");
		}
	}

	@BeforeEach
	void setUp() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/shared");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		FieldLabels labels = new FieldLabels(messages);
		ErrorResponses errors = new ErrorResponses(messages, labels);
		mvc = MockMvcBuilders.standaloneSetup(new RefusingPages())
			.setControllerAdvice(new PageFormErrors(errors, messages, labels, PAGES), errors)
			.build();
	}

	@Test
	void invalidInputGoesBackToTheFormsPageWithTheReasonInSpanish() throws Exception {
		mvc.perform(post("/things/7/archive").param("why", "invalid").header("Accept-Language", "es")
			.header("Referer", "http://localhost/things/7?tab=history"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/things/7?tab=history"))
			.andExpect(flash().attribute("flashText", "Tamaño de página: debe estar entre 1 y 500"))
			.andExpect(flash().attribute("flashKind", "danger"));
	}

	@Test
	void aConflictIsAWarningInTheReadersLanguage() throws Exception {
		mvc.perform(post("/things/7/archive").param("why", "conflict").header("Accept-Language", "en")
			.header("Referer", "http://localhost/things/7"))
			.andExpect(redirectedUrl("/things/7"))
			.andExpect(flash().attribute("flashText", "sort direction \"up\" must follow a sort key and be asc or desc"))
			.andExpect(flash().attribute("flashKind", "warning"));
	}

	@Test
	void aStaleVersionSaysThatSomeoneElseChangedTheRecord() throws Exception {
		mvc.perform(post("/things/7/archive").param("why", "stale").header("Accept-Language", "es")
			.header("Referer", "http://localhost/things/7"))
			.andExpect(redirectedUrl("/things/7"))
			.andExpect(flash().attribute("flashText",
					"Otra persona modificó este registro mientras usted trabajaba en él; no se ha guardado nada. "
							+ "La página muestra ahora su cambio: repita el suyo si aún hace falta."));
	}

	@Test
	void withoutARefererOrWithAnotherSitesItGoesBackToTheNearestPage() throws Exception {
		mvc.perform(post("/things/7").param("why", "invalid"))
			.andExpect(redirectedUrl("/things/7"));
		mvc.perform(post("/things/7/archive").param("why", "invalid"))
			.andExpect(redirectedUrl("/things/7"));
		mvc.perform(post("/things/7/archive").param("why", "invalid").header("Referer", "https://elsewhere.example/x"))
			.andExpect(redirectedUrl("/things/7"));
		mvc.perform(post("/things/7/archive").param("why", "invalid")
			.header("Referer", "http://localhost//elsewhere.example/x"))
			.andExpect(redirectedUrl("/things/7"));
	}

	@Test
	void theApiKeepsItsProblemDetails() throws Exception {
		mvc.perform(post("/api/v1/things/7/archive").param("why", "conflict").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://rumbo.io/problems/conflict"));
	}

	@Test
	void htmxRequestsAndPageReadsKeepTheErrorFragmentAndPage() throws Exception {
		mvc.perform(post("/things/7/archive").param("why", "invalid").header("HX-Request", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("shared/error :: problem"));
		mvc.perform(get("/things"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("shared/error"));
	}
}
