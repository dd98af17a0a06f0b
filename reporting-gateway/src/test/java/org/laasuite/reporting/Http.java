package org.laasuite.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs against a gateway, answers of any status returned as they are. */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {
  }

  static HttpResponse<String> get(URI base, String path) {
    return send(base, path, null, HttpResponse.BodyHandlers.ofString());
  }

  /** A GET accepting only the given media type. */
  static HttpResponse<String> get(URI base, String path, String accept) {
    return send(base, path, accept, HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<byte[]> bytes(URI base, String path) {
    return send(base, path, null, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static <T> HttpResponse<T> send(URI base, String path, String accept, HttpResponse.BodyHandler<T> handler) {
    try {
      // The raw path: tests send what a browser or an attacker would, unnormalised.
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
          .timeout(Duration.ofSeconds(60)).GET();
      if (accept != null) {
        request.header("Accept", accept);
      }
      return CLIENT.send(request.build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
