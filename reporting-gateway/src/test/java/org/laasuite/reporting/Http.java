package org.laasuite.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Plain HTTP GETs (and a POST) against a gateway, answers of any status returned as they are. */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {
  }

  static HttpResponse<String> get(URI base, String path) {
    return send(base, path, Map.of(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET accepting only the given media type. */
  static HttpResponse<String> get(URI base, String path, String accept) {
    return send(base, path, Map.of("Accept", accept), HttpResponse.BodyHandlers.ofString());
  }

  /** A page read as a browser reads it, which must answer 200, parsed. */
  static org.jsoup.nodes.Document page(URI base, String path) {
    HttpResponse<String> response = get(base, path, "text/html");
    org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
    return org.jsoup.Jsoup.parse(response.body());
  }

  /** A GET sending {@code authorization} as its Authorization header. */
  static HttpResponse<String> authorized(URI base, String path, String authorization) {
    return send(base, path, Map.of("Authorization", authorization), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<byte[]> bytes(URI base, String path) {
    return send(base, path, Map.of(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A POST of a JSON body, with {@code headers}. */
  static HttpResponse<String> postJson(URI base, String path, Map<String, String> headers, String json) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return send(base, path, all, HttpResponse.BodyHandlers.ofString(), HttpRequest.BodyPublishers.ofString(json));
  }

  private static <T> HttpResponse<T> send(URI base, String path, Map<String, String> headers,
      HttpResponse.BodyHandler<T> handler) {
    return send(base, path, headers, handler, null);
  }

  private static <T> HttpResponse<T> send(URI base, String path, Map<String, String> headers,
      HttpResponse.BodyHandler<T> handler, HttpRequest.BodyPublisher post) {
    try {
      // The raw path: tests send what a browser or an attacker would, unnormalised.
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
          .timeout(Duration.ofSeconds(60));
      request = post == null ? request.GET() : request.POST(post);
      headers.forEach(request::header);
      return CLIENT.send(request.build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a raw GET answered: its status, its Content-Type and its body. */
  record Raw(int status, String contentType, String body) {
  }

  /**
   * A GET of {@code path} written on the socket exactly as given, so that an address no URI class
   * accepts ("/report-cards/%ZZ") reaches the gateway as a client could send it, accepting {@code accept}.
   */
  static Raw raw(URI base, String path, String accept) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      String head = end < 0 ? answer : answer.substring(0, end);
      String contentType = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
          .map(l -> l.substring("content-type:".length()).strip()).findFirst().orElse("");
      return new Raw(Integer.parseInt(head.split(" ")[1]), contentType, end < 0 ? "" : answer.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
