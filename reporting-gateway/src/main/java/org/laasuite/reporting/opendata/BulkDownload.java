package org.laasuite.reporting.opendata;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything the partnership publishes, in one ZIP for anyone ({@code /open-data/laa-open-data.zip}, linked from the
 * dashboard): the indicators as the Simple View (CSV and workbook), the money as 360Giving (JSON package and
 * spreadsheet), the governance as Popolo, and {@code LICENCE.txt}: the licence they are published under
 * ({@code laa.open-data.licence-url}, the Open Government Licence v3.0 unless set), the publisher, and the date and
 * time each file was made. Only what is published (read as an anonymous reader is); each file is made by the same
 * code as its own download, so the ZIP never says anything they do not. A service that cannot answer fails the whole
 * download (503), never a ZIP with a file missing. OParl is an API, not a file: the licence file gives its address.
 */
@Controller("/open-data")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class BulkDownload {

  static final String FILE_NAME = "laa-open-data.zip";

  private final SimpleViewDownloads simpleView;
  private final OpenDataController openData;
  private final OpenDataSettings settings;

  BulkDownload(SimpleViewDownloads simpleView, OpenDataController openData, OpenDataSettings settings) {
    this.simpleView = simpleView;
    this.openData = openData;
    this.settings = settings;
  }

  /** One file of the ZIP: its name, what it holds, and when it was made. */
  private record Made(String name, String what, byte[] content, Instant at) {
  }

  @Get(uri = "/" + FILE_NAME, produces = "application/zip")
  public HttpResponse<byte[]> zip(HttpRequest<?> request) {
    List<Made> files = new ArrayList<>();
    made(files, "simple-view.csv", "the indicators, targets, outturns and judgements: the LAA Simple View (CSV)",
        () -> simpleView.csv(request, null, null).body());
    made(files, "simple-view.xlsx", "the same as an Excel workbook, a sheet per block",
        () -> simpleView.xlsx(request, null, null).body());
    made(files, "360giving.json", "the grants of the pooled funding: a 360Giving data package",
        () -> utf8(openData.grantsJson(null).body()));
    made(files, "360giving.csv", "the same grants in 360Giving's spreadsheet form",
        () -> utf8(openData.grantsCsv(null).body()));
    made(files, "popolo.json", "organisations, people, bodies, memberships and posts: Popolo",
        () -> utf8(openData.popolo().body()));
    files.add(new Made("LICENCE.txt", "", utf8(licence(request, files)), Instant.now()));
    return HttpResponse.ok(zipOf(files)).contentType("application/zip")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + FILE_NAME + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header("Link", "<" + settings.licenceUrl() + ">; rel=\"license\"");
  }

  private static void made(List<Made> files, String name, String what, Supplier<byte[]> make) {
    byte[] content = make.get();
    files.add(new Made(name, what, content, Instant.now()));
  }

  /** The licence statement: the publisher, the licence, and each file with what it holds and when it was made. */
  private String licence(HttpRequest<?> request, List<Made> files) {
    DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    StringBuilder b = new StringBuilder();
    b.append("Open data of ").append(settings.publisher()).append("\n\n");
    b.append("Published by ").append(settings.publisher()).append(" under ").append(licenceName())
        .append(":\n").append(settings.licenceUrl()).append("\n\n");
    b.append("You may copy, publish, adapt and use this information, also commercially, as the licence says;\n")
        .append("acknowledge the source: \"Contains information published by ").append(settings.publisher())
        .append(".\"\n\nThe files, each as it was made:\n");
    for (Made f : files) {
      b.append("- ").append(f.name()).append(" (").append(when.format(f.at().truncatedTo(ChronoUnit.SECONDS)))
          .append("): ").append(f.what()).append('\n');
    }
    b.append("\nThe meetings, bodies, people and memberships are also published as an OParl 1.1 API: ")
        .append(settings.baseUrl(request)).append("/oparl/v1/system\n");
    return b.toString();
  }

  private String licenceName() {
    return settings.licenceUrl().equals(OpenDataSettings.OGL_3) ? "the Open Government Licence v3.0"
        : "the licence at this address";
  }

  private static byte[] zipOf(List<Made> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Made f : files) {
        ZipEntry entry = new ZipEntry(f.name());
        entry.setLastModifiedTime(FileTime.from(f.at()));
        zip.putNextEntry(entry);
        zip.write(f.content());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
