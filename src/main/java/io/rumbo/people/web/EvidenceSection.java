package io.rumbo.people.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.rumbo.identity.CurrentUser;
import io.rumbo.people.HoldingEvidence;
import io.rumbo.people.PeopleFiles;
import io.rumbo.people.StaffQualifications;

/**
 * What the evidence section of a person's page shows (decision 0040): the person's holdings with their files, and
 * PEOPLE's upload form. Rendered in the person's page itself (no script needed) and on its own for a refresh.
 */
@Component
class EvidenceSection {

	private final HoldingEvidence evidence;
	private final StaffQualifications holdings;
	private final PeopleFiles files;

	EvidenceSection(HoldingEvidence evidence, StaffQualifications holdings, PeopleFiles files) {
		this.evidence = evidence;
		this.holdings = holdings;
		this.files = files;
	}

	void addTo(CurrentUser user, long staffId, Model model) {
		model.addAttribute("staffId", staffId);
		model.addAttribute("evidenceHoldings", holdings.ofPerson(user, staffId));
		model.addAttribute("evidenceFiles", evidence.ofPerson(user, staffId));
		model.addAttribute("mayAddEvidence", HoldingEvidence.mayManage(user));
		model.addAttribute("maxFileMegabytes", files.maxMegabytes());
	}
}
