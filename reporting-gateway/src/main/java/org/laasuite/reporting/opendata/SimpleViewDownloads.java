package org.laasuite.reporting.opendata;

import io.grpc.Status;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.indicators.v1.ExportSimpleViewRequest;
import org.laasuite.indicators.v1.ExportSimpleViewResponse;
import org.laasuite.indicators.v1.FigureView;
import org.laasuite.indicators.v1.SimpleViewFormat;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.type.v1.LaaBlock;

/**
 * The LAA Simple View to download ({@code /export/simple-view.csv}, {@code /export/simple-view.xlsx}): the indicators
 * service's ExportSimpleView, a file ImportSimpleView reads back. What is published, read as the gateway as every
 * public page is; {@code ?view=latest} adds what is pending, read with the signed-in person's own token so that the
 * service shows only the indicators that person may see pending. {@code ?block=} narrows it to one block
 * ({@code CHILDREN_AND_YOUNG_PEOPLE} or {@code children-and-young-people}).
 */
@Controller("/export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class SimpleViewDownloads {

  private final Upstreams upstreams;
  private final Visitors visitors;
  private final Duration deadline;

  SimpleViewDownloads(Upstreams upstreams, Visitors visitors,
      @Value("${laa.reporting.export-deadline:30s}") Duration deadline) {
    this.upstreams = upstreams;
    this.visitors = visitors;
    this.deadline = deadline;
  }

  @Get(uri = "/simple-view.csv", produces = "text/csv")
  public HttpResponse<byte[]> csv(HttpRequest<?> request, @Nullable @QueryValue String block,
      @Nullable @QueryValue String view) {
    return download(request, SimpleViewFormat.SIMPLE_VIEW_FORMAT_CSV, block, view);
  }

  @Get(uri = "/simple-view.xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  public HttpResponse<byte[]> xlsx(HttpRequest<?> request, @Nullable @QueryValue String block,
      @Nullable @QueryValue String view) {
    return download(request, SimpleViewFormat.SIMPLE_VIEW_FORMAT_XLSX, block, view);
  }

  private HttpResponse<byte[]> download(HttpRequest<?> request, SimpleViewFormat format, @Nullable String block,
      @Nullable String view) {
    var asked = ExportSimpleViewRequest.newBuilder().setFormat(format).setBlock(block(block))
        .setView(view(view)).build();
    upstreams.reconnect();
    var stub = upstreams.indicators();
    if (asked.getView() == FigureView.FIGURE_VIEW_LATEST) {
      SignedIn me = visitors.of(request).signedIn();
      if (me == null) {
        throw ApiException.withField(Status.Code.UNAUTHENTICATED, "SIGN_IN_REQUIRED",
            "sign in to download the figures that are not yet published", "view");
      }
      stub = upstreams.indicatorsAs(me.token());
    }
    ExportSimpleViewResponse file = Answers.orPassOn(stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .exportSimpleView(asked), deadline, Upstreams.INDICATORS);
    return HttpResponse.ok(file.getContent().toByteArray())
        .contentType(MediaType.of(file.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getFileName() + "\"")
        // What is published is the same for everyone; what is pending is one person's.
        .header(HttpHeaders.CACHE_CONTROL, asked.getView() == FigureView.FIGURE_VIEW_LATEST ? "private, no-store"
            : "no-cache");
  }

  private static LaaBlock block(@Nullable String block) {
    if (block == null || block.isBlank()) {
      return LaaBlock.LAA_BLOCK_UNSPECIFIED;
    }
    return ProtoEnums.parse(LaaBlock.class, block.strip().toUpperCase(Locale.ROOT).replace('-', '_'))
        .orElseThrow(() -> ApiException.invalid("block", "'" + block + "' is not an LAA block: one of "
            + String.join(", ", ProtoEnums.values(LaaBlock.class).stream().map(ProtoEnums::shortName).toList())
            + ", or their slugs (children-and-young-people)"));
  }

  private static FigureView view(@Nullable String view) {
    if (view == null || view.isBlank() || view.equalsIgnoreCase("published")) {
      return FigureView.FIGURE_VIEW_PUBLISHED;
    }
    if (view.equalsIgnoreCase("latest")) {
      return FigureView.FIGURE_VIEW_LATEST;
    }
    throw ApiException.invalid("view", "must be 'published' (the default) or 'latest', not '" + view + "'");
  }
}
