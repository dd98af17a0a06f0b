package org.laasuite.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench BASE_URL [N]: how fast the running gateway serves its pages. Each page is asked N times in
 * turn (after three warm-up requests) and the latencies printed; then the report card's JSON is asked
 * by four clients at once for the throughput. Bounded in count, loopback only: a measurement, not a
 * load test.
 */
final class Bench {

  private static final List<String> PAGES = List.of("/", "/blocks/children-and-young-people",
      "/report-cards/CYP-28", "/report-cards/CYP-28.pdf", "/api/v1/report-cards/CYP-28", "/api/v1/reports/quarterly",
      "/reports/quarterly", "/reports/review-pack.pdf");
  private static final int CLIENTS = 4;

  private Bench() {
  }

  static int run(List<String> args) throws Exception {
    String base = args.get(0).replaceAll("/$", "");
    int n = args.size() > 1 ? Integer.parseInt(args.get(1)) : 20;
    if (n < 1 || n > 1000) {
      System.err.println("N must be 1 to 1000");
      return 2;
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    System.out.printf("%-40s %5s %9s %9s %9s  %s%n", "page", "n", "p50 ms", "p95 ms", "max ms", "statuses");
    for (String page : PAGES) {
      for (int i = 0; i < 3; i++) {
        get(client, base + page);
      }
      long[] took = new long[n];
      TreeMap<Integer, Integer> statuses = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        statuses.merge(get(client, base + page), 1, Integer::sum);
        took[i] = System.nanoTime() - start;
      }
      Arrays.sort(took);
      System.out.printf("%-40s %5d %9.1f %9.1f %9.1f  %s%n", page, n, ms(took[n / 2]),
          ms(took[Math.min(n - 1, (int) Math.ceil(n * 0.95) - 1)]), ms(took[n - 1]), statuses);
    }
    String card = base + "/api/v1/report-cards/CYP-28";
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      long start = System.nanoTime();
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < n * CLIENTS; i++) {
        done.add(pool.submit(() -> get(client, card)));
      }
      int ok = 0;
      for (Future<Integer> f : done) {
        ok += f.get() == 200 ? 1 : 0;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%d clients, %d report cards (JSON): %.1f per second, %d answered 200%n", CLIENTS,
          n * CLIENTS, n * CLIENTS / seconds, ok);
    } finally {
      pool.shutdownNow();
    }
    return 0;
  }

  private static int get(HttpClient client, String url) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
