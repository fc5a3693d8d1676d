package io.rumbo.people.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.ApprovalRules;
import io.rumbo.people.CandidateDocuments;
import io.rumbo.people.DocumentKind;
import io.rumbo.people.HoldingEvidence;
import io.rumbo.people.PeopleFiles;
import io.rumbo.people.RequisitionApprover;
import io.rumbo.shared.DemoMode;

/**
 * Decision 0040 in the demo, through the module's API: the CV of the candidate with an offer (a one-page PDF generated
 * here), the evidence of one salesperson's certification, and an approval rule for Región Norte (the manager of the
 * unit above a team approves its requisitions, a director above 45,000). Runs after the recruitment demo (Order 26),
 * whose requisitions a director approved under the company's default; once.
 */
@Component
@Order(28)
class DemoRecruitmentExtras implements ApplicationRunner {

	private final DemoMode demo;
	private final UserManagement users;
	private final CandidateDocuments documents;
	private final HoldingEvidence evidence;
	private final ApprovalRules rules;
	private final OrgDirectory org;
	private final JdbcClient jdbc;

	DemoRecruitmentExtras(DemoMode demo, UserManagement users, CandidateDocuments documents, HoldingEvidence evidence,
			ApprovalRules rules, OrgDirectory org, JdbcClient jdbc) {
		this.rules = rules;
		this.org = org;
		this.demo = demo;
		this.users = users;
		this.documents = documents;
		this.evidence = evidence;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser people = users.actAs("rrhh").or(() -> users.actAs("people")).orElse(null);
		if (!demo.enabled() || people == null
				|| jdbc.sql("SELECT COUNT(*) FROM people_file").query(Long.class).single() > 0) {
			return;
		}
		CurrentUser director = users.actAs("director").orElse(null);
		Long north = org.unitIdsByCode().get("R-NORTE");
		if (director != null && north != null) {
			rules.set(director, north, null, new ApprovalRules.RuleDetails(RequisitionApprover.UPPER_MANAGER,
					new java.math.BigDecimal("45000")));
		}
		jdbc.sql("SELECT id, first_name, last_name FROM people_candidate WHERE stage = 'OFFER' ORDER BY id")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) + " " + rs.getString(3) })
			.list().stream().findFirst()
			.ifPresent(c -> documents.upload(people, Long.parseLong(c[0]), DocumentKind.CV,
					upload("CV " + c[1] + ".pdf", pdf("Curriculum vitae", c[1],
							"Comercial con cinco anos de experiencia en distribucion.",
							"Ingles B2. Carnet de conducir B."))));
		jdbc.sql("""
				SELECT sq.id, pp.full_name, q.name FROM people_staff_qualification sq
				JOIN people_person pp ON pp.staff_id = sq.staff_id
				JOIN people_qualification q ON q.id = sq.qualification_id
				WHERE pp.active = TRUE AND pp.job_role = 'SALESPERSON' ORDER BY q.kind DESC, sq.id""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list().stream().findFirst()
			.ifPresent(h -> evidence.upload(people, Long.parseLong(h[0]),
					upload("Certificado " + h[2] + ".pdf", pdf("Certificado", h[1], h[2], "Emitido por Rumbo Formacion"))));
	}

	private static PeopleFiles.Upload upload(String name, byte[] content) {
		return new PeopleFiles.Upload(name, content.length, new ByteArrayResource(content));
	}

	/** A valid one-page PDF with a few lines of text (Helvetica, ASCII), its cross-reference table computed. */
	static byte[] pdf(String... lines) {
		StringBuilder text = new StringBuilder("BT /F1 14 Tf 72 760 Td 18 TL");
		for (String line : lines) {
			String ascii = java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7E]", "")
				.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
			text.append(" (").append(ascii).append(") Tj T*");
		}
		text.append(" ET");
		String stream = text.toString();
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
						+ "/Contents 5 0 R >>",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<Integer> offsets = new ArrayList<>();
		write(out, "%PDF-1.4\n");
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.size());
			write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
		}
		int xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
		write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
				+ "\n%%EOF\n");
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}
}
