package io.rumbo.territories.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.CurrentUser;
import io.rumbo.territories.AccountCopy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The territories' copy of the accounts (decision 0044): its state, and a rebuild as metrics has one. */
@RestController
@RequestMapping("/api/v1/territories/account-copy")
@Tag(name = "Territories")
class AccountCopyRestController {

	private final AccountCopy copy;

	AccountCopyRestController(AccountCopy copy) {
		this.copy = copy;
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "The state of the account copy (administrators)", description = "The sales year the copy's "
			+ "last year's figures cover (salesTo exclusive), whether an event that named no account left it stale "
			+ "(the next preview or balance rebuilds it), and when it was last rebuilt. 403 for anyone else.")
	AccountCopy.Status status(CurrentUser actor) {
		return copy.status(actor);
	}

	@PostMapping(value = "/rebuild", produces = "application/json")
	@Operation(summary = "Rebuild the account copy from the customers and sales records (administrators)",
			description = "Copies every live account again with last year's booked sales and margin, a chunk at a "
					+ "time, holding the copy's lock (events arriving meanwhile wait and apply on top); answers how "
					+ "many accounts it wrote and the sales year. Audited. 403 for anyone else.")
	AccountCopy.Report rebuild(CurrentUser actor) {
		return copy.rebuild(actor);
	}
}
