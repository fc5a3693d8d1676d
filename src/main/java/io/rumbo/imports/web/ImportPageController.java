package io.rumbo.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportJobs;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportUpload;
import io.rumbo.shared.domain.NotFoundException;

/** The import page: choose a kind, upload a file, follow its progress and read the outcome row by row. */
@Controller
class ImportPageController {

	private final ImportService imports;
	private final ImportJobs jobs;
	private final UploadLimits limits;

	ImportPageController(ImportService imports, ImportJobs jobs, UploadLimits limits) {
		this.imports = imports;
		this.jobs = jobs;
		this.limits = limits;
	}

	@GetMapping("/imports")
	String page(CurrentUser user, @RequestParam(required = false) String kind, Model model) {
		model.addAttribute("kinds", imports.kinds().stream().filter(i -> i.mayImport(user)).toList());
		model.addAttribute("kind", kind);
		return "imports/imports";
	}

	/** Starts the import and answers the progress panel, which polls until the job is done. */
	@PostMapping("/imports")
	String upload(CurrentUser user, @RequestParam String kind, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) @Nullable String encoding,
			@RequestParam(required = false) @Nullable String reason, Locale locale, Model model,
			HttpServletRequest request) throws IOException {
		imports.check(user, kind);
		String name = file.getOriginalFilename() == null ? kind + ".csv" : file.getOriginalFilename();
		Charset charset = ImportUpload.statedCharset(encoding, UploadLimits.charsetOf(file.getContentType()));
		// The job owns the spooled file from here and deletes it when it ends.
		String id = jobs.start(user, kind, ImportUpload.spool(file.getInputStream(), name, charset, limits.maxBytes()),
				locale, dryRun, reason);
		model.addAttribute("job", jobs.state(user, id).orElseThrow());
		return "true".equals(request.getHeader("HX-Request")) ? "imports/imports :: progress" : "redirect:/imports/jobs/" + id;
	}

	@GetMapping("/imports/jobs/{id}")
	String job(CurrentUser user, @PathVariable String id, Model model, HttpServletRequest request) {
		model.addAttribute("job", jobs.state(user, id).orElseThrow(() -> new NotFoundException("importJob", id)));
		if ("true".equals(request.getHeader("HX-Request"))) {
			return "imports/imports :: progress";
		}
		model.addAttribute("kinds", imports.kinds().stream().filter(i -> i.mayImport(user)).toList());
		return "imports/imports";
	}

	@GetMapping("/imports/samples/{kind}.csv")
	ResponseEntity<byte[]> sample(@PathVariable String kind) throws IOException {
		imports.kind(kind);
		ClassPathResource sample = new ClassPathResource("import-samples/" + kind + ".csv");
		if (!sample.exists()) {
			throw new NotFoundException("importSample", kind);
		}
		try (InputStream in = sample.getInputStream()) {
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + kind + ".csv\"")
				.body(in.readAllBytes());
		}
	}
}
