package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * A browser of sorts at a gateway: cookies kept as a browser keeps them, redirects not followed, so that each can be
 * seen; it signs in as a demo person through the sign-in page of local mode, as a person clicks it.
 */
final class WebVisitor {

  static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
      .connectTimeout(Duration.ofSeconds(5)).build();

  WebVisitor(URI base) {
    this.base = base;
  }

  /** A visitor signed in as {@code person} ("people/david-smithson") with the form of the sign-in page. */
  static WebVisitor signedIn(URI base, String person) {
    WebVisitor visitor = new WebVisitor(base);
    var form = Jsoup.parse(visitor.get("/sign-in").body()).selectFirst("[data-person=" + person + "]").parent();
    var in = visitor.post(form.attr("action"), Map.of("person", form.selectFirst("[name=person]").val(),
        "csrfToken", form.selectFirst("[name=csrfToken]").val()));
    assertEquals(303, in.statusCode(), in.body());
    return visitor;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", ACCEPT).GET());
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", ACCEPT)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * A multipart form ({@code multipart/form-data}) as a browser sends one with a file: {@code fields} first, in their
   * order, then the file {@code content} as the part {@code fileField} named {@code fileName}.
   */
  HttpResponse<String> postFile(String path, Map<String, String> fields, String fileField, String fileName,
      byte[] content) {
    String boundary = "----laa" + java.util.UUID.randomUUID().toString().replace("-", "");
    var body = new java.io.ByteArrayOutputStream();
    fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", ACCEPT)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /**
   * Sends the form {@code css} of {@code page} as a browser would: its fields as they are (jsoup's form data), with
   * {@code typed} over them, and the {@code action} button's value ("check", "save", "submit") when not null.
   */
  HttpResponse<String> send(Document page, String css, Map<String, String> typed, String action) {
    FormElement form = (FormElement) page.selectFirst(css);
    Map<String, String> fields = new LinkedHashMap<>();
    form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
    fields.putAll(typed);
    if (action != null) {
      fields.put("action", action);
    }
    return post(form.attr("action"), fields);
  }

  /** The page at {@code path}, parsed. */
  Document page(String path) {
    return Jsoup.parse(get(path).body());
  }

  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private URI uri(String path) {
    return URI.create(base.toString().replaceAll("/$", "") + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
