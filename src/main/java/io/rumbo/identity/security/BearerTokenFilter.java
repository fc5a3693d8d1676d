package io.rumbo.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.rumbo.identity.AccessTokens;
import io.rumbo.identity.SignIns;

/** Authenticates API calls that carry {@code Authorization: Bearer <personal access token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final AccessTokens tokens;

	BearerTokenFilter(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).trim();
			tokens.authenticate(token).ifPresent(user -> {
				request.setAttribute(SignIns.TOKEN_ATTRIBUTE, token);
				RumboPrincipal principal = new RumboPrincipal(user, null, true, null);
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
						principal.getAuthorities()));
				SecurityContextHolder.setContext(context);
			});
		}
		chain.doFilter(request, response);
	}
}
