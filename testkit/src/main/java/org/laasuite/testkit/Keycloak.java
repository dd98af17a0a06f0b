package org.laasuite.testkit;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real OpenID Connect server for the tests: Keycloak from its distribution on Maven Central
 * ({@code org.keycloak:keycloak-quarkus-dist}, which the build unpacks and names with the system property
 * {@value #HOME_PROPERTY}), run with the JDK running the tests, started once per test JVM in development mode on free
 * loopback ports with an in-memory database, and stopped when the JVM exits. It imports the realms of this package's
 * {@code keycloak/} resources:
 * <ul>
 *   <li>{@value #REALM}: demo people of the Coventry partnership with passwords ({@link #SARA_ROACH}...), the
 *   gateway's confidential client {@value #GATEWAY_CLIENT} (authorization code flow with PKCE S256 required,
 *   redirect URIs on 127.0.0.1), and an integrator's confidential client {@value #INTEGRATOR_CLIENT} (client
 *   credentials); an audience mapper puts {@code laa-suite} into every access token, as the services require;</li>
 *   <li>{@value #OTHER_REALM}: the same integrator client in a realm no service is told to trust.</li>
 * </ul>
 * Its output goes to target/keycloak.log of the module whose tests run it.
 */
public final class Keycloak {

  public static final String HOME_PROPERTY = "laa.keycloak.home";
  public static final String REALM = "laa";
  public static final String OTHER_REALM = "other";
  public static final String GATEWAY_CLIENT = "reporting-gateway";
  public static final String GATEWAY_SECRET = "reporting-gateway-secret";
  public static final String INTEGRATOR_CLIENT = "laa-integrator";
  public static final String INTEGRATOR_SECRET = "laa-integrator-secret";
  public static final String OTHER_INTEGRATOR_SECRET = "other-integrator-secret";

  /** A demo person of realm {@value #REALM}, as its users are written (realm file laa-realm.json). */
  public record User(String username, String password, String name, String email) {
  }

  public static final User SARA_ROACH = new User("sara-roach", "sara-roach-password", "Sara Roach",
      "sara.roach@coventry-partnership.example");

  /**
   * The first start in a fresh build also builds Keycloak for development mode (about 25 s on two idle cores), then
   * it starts in about 20 s (its realms imported); twice that on a busy machine.
   */
  private static final Duration START_LIMIT = Duration.ofMinutes(4);
  private static final List<String> REALM_FILES = List.of("laa-realm.json", "other-realm.json");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Keycloak instance;

  private final Process process;
  private final int port;
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  private Keycloak(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * The test JVM's Keycloak, on its way up: launched on first use, its issuer already known, so that a test can start
   * what must trust it meanwhile; {@link #get()} waits until it serves.
   */
  public static synchronized Keycloak starting() {
    if (instance == null) {
      try {
        instance = launch();
      } catch (IOException e) {
        throw new UncheckedIOException("Keycloak could not be started", e);
      }
    }
    return instance;
  }

  /** The test JVM's Keycloak, serving (started on first use, and waited for). */
  public static Keycloak get() {
    return starting().awaitStarted();
  }

  /** The issuer of realm {@value #REALM}: its tokens' {@code iss}, and where its discovery document is. */
  public String issuer() {
    return issuer(REALM);
  }

  public String issuer(String realm) {
    return "http://127.0.0.1:" + port + "/realms/" + realm;
  }

  /**
   * An access token of {@code realm} for the confidential client {@code clientId}, obtained as an integrator's system
   * obtains one: client credentials, posted to the realm's token endpoint.
   */
  public String clientCredentials(String realm, String clientId, String secret) {
    String form = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)
        .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuer(realm)
          + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("Keycloak refused client credentials for " + clientId + " in realm " + realm
            + ": " + answer.statusCode() + " " + answer.body());
      }
      return JSONObjectUtils.getString(JSONObjectUtils.parse(answer.body()), "access_token");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("Keycloak's token response is not JSON", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Keycloak launch() throws IOException {
    Path home = Path.of(System.getProperty(HOME_PROPERTY, "")).toAbsolutePath();
    Path script = home.resolve("bin/kc.sh");
    if (System.getProperty(HOME_PROPERTY) == null || !Files.isRegularFile(script)) {
      throw new IllegalStateException("Keycloak is not unpacked" + (System.getProperty(HOME_PROPERTY) == null
          ? " (no system property " + HOME_PROPERTY + ")" : " at " + home) + ": the build unpacks "
          + "org.keycloak:keycloak-quarkus-dist before the integration tests (reporting-gateway/pom.xml) and names it "
          + "with -D" + HOME_PROPERTY + "; run them through Maven (./mvnw verify)");
    }
    Path imports = Files.createDirectories(home.resolve("data/import"));
    for (String file : REALM_FILES) {
      try (InputStream realm = Keycloak.class.getResourceAsStream("keycloak/" + file)) {
        Files.copy(realm, imports.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    int port = Ports.free();
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "start-dev", "--http-host=127.0.0.1",
        "--http-port=" + port, "--http-management-port=" + Ports.free(), "--hostname=http://127.0.0.1:" + port,
        "--db=dev-mem", "--import-realm", "--health-enabled=true");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    pb.redirectErrorStream(true);
    Keycloak keycloak = new Keycloak(pb.start(), port);
    Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop));
    Thread output = new Thread(() -> keycloak.follow(Path.of("target", "keycloak.log")), "keycloak-output");
    output.setDaemon(true);
    output.start();
    return keycloak;
  }

  /**
   * Copies Keycloak's output to {@code log} while it runs, and says when it has started: when it says it listens,
   * or (it failed) when its output ends first.
   */
  private void follow(Path log) {
    Deque<String> last = new ArrayDeque<>();
    try (Writer out = Files.newBufferedWriter(Files.createDirectories(log.toAbsolutePath().getParent())
        .resolve(log.getFileName()), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        out.write(line + "\n");
        out.flush();
        if (!started.isDone()) {
          if (last.size() == 20) {
            last.removeFirst();
          }
          last.addLast(line);
          if (line.contains(" started in ") && line.contains("Listening on: http://127.0.0.1:" + port)) {
            started.complete(null);
          }
        }
      }
    } catch (IOException e) {
      // the output is gone with the process; said below
    }
    started.completeExceptionally(new IllegalStateException("Keycloak ended before it started; the end of its "
        + "output (all of it in " + log.toAbsolutePath() + "):\n" + String.join("\n", last)));
  }

  /** This Keycloak once it serves: a blocking wait on its output, ended by {@link #START_LIMIT}. */
  private Keycloak awaitStarted() {
    try {
      started.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
      return this;
    } catch (TimeoutException e) {
      stop();
      throw new IllegalStateException("Keycloak did not start within " + START_LIMIT.toSeconds() + " s; its output "
          + "is in target/keycloak.log");
    } catch (ExecutionException e) {
      throw (IllegalStateException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Keycloak started", e);
    }
  }

  /** Ends Keycloak: its launcher script and the JVM the script started, forcibly if they take over 20 s. */
  private void stop() {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(20, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        p.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
