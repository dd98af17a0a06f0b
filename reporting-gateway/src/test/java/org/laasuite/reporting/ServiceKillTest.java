package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.CreateNarrativeRequest;
import org.laasuite.indicators.v1.DeleteIndicatorRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListNarrativesRequest;
import org.laasuite.indicators.v1.ListNarrativesResponse;
import org.laasuite.indicators.v1.Narrative;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.reporting.v1.BlockSummary;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.UnavailableSection;
import org.laasuite.testkit.ServiceProcess;
import org.laasuite.type.v1.LaaBlock;

/**
 * A service killed (SIGKILL, no graceful stop) under load and started again. The gateway answers
 * every page 200 meanwhile, with the dead service's section marked unavailable, and whole again once
 * the service serves. A service's acknowledged writes survive the kill, and a client that got no
 * answer and retries the same request (the same request_id) after the restart writes nothing twice.
 * Each test prints its figures. The services are RunningSuite's, shared with the other gateway
 * tests: each test leaves them running and their data as it found them.
 */
class ServiceKillTest {

  private static final int CLIENTS = 4;
  private static final int WRITERS = 4;
  private static final long WAIT_SECONDS = 120;
  private static final Pattern HTML_SECTION = Pattern.compile("data-section=\"([A-Z_]+)\"");

  /** A page the clients fetch, and how to read the sections it says are unavailable. */
  private record Page(String path, Function<String, List<String>> unavailable) {
  }

  private static final List<Page> PAGES = List.of(
      new Page("/api/v1/report-cards/CYP-28", json(ReportCard::newBuilder, ReportCard.Builder::getUnavailableList)),
      new Page("/api/v1/blocks/children-and-young-people",
          json(BlockSummary::newBuilder, BlockSummary.Builder::getUnavailableList)),
      new Page("/report-cards/CYP-28", ServiceKillTest::htmlSections),
      new Page("/blocks/children-and-young-people", ServiceKillTest::htmlSections),
      new Page("/", ServiceKillTest::htmlSections));

  /**
   * One answer a client had: when it asked and was answered (System.nanoTime), the status (-1 when
   * no HTTP answer came at all, {@code detail} saying why) and the sections the page marked unavailable.
   */
  private record Answer(Page page, long asked, long answered, int status, List<String> unavailable,
      String detail) {
    boolean complete() {
      return status == 200 && unavailable.isEmpty();
    }
  }

  @Test
  void killingTheFundingServiceUnderLoadLeavesEveryPage200WithFundingUnavailableUntilItServesAgain()
      throws Exception {
    ServiceProcess funding = RunningSuite.get().funding;
    Map<String, Object> p = new HashMap<>(RunningSuite.get().gatewayProperties());
    // Generous, as GatewayTest's: on a loaded machine a live service must not be cut off; the dead one
    // fails at once (UNAVAILABLE), deadline or not.
    p.put("laa.reporting.deadline", "20s");
    Load load = new Load();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    boolean down = false;
    try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, p)) {
      for (int c = 0; c < CLIENTS; c++) {
        int first = c;
        clients.submit(() -> load.fetchWithoutPause(gateway.getURI(), first));
      }
      load.awaitUntil("every page is served whole before the kill", answers -> everyPage(answers, Answer::complete));
      long killedAt = System.nanoTime();
      funding.kill();
      down = true;
      load.awaitUntil("every page is served without funding once the service is killed",
          answers -> everyPage(answers, a -> a.asked() > killedAt && !a.unavailable().isEmpty()));
      long restartedAt = System.nanoTime();
      funding.start();
      down = false;
      funding.awaitServing();
      long servingAt = System.nanoTime();
      load.awaitUntil("every page is served whole again once the service serves",
          answers -> everyPage(answers, a -> a.asked() > servingAt && a.complete()));
      load.stop(clients);

      List<Answer> answers = load.answers();
      assertEquals(List.of(), load.notOk(), "every answer is 200, during the kill too");
      Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new,
          Collectors.counting()));
      List<Answer> degraded = answers.stream().filter(a -> !a.unavailable().isEmpty()).toList();
      assertEquals(Set.of(List.of("FUNDING")), degraded.stream().map(Answer::unavailable).collect(Collectors.toSet()),
          "a degraded page misses the funding section and nothing else");
      assertEquals(List.of(), answers.stream().filter(a -> a.asked() > servingAt && !a.complete())
          .map(a -> a.page().path() + " " + a.unavailable()).toList(),
          "every page asked for once the service serves again is whole");
      long firstWhole = answers.stream().filter(a -> a.asked() > restartedAt && a.complete())
          .mapToLong(Answer::answered).min().orElseThrow();
      System.out.printf("funding-service killed under load: %d requests by %d clients, answers by status %s, "
              + "%d degraded (funding unavailable); down %.1f s until restarted, %.1f s from the restart until "
              + "wait-grpc saw it serving, restart to the first whole page %.2f s%n", answers.size(), CLIENTS,
          byStatus, degraded.size(), seconds(killedAt, restartedAt), seconds(restartedAt, servingAt),
          seconds(restartedAt, firstWhole));
    } finally {
      load.stop(clients);
      if (down) {
        funding.start();
        funding.awaitServing();
      }
    }
  }

  @Test
  void writesAcknowledgedBeforeAKillAreThereAfterTheRestartAndARetriedRequestWritesOnce() throws Exception {
    ServiceProcess service = RunningSuite.get().indicators;
    ManagedChannel channel = service.adminChannel();
    var client = IndicatorServiceGrpc.newBlockingStub(channel);
    // An indicator of the test's own, archived at the end (keeping its narratives, out of listings and block
    // summaries): the narratives under it are exactly the ones written here, and the other tests see the demo
    // data as loaded.
    String indicator = client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder()
        .setId("KILL-1").setTitle("Written while the service is killed")
        .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setPolarity(Polarity.POLARITY_HIGHER_IS_BETTER))
        .build()).getName();
    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // request_id -> the narrative's name
    Map<String, String> retried = new ConcurrentHashMap<>(); // the unanswered requests, answered on the retry
    Map<String, String> resent = new ConcurrentHashMap<>(); // answered requests sent again after the restart
    Map<Status.Code, Integer> failures = new ConcurrentHashMap<>();
    List<String> retryFailures = new CopyOnWriteArrayList<>();
    CountDownLatch warm = new CountDownLatch(20);
    CountDownLatch failed = new CountDownLatch(WRITERS);
    CountDownLatch back = new CountDownLatch(1);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    boolean down = false;
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        done.add(writers.submit(() -> {
          CreateNarrativeRequest answered = null;
          while (true) {
            // The request id is also the narrative's text: what the service holds is counted by it.
            String requestId = UUID.randomUUID().toString();
            var request = CreateNarrativeRequest.newBuilder().setParent(indicator).setRequestId(requestId)
                .setNarrative(Narrative.newBuilder().setPeriod("periods/fy-2007-08").setAchieved(requestId)
                    .setAuthor("ServiceKillTest")).build();
            try {
              acknowledged.put(requestId, client.withDeadlineAfter(20, TimeUnit.SECONDS).createNarrative(request)
                  .getName());
              answered = request;
              warm.countDown();
            } catch (StatusRuntimeException e) {
              failures.merge(e.getStatus().getCode(), 1, Integer::sum);
              failed.countDown();
              // No answer: written or not, the client cannot know. It sends the same request again once the
              // service is back (a real client would back off and try again; this one waits to be told).
              await(back, "the service is restarted");
              resend(client, request, retried, retryFailures);
              // An answer lost on its way back looks the same to a client, and a kill between the commit and
              // the answer is a matter of luck: the request this writer was last answered, sent again as if
              // its answer had been lost, must answer that write and write nothing.
              if (answered != null) {
                resend(client, answered, resent, retryFailures);
              }
              return null;
            }
          }
        }));
      }
      await(warm, "writes are acknowledged before the kill");
      long killedAt = System.nanoTime();
      service.kill();
      down = true;
      await(failed, "every writer's call fails once the service is killed");
      Map<String, String> beforeRestart = Map.copyOf(acknowledged);
      service.start();
      down = false;
      service.awaitServing();
      long servingAt = System.nanoTime();
      // What the kill left, before any retry: the writes that were committed, answered or not.
      channel.resetConnectBackoff();
      Map<String, List<String>> afterKill = narratives(client, indicator);
      back.countDown();
      writers.shutdown();
      assertTrue(writers.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "the writers finish");
      for (Future<?> f : done) {
        f.get();
      }
      long retriedAt = System.nanoTime();
      Map<String, List<String>> written = narratives(client, indicator);

      assertEquals(Set.of(Status.Code.UNAVAILABLE), failures.keySet(),
          "a call in flight when the service dies, or made while it is down, is UNAVAILABLE: the kernel closes "
              + "a killed process's sockets, so a call in flight sees its connection closed at once and a new one "
              + "is refused; none waits out its deadline (DEADLINE_EXCEEDED would need a host gone silent)");
      beforeRestart.forEach((requestId, name) -> assertEquals(List.of(name), afterKill.get(requestId),
          "a write acknowledged before the kill is read back after the restart"));
      assertEquals(List.of(), retryFailures, "a request sent again after the restart is answered");
      assertEquals(WRITERS, retried.size(), "each writer sent again the one request it had no answer to");
      assertFalse(resent.isEmpty(), "answered requests were sent again");
      resent.forEach((requestId, name) -> assertEquals(beforeRestart.get(requestId), name,
          "a request sent again answers the write it made the first time"));
      retried.forEach((requestId, name) -> {
        if (afterKill.containsKey(requestId)) {
          assertEquals(afterKill.get(requestId), List.of(name),
              "the retry of a write committed before the kill answers that write");
        }
      });
      retried.forEach(acknowledged::put);
      Map<String, List<String>> twice = written.entrySet().stream().filter(e -> e.getValue().size() > 1)
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertEquals(Map.of(), twice, "no request_id wrote two narratives");
      assertEquals(new TreeMap<>(acknowledged), new TreeMap<>(written.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getFirst()))),
          "every acknowledged write is read back, each as it was answered, and nothing else was written");
      long committedUnanswered = retried.keySet().stream().filter(afterKill::containsKey).count();
      System.out.printf("indicators-service killed under %d writers: %d narratives acknowledged before the kill, all "
              + "read back after the restart; calls failed %s; %d unanswered requests sent again with their "
              + "request_id after the restart (%d of them committed at the kill), %d answered requests sent again; "
              + "%d narratives written, one per request_id; down %.1f s until serving again, the requests sent "
              + "again all answered %.2f s after serving%n", WRITERS, beforeRestart.size(), new TreeMap<>(failures),
          retried.size(), committedUnanswered, resent.size(), written.size(), seconds(killedAt, servingAt),
          seconds(servingAt, retriedAt));
    } finally {
      back.countDown();
      writers.shutdownNow();
      if (down) {
        service.start();
        service.awaitServing();
      }
      channel.resetConnectBackoff();
      client.withWaitForReady().withDeadlineAfter(60, TimeUnit.SECONDS)
          .deleteIndicator(DeleteIndicatorRequest.newBuilder().setName(indicator).setForce(true).build()); // archived

      channel.shutdownNow();
    }
  }

  /** Sends {@code request} again (waiting for the channel to be ready), noting the answer in {@code answers}. */
  private static void resend(IndicatorServiceGrpc.IndicatorServiceBlockingStub client, CreateNarrativeRequest request,
      Map<String, String> answers, List<String> failures) {
    try {
      answers.put(request.getRequestId(), client.withWaitForReady().withDeadlineAfter(60, TimeUnit.SECONDS)
          .createNarrative(request).getName());
    } catch (StatusRuntimeException e) {
      failures.add(request.getRequestId() + ": " + e.getStatus());
    }
  }

  /** The names of the narratives of {@code indicator}, by their text (the request id that wrote them). */
  private static Map<String, List<String>> narratives(IndicatorServiceGrpc.IndicatorServiceBlockingStub client,
      String indicator) {
    Map<String, List<String>> byText = new HashMap<>();
    String token = "";
    do {
      ListNarrativesResponse page = client.withWaitForReady().withDeadlineAfter(60, TimeUnit.SECONDS)
          .listNarratives(ListNarrativesRequest.newBuilder().setParent(indicator).setView(org.laasuite.indicators.v1.FigureView.FIGURE_VIEW_LATEST).setPageSize(500)
              .setPageToken(token).build());
      page.getNarrativesList().forEach(n -> byText.computeIfAbsent(n.getAchieved(), k -> new ArrayList<>())
          .add(n.getName()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return byText;
  }

  /** The clients' answers, and waiting until they show something. */
  private static final class Load {
    private final List<Answer> answers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    /** One client: the pages in turn, from the {@code first}, without pause, until stopped. */
    Void fetchWithoutPause(URI gateway, int first) {
      for (int i = first; running.get(); i++) {
        Page page = PAGES.get(i % PAGES.size());
        long asked = System.nanoTime();
        Answer answer;
        try {
          var r = Http.get(gateway, page.path());
          answer = r.statusCode() == 200
              ? new Answer(page, asked, System.nanoTime(), 200, page.unavailable().apply(r.body()), "")
              : new Answer(page, asked, System.nanoTime(), r.statusCode(), List.of(), r.body());
        } catch (RuntimeException | AssertionError e) { // no answer, or not the page's JSON
          answer = new Answer(page, asked, System.nanoTime(), -1, List.of(), e.toString());
        }
        synchronized (this) {
          answers.add(answer);
          notifyAll();
        }
      }
      return null;
    }

    /** Waits (at most two minutes) until the answers so far satisfy {@code condition}; fails at once on one not 200. */
    synchronized void awaitUntil(String what, Predicate<List<Answer>> condition) throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (!condition.test(answers)) {
        assertEquals(List.of(), notOk(), "every answer is 200");
        long left = until - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("in two minutes, not so: " + what);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    synchronized List<Answer> answers() {
      return List.copyOf(answers);
    }

    /** The answers that were not 200, as "path status: what came". */
    synchronized List<String> notOk() {
      return answers.stream().filter(a -> a.status() != 200).map(a -> a.page().path() + " " + a.status() + ": "
          + a.detail().substring(0, Math.min(300, a.detail().length()))).toList();
    }

    void stop(ExecutorService clients) throws InterruptedException {
      running.set(false);
      clients.shutdown();
      if (!clients.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)) {
        clients.shutdownNow();
      }
    }
  }

  /** Whether every page has an answer that {@code which} accepts. */
  private static boolean everyPage(List<Answer> answers, Predicate<Answer> which) {
    return PAGES.stream().allMatch(page -> answers.stream().anyMatch(a -> a.page() == page && which.test(a)));
  }

  /** Reads a JSON page into {@code builder}'s message and answers the sections it lists as unavailable. */
  private static <B extends Message.Builder> Function<String, List<String>> json(Supplier<B> builder,
      Function<B, List<UnavailableSection>> unavailable) {
    return body -> {
      B b = builder.get();
      try {
        JsonFormat.parser().merge(body, b);
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("not the page's JSON: " + body, e);
      }
      return unavailable.apply(b).stream().map(u -> u.getSection().name().replace("SECTION_", "")).toList();
    };
  }

  /** The sections an HTML page lists as unavailable (layout.html's data-section). */
  private static List<String> htmlSections(String body) {
    List<String> sections = new ArrayList<>();
    Matcher m = HTML_SECTION.matcher(body);
    while (m.find()) {
      sections.add(m.group(1));
    }
    return sections;
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException {
    if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("in two minutes, not so: " + what);
    }
  }
}
