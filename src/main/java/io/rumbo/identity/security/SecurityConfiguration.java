package io.rumbo.identity.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.authentication.DisabledException;
import org.springframework.web.servlet.LocaleResolver;

import io.rumbo.identity.AccessTokens;
import io.rumbo.identity.AuditTrail;
import io.rumbo.shared.web.LocaleSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the API is stateless and answers 401/403 as problem details, authenticated by bearer
 * tokens; the pages use form sign-in with CSRF protection and sessions kept in the database.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] PUBLIC_PAGES = { "/login", "/webjars/**", "/css/**", "/js/**", "/img/**",
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	/** Page sessions write their last access at most once a minute (see CoarseLastAccessSessions). */
	@Bean
	static BeanPostProcessor coarseLastAccessSessions() {
		return CoarseLastAccessSessions.wrapping();
	}

	/**
	 * No observation (timer, trace span) around each of the ~15 filters of every request, nor around each
	 * authorisation: they were a tenth of a page's time at 50 concurrent users and nobody reads them. The requests
	 * themselves are still timed ({@code http.server.requests}); sign-ins are audited (decision 0048).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// BCrypt today, with the algorithm id in the hash so that a later upgrade can re-hash on sign-in.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
			SignInThrottle throttle, AuditTrail audit) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, audit));
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, MessageSource messages, JsonMapper json,
			LocaleResolver locales) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			// A streamed answer (CSV) finishes on an async dispatch of a request that was already authorised.
			.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((request, response, failure) -> problem(request, response, messages, json,
						locales, HttpStatus.UNAUTHORIZED, "unauthorized"))
				.accessDeniedHandler((request, response, denied) -> problem(request, response, messages, json, locales,
						HttpStatus.FORBIDDEN, "forbidden")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(PUBLIC_PAGES)
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new RememberLocaleOnSignIn())
				.failureHandler((request, response, failure) -> response
					.sendRedirect(request.getContextPath() + "/login?error=" + failureCode(failure))))
			.logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(session -> session.invalidSessionUrl("/login?expired"))
			// Forms post and documents resolve links only to this application; other sites learn only our origin.
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
								+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	private static String failureCode(AuthenticationException failure) {
		if (failure instanceof SignInThrottledException throttled) {
			return "throttled&minutes=" + throttled.minutes();
		}
		if (failure instanceof DisabledException) {
			return "disabled";
		}
		return "bad";
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, MessageSource messages,
			JsonMapper json, LocaleResolver locales, HttpStatus status, String type) throws IOException {
		var locale = locales.resolveLocale(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "https://rumbo.io/problems/" + type);
		body.put("title", messages.getMessage("shared.problem." + type + ".title", null, locale));
		body.put("status", status.value());
		body.put("detail", messages.getMessage("shared.problem." + type + ".detail", null, locale));
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

	/** After sign-in the interface speaks the language the user chose last time. */
	static final class RememberLocaleOnSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.Authentication authentication)
				throws jakarta.servlet.ServletException, IOException {
			if (authentication.getPrincipal() instanceof RumboPrincipal principal && principal.locale() != null) {
				Cookie cookie = new Cookie(LocaleSupport.COOKIE, principal.locale());
				cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
				cookie.setMaxAge(365 * 24 * 3600);
				cookie.setHttpOnly(true);
				response.addCookie(cookie);
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}
	}
}
