package org.laasuite.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart lints strictly, and every ci/*-values.yaml scenario renders objects Kubernetes would accept. */
class ChartTest {

  static final Path CHART = Path.of("laa-suite");
  static final KubernetesSerialization K8S = new KubernetesSerialization();
  static final List<String> COMPONENTS = List.of("indicators-service", "funding-service", "partnership-service");
  static final String GATEWAY = "reporting-gateway";

  static Stream<Path> scenarios() throws Exception {
    try (var files = Files.list(CHART.resolve("ci"))) {
      return files.filter(p -> p.toString().endsWith("-values.yaml")).sorted().toList().stream();
    }
  }

  static List<HasMetadata> render(Path values) {
    String yaml = new Helm(CHART).template().withName("laa").withNamespace("coventry").withValuesFile(values).call();
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
        objects.add(K8S.unmarshal(doc));
      }
    }
    return objects;
  }

  static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void theChartLintsStrictly() {
    var result = new Helm(CHART).lint().strict().call();
    assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyManifestIsAKnownKubernetesObjectWithNoMisspeltField(Path values) {
    List<HasMetadata> objects = render(values);
    assertFalse(objects.isEmpty());
    for (HasMetadata o : objects) {
      if (o instanceof GenericKubernetesResource g) {
        assertEquals("monitoring.coreos.com/v1", g.getApiVersion(), "only the ServiceMonitor CRD is untyped");
        continue;
      }
      List<String> unknown = new ArrayList<>();
      walk(o, o.getKind() + "/" + o.getMetadata().getName(), unknown, new IdentityHashMap<>());
      assertEquals(List.of(), unknown, "fields Kubernetes does not know");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void podsAreProbedLabelledLimitedAndLockedDown(Path values) {
    List<HasMetadata> objects = render(values);
    List<Deployment> deployments = of(objects, Deployment.class);
    assertFalse(deployments.isEmpty());
    for (Deployment d : deployments) {
      var pod = d.getSpec().getTemplate();
      String component = pod.getMetadata().getLabels().get("app.kubernetes.io/component");
      for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
          "app.kubernetes.io/managed-by", "app.kubernetes.io/part-of", "helm.sh/chart")) {
        assertNotNull(d.getMetadata().getLabels().get(label), d.getMetadata().getName() + " lacks " + label);
      }
      Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
      assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()),
          "the selector matches the pods");
      assertEquals(false, pod.getSpec().getAutomountServiceAccountToken());
      assertEquals(true, pod.getSpec().getSecurityContext().getRunAsNonRoot());
      assertEquals("RuntimeDefault", pod.getSpec().getSecurityContext().getSeccompProfile().getType());
      Container c = pod.getSpec().getContainers().getFirst();
      assertEquals(true, c.getSecurityContext().getReadOnlyRootFilesystem());
      assertEquals(false, c.getSecurityContext().getAllowPrivilegeEscalation());
      assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
      assertNotNull(c.getResources().getRequests().get("cpu"));
      assertNotNull(c.getResources().getRequests().get("memory"));
      int grpc = c.getPorts().stream().filter(p -> p.getName().equals("grpc")).findFirst().orElseThrow()
          .getContainerPort();
      if (component.equals(GATEWAY)) {
        // HTTP probes on the port the container serves its pages on; no database, so no credentials.
        for (var probe : List.of(c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe())) {
          assertEquals("http", probe.getHttpGet().getPort().getStrVal());
        }
        assertTrue(c.getPorts().stream().anyMatch(p -> p.getName().equals("http")));
        assertEquals("/health/readiness", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/health/liveness", c.getLivenessProbe().getHttpGet().getPath());
        assertTrue(c.getEnv() == null || c.getEnv().stream().noneMatch(e -> e.getName().contains("_DB_")));
      } else {
        assertEquals(grpc, c.getReadinessProbe().getGrpc().getPort());
        assertEquals("", c.getReadinessProbe().getGrpc().getService(), "readiness asks the server (database-aware)");
        assertEquals(grpc, c.getLivenessProbe().getGrpc().getPort());
        assertEquals("liveness", c.getLivenessProbe().getGrpc().getService());
        assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().endsWith("_DB_PASSWORD")
            && e.getValueFrom().getSecretKeyRef() != null), component + " reads its password from a Secret");
      }
      long preStop = c.getLifecycle().getPreStop().getSleep().getSeconds();
      assertTrue(pod.getSpec().getTerminationGracePeriodSeconds() > preStop, "grace outlasts the preStop pause");

      Service s = of(objects, Service.class).stream().filter(x -> x.getMetadata().getName()
          .equals(d.getMetadata().getName())).findFirst().orElseThrow();
      assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet()),
          "the Service selects its pods");
      for (NetworkPolicy np : of(objects, NetworkPolicy.class)) {
        if (np.getMetadata().getName().equals(d.getMetadata().getName())) {
          assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(
              np.getSpec().getPodSelector().getMatchLabels().entrySet()), "the NetworkPolicy guards its pods");
          if (!component.equals(GATEWAY)) {
            var from = np.getSpec().getIngress().getFirst().getFrom().getFirst().getPodSelector().getMatchLabels();
            Deployment gateway = deployments.stream().filter(g -> g.getMetadata().getName().endsWith(GATEWAY))
                .findFirst().orElseThrow();
            assertTrue(gateway.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                .containsAll(from.entrySet()), "only the gateway's pods may call: " + from);
          }
        }
      }
    }
  }

  /** The gateway's own NetworkPolicy lets it reach exactly the three services' pods, on their gRPC ports. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theGatewayMayReachTheServicesAndTheyOnlyTheGateway(Path values) {
    List<HasMetadata> objects = render(values);
    var gatewayPolicy = of(objects, NetworkPolicy.class).stream()
        .filter(np -> np.getMetadata().getName().endsWith(GATEWAY)).findFirst().orElseThrow();
    List<Deployment> services = of(objects, Deployment.class).stream()
        .filter(d -> !d.getMetadata().getName().endsWith(GATEWAY)).toList();
    var egressToPods = gatewayPolicy.getSpec().getEgress().stream().filter(e -> e.getTo() != null && !e.getTo().isEmpty())
        .toList();
    assertEquals(3, egressToPods.size());
    for (Deployment service : services) {
      var podLabels = service.getSpec().getTemplate().getMetadata().getLabels();
      int grpc = service.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts().stream()
          .filter(p -> p.getName().equals("grpc")).findFirst().orElseThrow().getContainerPort();
      assertTrue(egressToPods.stream().anyMatch(e -> podLabels.entrySet().containsAll(
          e.getTo().getFirst().getPodSelector().getMatchLabels().entrySet())
          && e.getPorts().getFirst().getPort().getIntVal() == grpc), service.getMetadata().getName());
    }
    // Where the services are, by their Service names and ports.
    var config = (io.fabric8.kubernetes.api.model.ConfigMap) objects.stream().filter(o -> o.getKind()
        .equals("ConfigMap") && o.getMetadata().getName().endsWith(GATEWAY)).findFirst().orElseThrow();
    assertEquals("laa-laa-suite-indicators-service:50051", config.getData().get("INDICATORS_ADDRESS"));
    assertEquals("laa-laa-suite-funding-service:50052", config.getData().get("FUNDING_ADDRESS"));
    assertEquals("laa-laa-suite-partnership-service:50053", config.getData().get("PARTNERSHIP_ADDRESS"));
    assertEquals("8080", config.getData().get("GATEWAY_HTTP_PORT"));
    for (Deployment service : services) {
      String name = service.getMetadata().getName();
      assertTrue(config.getData().values().stream().anyMatch(v -> v.startsWith(name + ":")), name + " is a peer");
      assertTrue(of(objects, Service.class).stream().anyMatch(s -> s.getMetadata().getName().equals(name)),
          name + " has the Service the gateway calls");
    }
  }

  @Test
  void theGatewayIsPublishedThroughAnIngressOnlyWhenAskedTo() {
    assertEquals(List.of(), of(render(CHART.resolve("ci/default-values.yaml")),
        io.fabric8.kubernetes.api.model.networking.v1.Ingress.class));
    List<HasMetadata> objects = render(CHART.resolve("ci/gateway-ingress-values.yaml"));
    var ingress = of(objects, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).getFirst();
    assertEquals("nginx", ingress.getSpec().getIngressClassName());
    assertEquals("laa-gateway-tls", ingress.getSpec().getTls().getFirst().getSecretName());
    var backend = ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService();
    Service gateway = of(objects, Service.class).stream().filter(s -> s.getMetadata().getName()
        .equals(backend.getName())).findFirst().orElseThrow();
    assertTrue(gateway.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(backend.getPort().getName())),
        "the Ingress names a port the gateway's Service exposes");
    assertTrue(gateway.getMetadata().getName().endsWith(GATEWAY));
    assertEquals(List.of("laa-laa-suite-reporting-gateway"), of(objects, PodDisruptionBudget.class).stream()
        .map(p -> p.getMetadata().getName()).toList(), "two gateway replicas get a disruption budget");
    var policy = of(objects, NetworkPolicy.class).stream().filter(np -> np.getMetadata().getName().endsWith(GATEWAY))
        .findFirst().orElseThrow();
    assertEquals("ingress-nginx", policy.getSpec().getIngress().getFirst().getFrom().getFirst().getNamespaceSelector()
        .getMatchLabels().get("kubernetes.io/metadata.name"));
  }

  @Test
  void aDisruptionBudgetOnlyWhenMoreThanOnePodRuns() {
    List<HasMetadata> trial = render(CHART.resolve("ci/default-values.yaml"));
    assertEquals(List.of(), of(trial, PodDisruptionBudget.class));
    assertEquals(List.of(), of(trial, HorizontalPodAutoscaler.class));
    List<HasMetadata> production = render(CHART.resolve("ci/autoscaling-values.yaml"));
    assertEquals(Set.of("laa-laa-suite-indicators-service", "laa-laa-suite-funding-service",
        "laa-laa-suite-partnership-service"), Set.copyOf(of(production, PodDisruptionBudget.class).stream()
        .map(p -> p.getMetadata().getName()).toList()));
    assertEquals(2, of(production, HorizontalPodAutoscaler.class).size());
    assertEquals(3, production.stream().filter(o -> o.getKind().equals("ServiceMonitor")).count());
    assertTrue(of(trial, Secret.class).stream().noneMatch(x -> x.getMetadata().getName().contains(GATEWAY)),
        "the gateway has no database and no Secret");
  }

  @Test
  void existingSecretsAreUsedAndNoneCreated() {
    List<HasMetadata> objects = render(CHART.resolve("ci/external-secret-values.yaml"));
    assertEquals(List.of(), of(objects, Secret.class));
    Deployment indicators = of(objects, Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().endsWith("indicators-service")).findFirst().orElseThrow();
    var env = indicators.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
    var password = env.stream().filter(e -> e.getName().equals("INDICATORS_DB_PASSWORD")).findFirst().orElseThrow();
    assertEquals("vault-indicators", password.getValueFrom().getSecretKeyRef().getName());
    assertEquals("pass", password.getValueFrom().getSecretKeyRef().getKey());
    assertTrue(of(objects, Deployment.class).stream().noneMatch(d -> d.getMetadata().getName()
        .endsWith("partnership-service")), "a disabled service renders nothing");
  }

  @Test
  void aTrialCreatesItsSecretsAndPointsEachServiceAtItsDatabase() {
    List<HasMetadata> objects = render(CHART.resolve("ci/default-values.yaml"));
    assertEquals(3, of(objects, Secret.class).size());
    var config = objects.stream().filter(o -> o.getKind().equals("ConfigMap")
        && o.getMetadata().getName().endsWith("funding-service")).findFirst().orElseThrow();
    assertEquals("jdbc:postgresql://postgres.database.svc.cluster.local:5432/funding?sslmode=prefer",
        ((io.fabric8.kubernetes.api.model.ConfigMap) config).getData().get("FUNDING_DB_URL"));
  }

  /**
   * Each module's Dockerfile starts the main class its pom declares, as the user the chart runs pods as,
   * and exposes the ports the chart's values give it.
   */
  @Test
  @SuppressWarnings("unchecked")
  void everyImageRunsItsModuleOnThePortsTheChartExpects() throws Exception {
    Map<String, Object> values = new org.yaml.snakeyaml.Yaml().load(Files.readString(CHART.resolve("values.yaml")));
    Map<String, String> keys = Map.of("indicators-service", "indicatorsService", "funding-service", "fundingService",
        "partnership-service", "partnershipService", GATEWAY, "reportingGateway");
    for (var e : keys.entrySet()) {
      Path module = Path.of("..", e.getKey());
      String dockerfile = Files.readString(module.resolve("Dockerfile"));
      String pom = Files.readString(module.resolve("pom.xml"));
      var main = java.util.regex.Pattern.compile("<exec.mainClass>([^<]+)</exec.mainClass>").matcher(pom);
      assertTrue(main.find(), e.getKey() + " declares its main class");
      assertTrue(dockerfile.contains("\"" + main.group(1) + "\"]"), e.getKey() + " runs " + main.group(1));
      var ports = (Map<String, Object>) ((Map<String, Object>) values.get(e.getValue())).get("ports");
      assertTrue(dockerfile.contains("EXPOSE " + ports.get("grpc") + " " + ports.get("http")), e.getKey() + " ports");
      assertTrue(dockerfile.contains("USER 10001:10001"), "the uid the chart's securityContext sets");
      assertTrue(dockerfile.contains("COPY target/" + e.getKey() + "-*.jar /app/app.jar"), e.getKey() + " jar");
    }
  }

  /** The chart README documents every value that has a scalar default. */
  @Test
  void theReadmeListsEveryValue() throws Exception {
    String readme = Files.readString(CHART.resolve("README.md"));
    List<String> missing = new ArrayList<>();
    List<String> path = new ArrayList<>();
    for (String line : Files.readAllLines(CHART.resolve("values.yaml"))) {
      var m = java.util.regex.Pattern.compile("^( *)([A-Za-z0-9_.]+):(.*)$").matcher(line);
      if (!m.matches()) {
        continue;
      }
      int depth = m.group(1).length() / 2;
      while (path.size() > depth) {
        path.removeLast();
      }
      path.add(m.group(2));
      String key = String.join(".", path);
      if (!m.group(3).isBlank() && !readme.contains("`" + key + "`")) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing, "values the chart README does not list");
  }

  /** Every fabric8 model object reachable from {@code o} must have no additional (unknown) properties. */
  static void walk(Object o, String path, List<String> unknown, Map<Object, Boolean> seen) {
    if (o == null || seen.put(o, true) != null) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object e : c) {
        walk(e, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method method : o.getClass().getMethods()) {
      if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
        continue;
      }
      try {
        Object value = method.invoke(o);
        if (method.getName().equals("getAdditionalProperties")) {
          if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
            unknown.add(path + ": " + extra.keySet());
          }
        } else if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
          walk(value, path + "." + method.getName().substring(3), unknown, seen);
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

}
