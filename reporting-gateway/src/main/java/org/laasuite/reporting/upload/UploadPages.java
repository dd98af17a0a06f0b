package org.laasuite.reporting.upload;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ImportFiles;
import org.laasuite.indicators.v1.ImportProgress;
import org.laasuite.indicators.v1.ImportSimpleViewRequest;
import org.laasuite.indicators.v1.ImportSimpleViewResponse;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.reporting.entry.PersonRights;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.type.v1.ImportProblem;

/**
 * The upload page ({@code /import}), for signed-in people whose rights allow importing (managing indicators: the
 * performance group and the secretariat; anyone else is refused 403). A CSV file or an Excel workbook of the Simple
 * View is chosen and sent (a multipart form, at most {@link ImportFiles#MAX_BYTES}, the indicators service's own
 * limit; a larger one is refused 413, a file of another kind 415); the gateway keeps it ({@link Uploads}) and
 * checks it at once (ImportSimpleView with validate_only): every problem by sheet, row and column, or what would be
 * written. "Import" then imports the kept file (StreamImportSimpleView, once however often it is sent: its id is the
 * request_id) and leads to a page that shows the import's progress until its result: a small script asks
 * {@code /import/{id}/progress} for it, and without scripts the page reloads itself. Every call is made with the
 * person's own token, so that the service checks their rights and audits the import as theirs.
 *
 * <p>The form carries its CSRF token as a part of the multipart body, which signin/CsrfCheck cannot read (it reads
 * URL-encoded forms): this controller checks it, with the same validator, before it reads anything else.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class UploadPages {

  private final Upstreams upstreams;
  private final Pages pages;
  private final Visitors visitors;
  private final Uploads uploads;
  private final CsrfTokenValidator<HttpRequest<?>> csrf;

  UploadPages(Upstreams upstreams, Pages pages, Visitors visitors, Uploads uploads,
      CsrfTokenValidator<HttpRequest<?>> csrf) {
    this.upstreams = upstreams;
    this.pages = pages;
    this.visitors = visitors;
    this.uploads = uploads;
    this.csrf = csrf;
  }

  /** A file refused before it is checked: too large (413) or of another kind (415). */
  static final class Refused extends RuntimeException {
    final HttpStatus status;

    Refused(HttpStatus status, String detail) {
      super(detail);
      this.status = status;
    }
  }

  /** A problem of the file as a line of the page. */
  public record Line(String sheet, String row, String column, String description) {
  }

  @Get(uri = "/import", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> show(HttpRequest<?> request, Authentication authentication) {
    allowed(SignedIn.required(authentication));
    return page(request, HttpStatus.OK, model("choose"));
  }

  /** Keeps the file chosen and checks it: the dry run's page. */
  @Post(uri = "/import", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  public HttpResponse<String> check(HttpRequest<?> request, Authentication authentication,
      @Nullable @Part("csrfToken") String csrfToken, @Nullable @Part("file") CompletedFileUpload file) {
    if (csrfToken == null || csrfToken.isBlank() || !csrf.validateCsrfToken(request, csrfToken)) {
      throw new AuthorizationException(authentication);
    }
    SignedIn me = SignedIn.required(authentication);
    allowed(me);
    if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
      throw ApiException.invalid("file", "choose a CSV file or an Excel workbook (.xlsx) of the Simple View");
    }
    if (file.getSize() > ImportFiles.MAX_BYTES) {
      throw tooLarge();
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getFilename().replaceAll("^.*[/\\\\]", "");
    if (content.length == 0) {
      throw ApiException.invalid("file", name + " is empty");
    }
    boolean workbook = kind(name, content);
    Upload upload = uploads.keep(Upload.owner(me.issuer(), me.subject()), name, content, workbook);
    ImportSimpleViewResponse checked = Answers.orPassOn(upstreams.indicatorsAs(me.token())
        .withDeadlineAfter(ImportRun.DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .importSimpleView(request(upload).setValidateOnly(true).clearRequestId().build()), ImportRun.DEADLINE, Upstreams.INDICATORS);
    // (Without the request_id: that is the import's, which a dry run must not use up.)
    Map<String, Object> model = model("checked");
    model.put("upload", upload);
    model.put("problems", lines(checked));
    model.put("counts", counts(checked));
    return page(request, HttpStatus.OK, model);
  }

  /** Imports the file kept under {@code id}, then shows its progress. */
  @Post(uri = "/import/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> start(Authentication authentication, String id) {
    SignedIn me = SignedIn.required(authentication);
    allowed(me);
    Upload upload = uploads.get(id, Upload.owner(me.issuer(), me.subject())).orElseThrow(UploadPages::notKept);
    uploads.run(upload, () -> ImportRun.start(upstreams, me.token(), request(upload).build()));
    return HttpResponse.seeOther(URI.create("/import/" + upload.id()));
  }

  /** The import's progress while it runs, then its result. */
  @Get(uri = "/import/{id}", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> progress(HttpRequest<?> request, Authentication authentication, String id) {
    SignedIn me = SignedIn.required(authentication);
    String owner = Upload.owner(me.issuer(), me.subject());
    ImportRun run = uploads.runOf(id, owner).orElseThrow(UploadPages::notKept);
    Upload upload = uploads.get(id, owner).orElseThrow(UploadPages::notKept);
    if (run.failure() != null) {
      throw run.failure();
    }
    Map<String, Object> model = model(run.finished() ? "done" : "running");
    model.put("upload", upload);
    model.put("said", said(run));
    model.put("progress", run.progress());
    if (run.finished()) {
      model.put("result", run.result());
      model.put("problems", lines(run.result()));
      model.put("counts", counts(run.result()));
    }
    return page(request, HttpStatus.OK, model);
  }

  /** The same as JSON, for the page's script: {@code finished}, {@code said}, and the service's latest progress. */
  @Get(uri = "/import/{id}/progress", produces = MediaType.APPLICATION_JSON)
  public Map<String, Object> progressJson(Authentication authentication, String id) {
    SignedIn me = SignedIn.required(authentication);
    ImportRun run = uploads.runOf(id, Upload.owner(me.issuer(), me.subject())).orElseThrow(UploadPages::notKept);
    ImportProgress p = run.progress();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("finished", run.finished());
    json.put("streamed", run.streamed());
    json.put("stage", p.getStage());
    json.put("done", p.getDone());
    json.put("total", p.getTotal());
    json.put("sheet", p.getSheet());
    json.put("said", said(run));
    return json;
  }

  /** The refusals of this page, as the gateway's error page shows them, naming the file. */
  @Error(exception = Refused.class)
  public HttpResponse<String> refused(HttpRequest<?> request, Refused e) {
    return page(request, e.status, "error", Map.of("status", e.status.getCode(), "title", e.status.getReason(),
        "detail", e.getMessage(), "violations", List.of(Map.of("field", "file", "description", e.getMessage()))));
  }

  /** A file over Micronaut's multipart limit (which is the same as {@link ImportFiles#MAX_BYTES}). */
  @Error(exception = ContentLengthExceededException.class)
  public HttpResponse<String> overLimit(HttpRequest<?> request, ContentLengthExceededException e) {
    return refused(request, tooLarge());
  }

  private static Refused tooLarge() {
    return new Refused(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The file is larger than an import takes: at most "
        + ImportFiles.MAX_BYTES + " bytes (8 MiB). Split it, or leave out what is not the Simple View.");
  }

  private static ApiException notKept() {
    return new ApiException(Status.Code.NOT_FOUND, "UPLOAD_NOT_FOUND", "This file is not kept here (a file is kept "
        + Uploads.KEPT.toMinutes() + " minutes after it was chosen, for the person who chose it): choose it again "
        + "on the upload page.", List.of());
  }

  /** Whether the file is a workbook; refused (415) when it is neither a CSV file nor a workbook, or not what it says. */
  static boolean kind(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    // An XLSX workbook is a ZIP archive: it begins with a ZIP entry's signature.
    boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    if (lower.endsWith(".xlsx")) {
      if (!zip) {
        throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, name + " is named as an Excel workbook (.xlsx) but is "
            + "not one: save the spreadsheet again as an Excel workbook, or as CSV.");
      }
      return true;
    }
    if (lower.endsWith(".csv")) {
      for (byte b : content) {
        if (b == 0) {
          throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, name + " is named as a CSV file but is not text: "
              + "save the spreadsheet as CSV (UTF-8), or as an Excel workbook (.xlsx).");
        }
      }
      return false;
    }
    throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, name + " is neither a CSV file (.csv) nor an Excel workbook "
        + "(.xlsx): the import reads those two" + (lower.endsWith(".xls") ? "; save this older Excel file as .xlsx"
        : "") + ".");
  }

  /** Refused (403) unless the person may import: manage indicators, over the whole partnership. */
  private void allowed(SignedIn me) {
    PersonRights rights = PersonRights.of(upstreams, me);
    if (!rights.holds(Permission.PERMISSION_MANAGE_INDICATORS, List.of())) {
      throw new ApiException(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", (rights.person().isEmpty()
          ? "This sign-in" : rights.person()) + " may not import the Simple View: that needs the right to manage "
          + "indicators, which the members of the performance group and of the secretariat have.", List.of());
    }
  }

  private static ImportSimpleViewRequest.Builder request(Upload upload) {
    return ImportSimpleViewRequest.newBuilder().setContent(ByteString.copyFrom(upload.content()))
        .setFileName(upload.fileName()).setRequestId(upload.id());
  }

  static List<Line> lines(ImportSimpleViewResponse r) {
    return r.getProblemsList().stream().map(UploadPages::line).toList();
  }

  private static Line line(ImportProblem p) {
    String column = p.getColumn().isEmpty() ? p.getPath() : p.getColumn();
    return new Line(p.getSheet(), p.getLine() > 0 ? String.valueOf(p.getLine()) : "", column, p.getDescription());
  }

  /** "155 indicators, 153 baselines, …": what the import writes, or would. */
  static String counts(ImportSimpleViewResponse r) {
    String s = r.getIndicators() + " indicators, " + r.getBaselines() + " baselines, " + r.getTargets() + " targets, "
        + r.getOutturns() + " outturns and " + r.getJudgements() + " judgements";
    return r.getWritten() ? s + (r.getPeriods() + r.getAreas() > 0 ? ", with " + r.getPeriods() + " periods and "
        + r.getAreas() + " areas" : "") : s;
  }

  /** The progress in words: "Writing: 40 of 155 rows (sheet CYP)". */
  static String said(ImportRun run) {
    if (run.finished()) {
      return "Finished.";
    }
    ImportProgress p = run.progress();
    if (!run.streamed() || p.getStage().isEmpty()) {
      return "Sent to the indicators service; waiting for its answer.";
    }
    String stage = p.getStage().substring(0, 1).toUpperCase(Locale.ROOT) + p.getStage().substring(1);
    return stage + ": " + p.getDone() + (p.getTotal() > 0 ? " of " + p.getTotal() : "") + " rows"
        + (p.getSheet().isEmpty() ? "" : " (sheet " + p.getSheet() + ")");
  }

  private Map<String, Object> model(String step) {
    Map<String, Object> model = new HashMap<>();
    model.put("step", step);
    model.put("maxBytes", ImportFiles.MAX_BYTES);
    return model;
  }

  private HttpResponse<String> page(HttpRequest<?> request, HttpStatus status, Map<String, Object> model) {
    return page(request, status, "import", model);
  }

  private HttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String template,
      Map<String, Object> model) {
    return HttpResponse.<String>status(status).body(pages.html(template, visitors.page(request, model), false))
        .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }
}
