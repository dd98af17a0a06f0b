package org.laasuite.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart lints strictly, and every ci/*-values.yaml scenario renders objects Kubernetes would accept. */
class ChartTest {

  static final Path CHART = Path.of("laa-suite");
  static final KubernetesSerialization K8S = new KubernetesSerialization();
  static final List<String> COMPONENTS = List.of("indicators-service", "funding-service", "partnership-service");
  static final String GATEWAY = "reporting-gateway";
  static final Map<String, String> KEYS = Map.of("indicators-service", "indicatorsService", "funding-service",
      "fundingService", "partnership-service", "partnershipService", GATEWAY, "reportingGateway");

  static Stream<Path> scenarios() throws Exception {
    try (var files = Files.list(CHART.resolve("ci"))) {
      return files.filter(p -> p.toString().endsWith("-values.yaml")).sorted().toList().stream();
    }
  }

  /** The rendered manifests, one YAML document each. */
  static List<String> documents(Path values, Object... sets) {
    var template = new Helm(CHART).template().withName("laa").withNamespace("coventry").withValuesFile(values);
    for (int i = 0; i < sets.length; i += 2) {
      template.set((String) sets[i], sets[i + 1]);
    }
    return Arrays.stream(template.call().split("(?m)^---\\s*$"))
        .filter(doc -> doc.lines().anyMatch(l -> l.startsWith("kind:"))).toList();
  }

  static List<HasMetadata> render(Path values, Object... sets) {
    return documents(values, sets).stream().map(doc -> (HasMetadata) K8S.unmarshal(doc)).toList();
  }

  /** Paths of the keys a document leaves without a value (a template's empty branch). */
  static void nulls(Object o, String path, List<String> found) {
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (v == null) {
          found.add(path + "." + k);
        }
        nulls(v, path + "." + k, found);
      });
    } else if (o instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        nulls(l.get(i), path + "[" + i + "]", found);
      }
    }
  }

  /** values.yaml with a scenario over it, merged as Helm merges values files (maps deeply, the rest replaced). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> values(Path scenario) throws Exception {
    var yaml = new org.yaml.snakeyaml.Yaml();
    Map<String, Object> merged = yaml.load(Files.readString(CHART.resolve("values.yaml")));
    merge(merged, (Map<String, Object>) yaml.load(Files.readString(scenario)));
    return merged;
  }

  @SuppressWarnings("unchecked")
  static void merge(Map<String, Object> into, Map<String, Object> over) {
    over.forEach((k, v) -> {
      if (v instanceof Map && into.get(k) instanceof Map) {
        merge((Map<String, Object>) into.get(k), (Map<String, Object>) v);
      } else {
        into.put(k, v);
      }
    });
  }

  @SuppressWarnings("unchecked")
  static Object at(Map<String, Object> values, String path) {
    Object o = values;
    for (String k : path.split("\\.")) {
      o = ((Map<String, Object>) o).get(k);
    }
    return o;
  }

  /** The Deployments whose pods a matchLabels selector picks. */
  static List<String> picked(List<Deployment> deployments, Map<String, String> selector) {
    return deployments.stream().filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
        .containsAll(selector.entrySet())).map(d -> d.getMetadata().getName()).toList();
  }

  static int grpcPort(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts().stream()
        .filter(p -> p.getName().equals("grpc")).findFirst().orElseThrow().getContainerPort();
  }

  /** Whether a rule's ports let traffic through to the named/numbered port (no ports: every port). */
  static boolean covers(List<NetworkPolicyPort> ports, String name, int number) {
    return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() == null
        || name.equals(p.getPort().getStrVal()) || (p.getPort().getIntVal() != null && (p.getPort().getIntVal() == number
        || p.getEndPort() != null && p.getPort().getIntVal() <= number && number <= p.getEndPort())));
  }

  /** An egress rule that only lets DNS out. */
  static boolean dnsOnly(NetworkPolicyEgressRule rule) {
    return rule.getPorts() != null && !rule.getPorts().isEmpty() && rule.getPorts().stream().allMatch(p ->
        p.getPort() != null && Integer.valueOf(53).equals(p.getPort().getIntVal()) && p.getEndPort() == null);
  }

  static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Tracing is off unless asked for; on, every component is told the collector, which it must be given. */
  @Test
  void tracingIsOffByDefaultAndOnEverywhereWithTheCollectorsEndpoint() {
    for (ConfigMap config : of(render(CHART.resolve("ci/default-values.yaml")), ConfigMap.class)) {
      assertEquals("false", config.getData().get("LAA_TRACING_ENABLED"), config.getMetadata().getName());
      assertFalse(config.getData().containsKey("LAA_TRACING_OTLP_ENDPOINT"), config.getMetadata().getName());
    }
    List<ConfigMap> on = of(render(CHART.resolve("ci/observability-values.yaml")), ConfigMap.class).stream()
        .filter(c -> c.getData().containsKey("LAA_TRACING_ENABLED")).toList();
    assertEquals(4, on.size(), "every component's configuration");
    for (ConfigMap config : on) {
      assertEquals("true", config.getData().get("LAA_TRACING_ENABLED"));
      assertEquals("http://otel-collector.monitoring:4317", config.getData().get("LAA_TRACING_OTLP_ENDPOINT"));
      assertEquals("grpc", config.getData().get("LAA_TRACING_OTLP_PROTOCOL"));
    }
    var nowhere = assertThrows(RuntimeException.class, () -> render(CHART.resolve("ci/default-values.yaml"),
        "tracing.enabled", "true"));
    assertTrue(String.valueOf(nowhere.getMessage()).contains("tracing.otlpEndpoint"), nowhere.getMessage());
  }

  /** The Grafana dashboard ships as a ConfigMap for the sidecar only when asked for, holding the chart's JSON file. */
  @Test
  void theDashboardIsAConfigMapForGrafanasSidecarOnlyWhenAskedFor() throws Exception {
    assertTrue(of(render(CHART.resolve("ci/default-values.yaml")), ConfigMap.class).stream()
        .noneMatch(c -> c.getData().containsKey("laa-suite.json")));
    ConfigMap dashboards = of(render(CHART.resolve("ci/observability-values.yaml")), ConfigMap.class).stream()
        .filter(c -> c.getData().containsKey("laa-suite.json")).findFirst().orElseThrow();
    assertEquals("1", dashboards.getMetadata().getLabels().get("grafana_dashboard"));
    assertEquals("LAA Suite", dashboards.getMetadata().getAnnotations().get("grafana_folder"));
    String json = Files.readString(CHART.resolve("dashboards/laa-suite.json"));
    assertEquals(json.strip(), dashboards.getData().get("laa-suite.json").strip());
    Map<String, Object> dashboard = new org.yaml.snakeyaml.Yaml().load(json); // JSON is YAML
    assertEquals("laa-suite", dashboard.get("uid"));
    List<String> untitled = new ArrayList<>();
    for (Object o : (List<?>) dashboard.get("panels")) {
      var panel = (Map<?, ?>) o;
      if (!"row".equals(panel.get("type")) && (panel.get("targets") == null || ((List<?>) panel.get("targets")).isEmpty())) {
        untitled.add(String.valueOf(panel.get("title")));
      }
    }
    assertEquals(List.of(), untitled, "panels without a query");
  }

  @Test
  void theChartLintsStrictly() {
    var result = new Helm(CHART).lint().strict().call();
    assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
  }

  /**
   * helm-java's lint takes no values file, so each scenario is linted as a copy of the chart whose
   * values.yaml is the scenario merged over the defaults: templates only a scenario turns on are linted too.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyScenarioLintsStrictly(Path scenario, @TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("laa-suite");
    try (var files = Files.walk(CHART)) {
      for (Path f : files.filter(f -> !f.startsWith(CHART.resolve("ci"))).toList()) {
        Path to = copy.resolve(CHART.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Files.writeString(copy.resolve("values.yaml"), new org.yaml.snakeyaml.Yaml().dump(values(scenario)));
    var result = new Helm(copy).lint().strict().call();
    assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyManifestIsAKnownKubernetesObjectWithNoMisspeltField(Path values) {
    List<HasMetadata> objects = render(values);
    assertFalse(objects.isEmpty());
    // No key left without a value: `namespaceSelector:` with nothing under it is a null peer, which the API
    // server rejects ("must specify a peer") although it parses.
    List<String> empty = new ArrayList<>();
    for (String doc : documents(values)) {
      nulls(new org.yaml.snakeyaml.Yaml().load(doc), "", empty);
    }
    assertEquals(List.of(), empty, "keys rendered without a value");
    for (NetworkPolicy np : of(objects, NetworkPolicy.class)) {
      var peers = new ArrayList<NetworkPolicyPeer>();
      np.getSpec().getIngress().forEach(r -> peers.addAll(r.getFrom() == null ? List.of() : r.getFrom()));
      np.getSpec().getEgress().forEach(r -> peers.addAll(r.getTo() == null ? List.of() : r.getTo()));
      assertTrue(peers.stream().allMatch(p -> p.getPodSelector() != null || p.getNamespaceSelector() != null
          || p.getIpBlock() != null), np.getMetadata().getName() + ": every peer names pods, namespaces or addresses");
    }
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
  void podsAreProbedLabelledLimitedAndLockedDown(Path values) throws Exception {
    List<HasMetadata> objects = render(values);
    Map<String, Object> merged = values(values);
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
      assertEquals(10001L, pod.getSpec().getSecurityContext().getRunAsUser(), "the uid the Dockerfiles run as");
      assertEquals(at(merged, "global.imagePullSecrets"), pod.getSpec().getImagePullSecrets().stream()
          .map(r -> r.getName()).toList());
      Container c = pod.getSpec().getContainers().getFirst();
      String key = KEYS.get(component);
      Object tag = at(merged, key + ".image.tag").toString().isEmpty() ? at(merged, "global.image.tag") : at(merged,
          key + ".image.tag");
      assertEquals(at(merged, "global.image.registry") + "/" + at(merged, key + ".image.repository") + ":"
          + (tag.toString().isEmpty() ? "0.1.0" : tag), c.getImage());
      String configMap = c.getEnvFrom().getFirst().getConfigMapRef().getName();
      assertTrue(of(objects, ConfigMap.class).stream().anyMatch(m -> m.getMetadata().getName().equals(configMap)),
          "the pod reads its ConfigMap " + configMap);
      assertEquals(true, c.getSecurityContext().getReadOnlyRootFilesystem());
      assertEquals(false, c.getSecurityContext().getAllowPrivilegeEscalation());
      assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
      assertNotNull(c.getResources().getRequests().get("cpu"));
      assertNotNull(c.getResources().getRequests().get("memory"));
      int grpc = c.getPorts().stream().filter(p -> p.getName().equals("grpc")).findFirst().orElseThrow()
          .getContainerPort();
      if (component.equals(GATEWAY)) {
        // HTTP probes on the management port, not the one the pages are served (and the Ingress routes) on; no
        // database, so no credentials.
        for (var probe : List.of(c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe())) {
          assertEquals("management", probe.getHttpGet().getPort().getStrVal());
        }
        assertTrue(c.getPorts().stream().anyMatch(p -> p.getName().equals("http")));
        assertEquals(at(merged, key + ".ports.management"), c.getPorts().stream()
            .filter(p -> p.getName().equals("management")).findFirst().orElseThrow().getContainerPort());
        assertEquals("/health/readiness", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/health/liveness", c.getLivenessProbe().getHttpGet().getPath());
        assertTrue(c.getEnv() == null || c.getEnv().stream().noneMatch(e -> e.getName().contains("_DB_")));
      } else {
        assertEquals(grpc, c.getReadinessProbe().getGrpc().getPort());
        assertEquals("", c.getReadinessProbe().getGrpc().getService(), "readiness asks the server (database-aware)");
        assertEquals(grpc, c.getLivenessProbe().getGrpc().getPort());
        assertEquals("liveness", c.getLivenessProbe().getGrpc().getService());
        assertEquals(grpc, c.getStartupProbe().getGrpc().getPort());
        assertEquals("liveness", c.getStartupProbe().getGrpc().getService());
        assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().endsWith("_DB_PASSWORD")
            && e.getValueFrom().getSecretKeyRef() != null), component + " reads its password from a Secret");
      }
      long preStop = c.getLifecycle().getPreStop().getSleep().getSeconds();
      var drain = java.util.regex.Pattern.compile("await-termination: *(\\d+)s").matcher(
          Files.readString(Path.of("..", component, "src/main/resources/application.yml")));
      assertTrue(drain.find(), component + " sets how long in-flight calls may take on shutdown");
      assertTrue(pod.getSpec().getTerminationGracePeriodSeconds() > preStop + Long.parseLong(drain.group(1)),
          component + ": grace outlasts the preStop pause plus the drain (" + preStop + "s + " + drain.group(1) + "s)");

      Service s = of(objects, Service.class).stream().filter(x -> x.getMetadata().getName()
          .equals(d.getMetadata().getName())).findFirst().orElseThrow();
      assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet()),
          "the Service selects its pods");
      var policies = of(objects, NetworkPolicy.class).stream()
          .filter(np -> np.getMetadata().getName().equals(d.getMetadata().getName())).toList();
      assertEquals(1, policies.size(), d.getMetadata().getName() + " has its NetworkPolicy");
      assertEquals(List.of(d.getMetadata().getName()), picked(deployments,
          policies.getFirst().getSpec().getPodSelector().getMatchLabels()), "the NetworkPolicy guards its pods only");
      assertEquals(List.of("Ingress", "Egress"), policies.getFirst().getSpec().getPolicyTypes(),
          "both directions are restricted");
    }
  }

  /** Every selector in the chart picks exactly its own component's pods; every object carries the full label set. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everySelectorPicksItsOwnPodsAndNoOthers(Path values) {
    List<HasMetadata> objects = render(values);
    List<Deployment> deployments = of(objects, Deployment.class);
    for (HasMetadata o : objects) {
      String where = o.getKind() + "/" + o.getMetadata().getName();
      var labels = o.getMetadata().getLabels();
      for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
          "app.kubernetes.io/managed-by", "app.kubernetes.io/part-of", "app.kubernetes.io/component", "helm.sh/chart")) {
        assertNotNull(labels.get(label), where + " lacks " + label);
      }
      assertTrue(o.getMetadata().getName().startsWith("laa-laa-suite-" + labels.get("app.kubernetes.io/component")),
          where + " is named after its component");
      String own = "laa-laa-suite-" + labels.get("app.kubernetes.io/component");
      Map<String, String> selector = switch (o) {
        case Deployment d -> d.getSpec().getSelector().getMatchLabels();
        case Service s -> s.getSpec().getSelector();
        case PodDisruptionBudget p -> p.getSpec().getSelector().getMatchLabels();
        case NetworkPolicy np -> np.getSpec().getPodSelector().getMatchLabels();
        default -> null;
      };
      if (selector != null) {
        assertEquals(List.of(own), picked(deployments, selector), where + " selects " + selector);
      }
      if (o instanceof HorizontalPodAutoscaler h) {
        assertEquals("Deployment", h.getSpec().getScaleTargetRef().getKind());
        assertEquals(own, h.getSpec().getScaleTargetRef().getName(), where + " scales its Deployment");
      }
      if (o instanceof GenericKubernetesResource monitor) {
        // A ServiceMonitor picks Services (by their labels) and scrapes a port they name.
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        @SuppressWarnings("unchecked")
        var match = (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
        var services = of(objects, Service.class).stream()
            .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(match.entrySet())).toList();
        assertEquals(List.of(own), services.stream().map(s -> s.getMetadata().getName()).toList(), where);
        @SuppressWarnings("unchecked")
        var port = ((List<Map<String, Object>>) spec.get("endpoints")).getFirst().get("port");
        assertTrue(services.getFirst().getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(port)), where);
      }
    }
  }

  /** Who may call each service's gRPC port besides the gateway: those that ask it something before a write. */
  private static final Map<String, List<String>> CALLERS = Map.of(
      "indicators-service", List.of(),
      "funding-service", List.of("indicators-service"),
      "partnership-service", List.of("indicators-service", "funding-service"));

  /** Whether a rule is the egress to the identity providers: HTTPS to security.identityProviderCidr. */
  static boolean toIdentityProviders(NetworkPolicyEgressRule rule, Map<String, Object> merged) {
    return rule.getTo().size() == 1 && rule.getTo().getFirst().getIpBlock() != null
        && rule.getTo().getFirst().getIpBlock().getCidr().equals(at(merged, "security.identityProviderCidr"))
        && rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList().equals(List.of(443));
  }

  /** A rule to the tracing collector: its CIDR, its port. */
  static boolean toCollector(NetworkPolicyEgressRule rule, Map<String, Object> merged) {
    return rule.getTo().size() == 1 && rule.getTo().getFirst().getIpBlock() != null
        && rule.getTo().getFirst().getIpBlock().getCidr().equals(at(merged, "tracing.collectorCidr"))
        && rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList()
            .equals(List.of(at(merged, "tracing.collectorPort")));
  }

  /** A rule to the reminders' SMTP server: its CIDR, its port. */
  static boolean toSmtp(NetworkPolicyEgressRule rule, Map<String, Object> merged) {
    return rule.getTo().size() == 1 && rule.getTo().getFirst().getIpBlock() != null
        && rule.getTo().getFirst().getIpBlock().getCidr().equals(at(merged, "reportingGateway.reminders.smtp.cidr"))
        && rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList()
            .equals(List.of(at(merged, "reportingGateway.reminders.smtp.port")));
  }

  /** A service's networkPolicy.ingressFrom as NetworkPolicy peers, when its ingress is enabled; none otherwise. */
  @SuppressWarnings("unchecked")
  static List<NetworkPolicyPeer> ingressControllerPeers(Map<String, Object> merged, String key) {
    if (!Boolean.TRUE.equals(at(merged, key + ".ingress.enabled"))) {
      return List.of();
    }
    return ((List<Object>) at(merged, key + ".networkPolicy.ingressFrom")).stream()
        .map(p -> K8S.convertValue(p, NetworkPolicyPeer.class)).toList();
  }

  /**
   * The three services: their gRPC port is open only to the gateway's pods, to the services that ask them
   * something before a write (funding: the indicators service; partnership: both others), and, only while the
   * service's integrator Ingress is enabled, to the ingress controller's pods its networkPolicy.ingressFrom names
   * (on the gRPC port alone); other rules may open only the management port, to the metrics scraper. They reach only
   * DNS, PostgreSQL on its CIDR and port, the gRPC ports of the services they ask, and, when issuers are configured,
   * the identity providers over HTTPS.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theServicesTakeCallsOnlyFromTheGatewayAndReachOnlyDnsAndPostgresql(Path values) throws Exception {
    List<HasMetadata> objects = render(values);
    Map<String, Object> merged = values(values);
    boolean issuers = !((List<?>) at(merged, "security.issuers")).isEmpty();
    List<Deployment> deployments = of(objects, Deployment.class);
    String gateway = "laa-laa-suite-" + GATEWAY;
    for (Deployment service : deployments.stream().filter(d -> !d.getMetadata().getName().equals(gateway)).toList()) {
      String name = service.getMetadata().getName();
      String component = name.substring("laa-laa-suite-".length());
      List<String> callers = new ArrayList<>(List.of(gateway));
      CALLERS.get(component).forEach(c -> callers.add("laa-laa-suite-" + c));
      List<String> callerComponents = callers.stream().map(c -> c.substring("laa-laa-suite-".length())).toList();
      List<NetworkPolicyPeer> controller = ingressControllerPeers(merged, KEYS.get(component));
      var policy = of(objects, NetworkPolicy.class).stream().filter(np -> np.getMetadata().getName().equals(name))
          .findFirst().orElseThrow();
      var toGrpc = policy.getSpec().getIngress().stream().filter(r -> covers(r.getPorts(), "grpc", grpcPort(service)))
          .toList();
      assertFalse(toGrpc.isEmpty(), name + ": the gateway may call");
      List<NetworkPolicyPeer> controllerLetIn = new ArrayList<>();
      for (var rule : toGrpc) {
        assertNotNull(rule.getFrom(), name + ": a rule open to anyone reaches the gRPC port");
        assertFalse(rule.getFrom().isEmpty(), name + ": a rule open to anyone reaches the gRPC port");
        for (var peer : rule.getFrom()) {
          if (controller.contains(peer)) {
            // The ingress controller reaches the gRPC port and nothing else: not the management port.
            assertEquals(List.of("grpc"), rule.getPorts().stream().map(p -> p.getPort().getStrVal()).toList(),
                name + ": the ingress controller's rule opens the gRPC port alone");
            controllerLetIn.add(peer);
            continue;
          }
          assertEquals(null, peer.getIpBlock(), name);
          assertEquals(null, peer.getNamespaceSelector(), name + ": only pods of this namespace"
              + (controller.isEmpty() ? " (its ingress is off)" : ", and the ingress controller's " + controller));
          var selector = peer.getPodSelector();
          assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(), name);
          // Pods of this release and of a caller's component, whether or not that component is deployed.
          assertEquals("laa", selector.getMatchLabels().get("app.kubernetes.io/instance"), name + ": " + selector);
          assertTrue(callerComponents.contains(selector.getMatchLabels().get("app.kubernetes.io/component")),
              name + ": only " + callers + " may call, not " + selector.getMatchLabels());
          List<String> picked = picked(deployments, selector.getMatchLabels());
          assertTrue(picked.size() <= 1 && callers.containsAll(picked),
              name + ": only " + callers + " may call, not " + selector.getMatchLabels());
        }
      }
      assertEquals(controller, controllerLetIn,
          name + ": the ingress controller may call exactly while the ingress is on");
      int toDatabase = 0;
      int toProviders = 0;
      int toCollectors = 0;
      List<String> toServices = new ArrayList<>();
      for (var rule : policy.getSpec().getEgress()) {
        if (dnsOnly(rule)) {
          continue;
        }
        assertEquals(1, rule.getTo().size(), name + " egress " + rule);
        var peer = rule.getTo().getFirst();
        if (peer.getPodSelector() != null) {
          String asked = peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component");
          assertTrue(CALLERS.getOrDefault(asked, List.of()).contains(component), name + " may not reach " + rule);
          assertEquals(List.of(at(merged, asked.equals("funding-service") ? "fundingService.ports.grpc"
              : "partnershipService.ports.grpc")), rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList(),
              name + " reaches " + asked + "'s gRPC port only");
          toServices.add(asked);
          continue;
        }
        if (toIdentityProviders(rule, merged)) {
          toProviders++;
          continue;
        }
        if (toCollector(rule, merged)) {
          toCollectors++;
          continue;
        }
        assertEquals(at(merged, "global.database.cidr"), peer.getIpBlock().getCidr(),
            name + " reaches only PostgreSQL: " + rule);
        assertEquals(List.of(at(merged, "global.database.port")), rule.getPorts().stream()
            .map(p -> p.getPort().getIntVal()).toList(), name + " reaches only PostgreSQL's port");
        toDatabase++;
      }
      assertEquals(1, toDatabase, name + " reaches its database");
      assertEquals(issuers ? 1 : 0, toProviders, name + " reaches the identity providers only when there are some");
      assertEquals(Boolean.TRUE.equals(at(merged, "tracing.enabled")) ? 1 : 0, toCollectors,
          name + " reaches the tracing collector only while tracing is on");
      assertEquals(CALLERS.entrySet().stream().filter(e -> e.getValue().contains(component)).map(Map.Entry::getKey)
          .sorted().toList(), toServices.stream().sorted().toList(), name + " reaches the services it asks");
    }
  }

  /**
   * Every component is told the issuers to trust (each with its audience, organisation and keys) and the admins;
   * the gateway its client credentials, the secret from a Secret, never in the ConfigMap.
   */
  @Test
  void theIssuersAdminsAndTheGatewaysClientAreConfiguredEverywhereTheSecretFromASecret() throws Exception {
    Path values = CHART.resolve("ci/two-issuers-values.yaml");
    List<HasMetadata> objects = render(values);
    var configs = objects.stream().filter(o -> o instanceof io.fabric8.kubernetes.api.model.ConfigMap)
        .map(o -> (io.fabric8.kubernetes.api.model.ConfigMap) o).toList();
    assertEquals(4, configs.size());
    for (var config : configs) {
      var data = config.getData();
      String where = config.getMetadata().getName();
      assertEquals("https://login.microsoftonline.com/3f5c2a4e-0d0b-4c2f-9a51-6b1c8f2d7e90/v2.0",
          data.get("LAA_SECURITY_ISSUERS_ENTRA_ISSUER"), where);
      assertEquals("api://laa-suite", data.get("LAA_SECURITY_ISSUERS_ENTRA_AUDIENCE"), where);
      assertEquals("organisations/coventry-city-council", data.get("LAA_SECURITY_ISSUERS_ENTRA_ORGANISATION"), where);
      assertEquals(null, data.get("LAA_SECURITY_ISSUERS_ENTRA_JWKS"), where + ": from discovery");
      assertEquals("laa-suite", data.get("LAA_SECURITY_ISSUERS_POLICE_AUDIENCE"), where + ": the default audience");
      assertEquals("https://id.west-midlands-police.example/realms/staff/protocol/openid-connect/certs",
          data.get("LAA_SECURITY_ISSUERS_POLICE_JWKS"), where);
      assertEquals("entra:0f8a2c1e-5b7d-4e21-9c3a-partnership-admin", data.get("LAA_SECURITY_ADMINS"), where);
      assertFalse(data.keySet().stream().anyMatch(k -> k.contains("SECRET")), where + ": no secret in a ConfigMap");
    }
    var gateway = configs.stream().filter(c -> c.getMetadata().getName().endsWith(GATEWAY)).findFirst().orElseThrow();
    assertEquals("laa-gateway", gateway.getData().get("LAA_SECURITY_CLIENT_CLIENT_ID"));
    var env = of(objects, Deployment.class).stream().filter(d -> d.getMetadata().getName().endsWith(GATEWAY))
        .findFirst().orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
    var secret = env.stream().filter(e -> e.getName().equals("LAA_SECURITY_CLIENT_CLIENT_SECRET")).findFirst()
        .orElseThrow().getValueFrom().getSecretKeyRef();
    assertEquals("laa-gateway-client", secret.getName());
    assertEquals("client-secret", secret.getKey());
    var funding = configs.stream().filter(c -> c.getMetadata().getName().endsWith("funding-service")).findFirst()
        .orElseThrow();
    assertEquals("laa-laa-suite-partnership-service:50053", funding.getData().get("PARTNERSHIP_ADDRESS"),
        "the funding service asks the partnership service what a caller may do");

    // Browser sign-in: each client's issuer is the trusted issuer of its name; its secret and the session key from
    // Secrets; cookies Secure.
    assertEquals("https://login.microsoftonline.com/3f5c2a4e-0d0b-4c2f-9a51-6b1c8f2d7e90/v2.0",
        gateway.getData().get("MICRONAUT_SECURITY_OAUTH2_CLIENTS_ENTRA_OPENID_ISSUER"));
    assertEquals("0c0a7c2e-laa-gateway-sign-in", gateway.getData().get("MICRONAUT_SECURITY_OAUTH2_CLIENTS_ENTRA_CLIENT_ID"));
    assertEquals("openid profile email api://laa-suite/.default",
        gateway.getData().get("MICRONAUT_SECURITY_OAUTH2_CLIENTS_ENTRA_SCOPES"));
    assertEquals("https://id.west-midlands-police.example/realms/staff",
        gateway.getData().get("MICRONAUT_SECURITY_OAUTH2_CLIENTS_POLICE_OPENID_ISSUER"));
    assertEquals("true", gateway.getData().get("LAA_SECURITY_COOKIE_SECURE"));
    var police = env.stream().filter(e -> e.getName().equals("MICRONAUT_SECURITY_OAUTH2_CLIENTS_POLICE_CLIENT_SECRET"))
        .findFirst().orElseThrow().getValueFrom().getSecretKeyRef();
    assertEquals(List.of("laa-sign-in-police", "secret"), List.of(police.getName(), police.getKey()));
    var session = env.stream().filter(e -> e.getName().equals("LAA_SECURITY_SESSION_SECRET")).findFirst()
        .orElseThrow().getValueFrom().getSecretKeyRef();
    assertEquals(List.of("laa-gateway-session", "session-secret"), List.of(session.getName(), session.getKey()));
    var stranger = assertThrows(RuntimeException.class, () -> render(values, "security.signInClients[1].name",
        "google"));
    assertTrue(String.valueOf(stranger.getMessage()).contains("\"google\" is not one of security.issuers"),
        stranger.getMessage());

    var bad = assertThrows(RuntimeException.class, () -> render(values, "security.issuers[0].name", "Entra-ID"));
    assertTrue(String.valueOf(bad.getMessage()).contains("must be lower-case letters and digits"), bad.getMessage());
  }

  /** The gateway's own NetworkPolicy lets it reach exactly the three services' pods, on their gRPC ports. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theGatewayMayReachTheServicesAndTheyOnlyTheGateway(Path values) throws Exception {
    List<HasMetadata> objects = render(values);
    var gatewayPolicy = of(objects, NetworkPolicy.class).stream()
        .filter(np -> np.getMetadata().getName().endsWith(GATEWAY)).findFirst().orElseThrow();
    List<Deployment> services = of(objects, Deployment.class).stream()
        .filter(d -> !d.getMetadata().getName().endsWith(GATEWAY)).toList();
    Map<String, Object> merged = values(values);
    var egressToPods = gatewayPolicy.getSpec().getEgress().stream().filter(e -> !dnsOnly(e)
        && e.getTo().getFirst().getPodSelector() != null).toList();
    assertEquals(3, egressToPods.size(), "the gateway reaches DNS and the three services");
    assertTrue(gatewayPolicy.getSpec().getEgress().stream().allMatch(e -> dnsOnly(e)
        || e.getTo().getFirst().getPodSelector() != null || toIdentityProviders(e, merged) || toSmtp(e, merged)
        || toCollector(e, merged)),
        "and, when issuers are configured, the identity providers, when the reminders are on, the SMTP server, when "
            + "tracing is on, the collector; nothing else");
    assertEquals(Boolean.TRUE.equals(at(merged, "tracing.enabled")), gatewayPolicy.getSpec().getEgress().stream()
        .anyMatch(e -> toCollector(e, merged)), "the collector exactly while tracing is on");
    assertEquals(Boolean.TRUE.equals(at(merged, "reportingGateway.reminders.enabled")), gatewayPolicy.getSpec()
        .getEgress().stream().anyMatch(e -> toSmtp(e, merged)), "the SMTP server exactly while the reminders are on");
    for (var e : egressToPods) {
      assertEquals(1, e.getTo().size());
      // One service's pods each (none when that service is disabled), never the gateway's own or all pods.
      var selector = e.getTo().getFirst().getPodSelector().getMatchLabels();
      String component = selector.get("app.kubernetes.io/component");
      assertTrue(component != null && COMPONENTS.contains(component), "each rule names a service: " + e);
      assertEquals(services.stream().map(d -> d.getMetadata().getName()).filter(n -> n.endsWith(component)).toList(),
          picked(of(objects, Deployment.class), selector), "each rule reaches one service's pods: " + e);
      assertEquals(1, e.getPorts().size());
    }
    for (Deployment service : services) {
      var podLabels = service.getSpec().getTemplate().getMetadata().getLabels();
      int grpc = grpcPort(service);
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
    assertEquals("8090", config.getData().get("GATEWAY_MANAGEMENT_PORT"));
    for (Deployment service : services) {
      String name = service.getMetadata().getName();
      assertTrue(config.getData().values().stream().anyMatch(v -> v.startsWith(name + ":")), name + " is a peer");
      assertTrue(of(objects, Service.class).stream().anyMatch(s -> s.getMetadata().getName().equals(name)),
          name + " has the Service the gateway calls");
    }
  }

  @Test
  void theGatewayIsPublishedThroughAnIngressOnlyWhenAskedTo() {
    assertEquals(List.of(), of(render(CHART.resolve("ci/default-values.yaml")), Ingress.class));
    List<HasMetadata> objects = render(CHART.resolve("ci/gateway-ingress-values.yaml"));
    var ingress = of(objects, Ingress.class).getFirst();
    assertEquals("nginx", ingress.getSpec().getIngressClassName());
    assertEquals("laa-gateway-tls", ingress.getSpec().getTls().getFirst().getSecretName());
    var backend = ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService();
    assertEquals("laa-laa-suite-" + GATEWAY, backend.getName());
    assertEquals("http", backend.getPort().getName());
    assertEquals(List.of("laa-laa-suite-reporting-gateway"), of(objects, PodDisruptionBudget.class).stream()
        .map(p -> p.getMetadata().getName()).toList(), "two gateway replicas get a disruption budget");
    var policy = of(objects, NetworkPolicy.class).stream().filter(np -> np.getMetadata().getName().endsWith(GATEWAY))
        .findFirst().orElseThrow();
    assertEquals("ingress-nginx", policy.getSpec().getIngress().getFirst().getFrom().getFirst().getNamespaceSelector()
        .getMatchLabels().get("kubernetes.io/metadata.name"));
    assertFalse(covers(policy.getSpec().getIngress().getFirst().getPorts(), "management", 8090),
        "the ingress controller reaches the pages, not management");
  }

  /** Whether a host is named in an Ingress's TLS block, exactly or by a wildcard of its parent domain. */
  static boolean tlsCovers(Ingress ingress, String host) {
    var names = ingress.getSpec().getTls() == null ? List.<String>of() : ingress.getSpec().getTls().stream()
        .flatMap(t -> t.getHosts().stream()).toList();
    return host != null && (names.contains(host) || names.contains("*" + host.substring(host.indexOf('.'))));
  }

  /**
   * An Ingress is rendered for a component exactly when its values enable one, and every path of it routes to that
   * component's own Service, on its public port: the gateway's http (pages, /api/v1), a service's grpc. Never to a
   * management port: the gateway's management, a service's http (/health, /prometheus). A service's Ingress is for
   * gRPC: ingress-nginx speaks gRPC to the port, and every host is served over TLS (HTTP/2).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyIngressRoutesOnlyToItsComponentsPublicPortNeverToManagement(Path values) throws Exception {
    List<HasMetadata> objects = render(values);
    Map<String, Object> merged = values(values);
    var ingresses = of(objects, Ingress.class);
    assertEquals(KEYS.entrySet().stream().filter(e -> Boolean.TRUE.equals(at(merged, e.getValue() + ".enabled"))
        && Boolean.TRUE.equals(at(merged, e.getValue() + ".ingress.enabled"))).map(e -> "laa-laa-suite-" + e.getKey())
        .sorted().toList(), ingresses.stream().map(i -> i.getMetadata().getName()).sorted().toList(),
        "an Ingress for each component whose values ask for one");
    for (Ingress ingress : ingresses) {
      String name = ingress.getMetadata().getName();
      boolean gateway = name.endsWith(GATEWAY);
      Service service = of(objects, Service.class).stream().filter(s -> s.getMetadata().getName().equals(name))
          .findFirst().orElseThrow();
      var management = service.getSpec().getPorts().stream()
          .filter(p -> p.getName().equals(gateway ? "management" : "http")).findFirst().orElseThrow();
      assertFalse(ingress.getSpec().getRules().isEmpty(), name);
      for (var rule : ingress.getSpec().getRules()) {
        for (var path : rule.getHttp().getPaths()) {
          var backend = path.getBackend().getService();
          assertEquals(name, backend.getName(), name + " routes to its own Service");
          assertEquals(gateway ? "http" : "grpc", backend.getPort().getName(), name + ": " + path);
          assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(backend.getPort()
              .getName())), name + " names a port its Service exposes");
          assertFalse(management.getName().equals(backend.getPort().getName())
              || management.getPort().equals(backend.getPort().getNumber()),
              name + " never routes to the management port: " + path);
        }
        if (!gateway) {
          assertTrue(tlsCovers(ingress, rule.getHost()), name + ": " + rule.getHost() + " is served over TLS");
        }
      }
      if (!gateway) {
        assertEquals("GRPC", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/backend-protocol"),
            name + ": ingress-nginx speaks gRPC to the port");
      }
    }
  }

  /**
   * ci/two-issuers-values.yaml: integrators reach the indicators and funding services' gRPC APIs from outside, each
   * on a host of its own, over TLS (a certificate of its own; the controller's default wildcard one), ingress-nginx
   * speaking gRPC to the port; the partnership service has none. Each NetworkPolicy lets the configured controller
   * peers through, to the gRPC port alone, and the partnership service's lets no one from outside the release.
   */
  @Test
  void integratorsReachTheServicesGrpcApisThroughIngressNginxOverTls() {
    List<HasMetadata> objects = render(CHART.resolve("ci/two-issuers-values.yaml"));
    Map<String, Ingress> ingresses = new HashMap<>();
    of(objects, Ingress.class).forEach(i -> ingresses.put(i.getMetadata().getName(), i));
    assertEquals(Set.of("laa-laa-suite-indicators-service", "laa-laa-suite-funding-service"), ingresses.keySet());
    var indicators = ingresses.get("laa-laa-suite-indicators-service");
    var funding = ingresses.get("laa-laa-suite-funding-service");
    for (var ingress : List.of(indicators, funding)) {
      assertEquals("nginx", ingress.getSpec().getIngressClassName());
      assertEquals(1, ingress.getSpec().getRules().size());
      var path = ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst();
      assertEquals(List.of("/", "Prefix", "grpc"), List.of(path.getPath(), path.getPathType(),
          path.getBackend().getService().getPort().getName()));
    }
    assertEquals("indicators.api.coventry-partnership.example", indicators.getSpec().getRules().getFirst().getHost());
    assertEquals("laa-indicators-api-tls", indicators.getSpec().getTls().getFirst().getSecretName());
    assertEquals(List.of("indicators.api.coventry-partnership.example"),
        indicators.getSpec().getTls().getFirst().getHosts());
    assertEquals(Map.of("cert-manager.io/cluster-issuer", "letsencrypt",
        "nginx.ingress.kubernetes.io/backend-protocol", "GRPC", "nginx.ingress.kubernetes.io/proxy-body-size", "0"),
        indicators.getMetadata().getAnnotations(), "the values' annotations and the chart's");
    assertEquals("funding.api.coventry-partnership.example", funding.getSpec().getRules().getFirst().getHost());
    assertEquals(null, funding.getSpec().getTls().getFirst().getSecretName(), "the controller's default certificate");
    assertEquals(List.of("*.api.coventry-partnership.example"), funding.getSpec().getTls().getFirst().getHosts());
    assertEquals(Map.of("nginx.ingress.kubernetes.io/backend-protocol", "GRPC",
        "nginx.ingress.kubernetes.io/proxy-body-size", "0"), funding.getMetadata().getAnnotations());

    // The services' rules that let in pods of other namespaces: the peers, and the ports.
    Map<String, List<Object>> fromOutside = new HashMap<>();
    for (NetworkPolicy policy : of(objects, NetworkPolicy.class)) {
      if (policy.getMetadata().getName().endsWith(GATEWAY)) {
        continue;
      }
      for (var rule : policy.getSpec().getIngress()) {
        if (covers(rule.getPorts(), "grpc", 0)
            && rule.getFrom().stream().anyMatch(p -> p.getNamespaceSelector() != null)) {
          fromOutside.computeIfAbsent(policy.getMetadata().getName(), n -> new ArrayList<>())
              .add(List.of(rule.getFrom(), rule.getPorts().stream().map(p -> p.getPort().getStrVal()).toList()));
        }
      }
    }
    var ingressNginx = new LabelSelectorBuilder()
        .addToMatchLabels("kubernetes.io/metadata.name", "ingress-nginx").build();
    assertEquals(Map.of(
        "laa-laa-suite-indicators-service", List.of(List.of(List.of(new NetworkPolicyPeer(null, ingressNginx, null)),
            List.of("grpc"))),
        "laa-laa-suite-funding-service", List.of(List.of(List.of(new NetworkPolicyPeer(null, ingressNginx,
            new LabelSelectorBuilder()
                .addToMatchLabels("app.kubernetes.io/name", "ingress-nginx").build())), List.of("grpc")))),
        fromOutside, "the ingress controller reaches the gRPC ports of the services with an Ingress, and nothing else");
  }

  /**
   * The e-mail reminders: their settings in the gateway's ConfigMap, the SMTP password from the Secret values name
   * (or the one a trial's values make), off by default; refused without a sender, links or a server, and with more
   * than one gateway pod, each of which would send every reminder.
   */
  @Test
  void theRemindersAreConfiguredFromValuesAndRefusedWhenTheyCannotWork() {
    var off = gatewayConfig(render(CHART.resolve("ci/gateway-ingress-values.yaml")));
    assertEquals("false", off.get("LAA_REMINDERS_ENABLED"));
    assertEquals("30d", off.get("LAA_WORK_FIGURE_LAG"));
    assertFalse(off.containsKey("LAA_REMINDERS_SMTP_HOST"), "nothing else while off");

    List<HasMetadata> external = render(CHART.resolve("ci/external-secret-values.yaml"));
    var on = gatewayConfig(external);
    assertEquals("true", on.get("LAA_REMINDERS_ENABLED"));
    assertEquals("0 0 16 * * FRI", on.get("LAA_REMINDERS_CRON"));
    assertEquals("performance@coventry-partnership.example", on.get("LAA_REMINDERS_FROM"));
    assertEquals("https://performance.coventry-partnership.example", on.get("LAA_REMINDERS_BASE_URL"));
    assertEquals("relay.internal", on.get("LAA_REMINDERS_SMTP_HOST"));
    assertEquals("25", on.get("LAA_REMINDERS_SMTP_PORT"));
    assertEquals("laa", on.get("LAA_REMINDERS_SMTP_USERNAME"));
    assertEquals("false", on.get("LAA_REMINDERS_SMTP_STARTTLS"));
    var password = of(external, Deployment.class).stream().filter(d -> d.getMetadata().getName().endsWith(GATEWAY))
        .findFirst().orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
        .filter(e -> e.getName().equals("LAA_REMINDERS_SMTP_PASSWORD")).findFirst().orElseThrow();
    assertEquals("vault-smtp", password.getValueFrom().getSecretKeyRef().getName());
    assertEquals("pass", password.getValueFrom().getSecretKeyRef().getKey());

    var trial = render(CHART.resolve("ci/default-values.yaml"));
    var smtp = of(trial, Secret.class).stream().filter(x -> x.getMetadata().getName().endsWith(GATEWAY + "-smtp"))
        .findFirst().orElseThrow();
    assertEquals(Map.of("smtp-password", "trial-smtp"), smtp.getStringData());
    assertEquals("587", gatewayConfig(trial).get("LAA_REMINDERS_SMTP_PORT"));
    assertEquals("true", gatewayConfig(trial).get("LAA_REMINDERS_SMTP_STARTTLS"));
    assertEquals("0 0 7 * * MON", gatewayConfig(trial).get("LAA_REMINDERS_CRON"), "Mondays at 07:00");
    assertTrue(of(render(CHART.resolve("ci/default-values.yaml"), "reportingGateway.reminders.smtp.password", ""),
        Secret.class).stream().noneMatch(x -> x.getMetadata().getName().contains(GATEWAY)), "no password, no Secret");

    Path values = CHART.resolve("ci/default-values.yaml");
    for (String[] missing : List.of(new String[] {"from", "the sender's address"},
        new String[] {"baseUrl", "the gateway's address as readers reach it"},
        new String[] {"smtp.host", "the SMTP server"})) {
      String refused = refusal(values, "reportingGateway.reminders." + missing[0], "");
      assertTrue(refused.contains("reportingGateway.reminders." + missing[0] + ": " + missing[1]), refused);
    }
    for (Object[] scaled : List.of(new Object[] {"reportingGateway.replicas", 2},
        new Object[] {"reportingGateway.autoscaling.enabled", true})) {
      String refused = refusal(values, scaled[0], scaled[1]);
      assertTrue(refused.contains("every gateway pod would send every reminder"), refused);
    }
  }

  private static Map<String, String> gatewayConfig(List<HasMetadata> objects) {
    return of(objects, ConfigMap.class).stream().filter(m -> m.getMetadata().getName().endsWith(GATEWAY)).findFirst()
        .orElseThrow().getData();
  }

  /** What Helm says when it refuses to render a scenario with these values set. */
  static String refusal(Path values, Object... sets) {
    return String.valueOf(assertThrows(RuntimeException.class, () -> render(values, sets)).getMessage());
  }

  /**
   * An integrator Ingress renders only when it can work and stays closed otherwise: issuers must be configured (every
   * call needs a token), every host must be served over TLS (an exact or a wildcard name), and the NetworkPolicy must
   * be told the ingress controller's pods. The chart's backend-protocol cannot be replaced, its body size can; and
   * networkPolicy.ingressFrom opens nothing while the ingress is off.
   */
  @Test
  void anIntegratorIngressNeedsIssuersTlsAndTheControllersPeersAndOpensNothingWhileOff() {
    Path values = CHART.resolve("ci/two-issuers-values.yaml");
    // (Without issuers there is nothing to sign in with either: the sign-in clients go too.)
    String noIssuers = refusal(values, "security.issuers", "null", "security.signInClients", "null");
    assertTrue(noIssuers.contains("Service.ingress: integrators call with a bearer token of one of security.issuers, "
        + "and none is configured"), noIssuers);
    String noTls = refusal(values, "indicatorsService.ingress.tls", "null");
    assertTrue(noTls.contains("indicatorsService.ingress: host \"indicators.api.coventry-partnership.example\" has no "
        + "TLS; gRPC reaches ingress-nginx only over TLS (HTTP/2)"), noTls);
    // The wildcard names one label: *.api.coventry-partnership.example covers neither a deeper nor another domain.
    for (String host : List.of("eu.funding.api.coventry-partnership.example", "funding.coventry-partnership.example")) {
      String uncovered = refusal(values, "fundingService.ingress.hosts[0].host", host);
      assertTrue(uncovered.contains("fundingService.ingress: host \"" + host + "\" has no TLS"), uncovered);
    }
    String noPeers = refusal(values, "fundingService.networkPolicy.ingressFrom", "null");
    assertTrue(noPeers.contains("fundingService.ingress is enabled: set fundingService.networkPolicy.ingressFrom to "
        + "the ingress controller's pods"), noPeers);
    // Without a NetworkPolicy there is nothing to let the controller through.
    assertEquals(2, of(render(values, "fundingService.networkPolicy.ingressFrom", "null",
        "fundingService.networkPolicy.enabled", false), Ingress.class).size());

    var annotations = of(render(values,
        "indicatorsService.ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/backend-protocol", "HTTP",
        "indicatorsService.ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/proxy-body-size", "32m"),
        Ingress.class).stream().filter(i -> i.getMetadata().getName().endsWith("indicators-service")).findFirst()
        .orElseThrow().getMetadata().getAnnotations();
    assertEquals("GRPC", annotations.get("nginx.ingress.kubernetes.io/backend-protocol"), "the port speaks gRPC only");
    assertEquals("32m", annotations.get("nginx.ingress.kubernetes.io/proxy-body-size"), "the values' limit");

    var partnership = "laa-laa-suite-partnership-service";
    var closed = of(render(values), NetworkPolicy.class).stream()
        .filter(np -> np.getMetadata().getName().equals(partnership)).findFirst().orElseThrow();
    var set = of(render(values,
        "partnershipService.networkPolicy.ingressFrom[0].namespaceSelector.matchLabels.team", "integrators"),
        NetworkPolicy.class).stream().filter(np -> np.getMetadata().getName().equals(partnership)).findFirst()
        .orElseThrow();
    assertEquals(closed.getSpec(), set.getSpec(), "ingressFrom opens nothing while the ingress is off");
    var opened = of(render(values,
        "partnershipService.networkPolicy.ingressFrom[0].namespaceSelector.matchLabels.team", "integrators",
        "partnershipService.ingress.enabled", true,
        "partnershipService.ingress.tls[0].hosts[0]", "partnership.api.laa.example.org"), NetworkPolicy.class).stream()
        .filter(np -> np.getMetadata().getName().equals(partnership)).findFirst().orElseThrow();
    assertEquals(closed.getSpec().getIngress().size() + 1, opened.getSpec().getIngress().size(),
        "and one rule while it is on");
  }

  /**
   * The gateway's management port (/health, /prometheus) is what its ServiceMonitor scrapes, and its NetworkPolicy
   * opens it only as the services' policies open theirs: to the metrics namespace, never with the pages' port.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @SuppressWarnings("unchecked")
  void theGatewaysManagementPortIsOpenOnlyToTheMetricsScraper(Path values) throws Exception {
    List<HasMetadata> objects = render(values);
    Service service = of(objects, Service.class).stream().filter(s -> s.getMetadata().getName().endsWith(GATEWAY))
        .findFirst().orElseThrow();
    var management = service.getSpec().getPorts().stream().filter(p -> p.getName().equals("management")).findFirst()
        .orElseThrow();
    assertEquals("management", management.getTargetPort().getStrVal());
    var policy = of(objects, NetworkPolicy.class).stream().filter(np -> np.getMetadata().getName().endsWith(GATEWAY))
        .findFirst().orElseThrow();
    var toManagement = policy.getSpec().getIngress().stream()
        .filter(r -> covers(r.getPorts(), "management", management.getPort())).toList();
    assertEquals(1, toManagement.size(), "one rule opens the management port");
    var rule = toManagement.getFirst();
    assertEquals(List.of("management"), rule.getPorts().stream().map(p -> p.getPort().getStrVal()).toList());
    assertEquals(1, rule.getFrom().size());
    assertNotNull(rule.getFrom().getFirst().getNamespaceSelector(), "the metrics namespace");
    assertEquals(at(values(values), "global.metricsNamespaceLabels"), java.util.Objects.requireNonNullElse(
        rule.getFrom().getFirst().getNamespaceSelector().getMatchLabels(), Map.of()));
    var monitors = of(objects, GenericKubernetesResource.class).stream()
        .filter(m -> m.getMetadata().getName().endsWith(GATEWAY)).toList();
    assertEquals(at(values(values), "reportingGateway.serviceMonitor.enabled"), !monitors.isEmpty());
    for (var monitor : monitors) {
      var spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
      var endpoint = ((List<Map<String, Object>>) spec.get("endpoints")).getFirst();
      assertEquals("management", endpoint.get("port"), "the ServiceMonitor scrapes the management port");
      assertEquals("/prometheus", endpoint.get("path"));
    }
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
    assertEquals(4, production.stream().filter(o -> o.getKind().equals("ServiceMonitor")).count(), "every component");
    assertEquals(List.of("laa-laa-suite-reporting-gateway-smtp"), of(trial, Secret.class).stream()
        .map(x -> x.getMetadata().getName()).filter(n -> n.contains(GATEWAY)).toList(),
        "the gateway has no database: its one Secret is the trial's SMTP password");
    // Autoscaled down to one pod: a budget of minAvailable 1 would block every node drain.
    assertEquals(Set.of("laa-laa-suite-indicators-service", "laa-laa-suite-funding-service"), Set.copyOf(
        of(render(CHART.resolve("ci/autoscaling-values.yaml"), "partnershipService.autoscaling.minReplicas", 1),
            PodDisruptionBudget.class).stream().map(p -> p.getMetadata().getName()).toList()));
  }

  /** Every Secret a pod reads either is rendered, with the key it asks for, or is the one values say exists. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everySecretAPodReadsExistsOrIsNamedInValues(Path values) throws Exception {
    List<HasMetadata> objects = render(values);
    Map<String, Object> merged = values(values);
    for (Deployment d : of(objects, Deployment.class)) {
      String key = KEYS.get(d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component"));
      var env = d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
      for (var e : env == null ? List.<io.fabric8.kubernetes.api.model.EnvVar>of() : env) {
        var ref = e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef();
        if (ref == null) {
          continue;
        }
        var secret = of(objects, Secret.class).stream().filter(x -> x.getMetadata().getName().equals(ref.getName()))
            .findFirst();
        if (secret.isPresent()) {
          assertTrue(secret.get().getStringData().containsKey(ref.getKey()), ref + " is in the Secret the chart makes");
          assertFalse(secret.get().getStringData().get(ref.getKey()).isEmpty(), ref + " is not empty");
        } else if (e.getName().equals("LAA_SECURITY_CLIENT_CLIENT_SECRET")) {
          assertEquals(at(merged, "security.gatewayClient.existingSecret"), ref.getName(), "the gateway's client");
        } else if (e.getName().equals("LAA_REMINDERS_SMTP_PASSWORD")) {
          assertEquals(at(merged, "reportingGateway.reminders.smtp.existingSecret"), ref.getName(), "the SMTP password");
        } else if (e.getName().equals("LAA_SECURITY_SESSION_SECRET")) {
          assertEquals(at(merged, "security.sessionSecret.existingSecret"), ref.getName(), "the session key");
        } else if (e.getName().startsWith("MICRONAUT_SECURITY_OAUTH2_CLIENTS_")) {
          @SuppressWarnings("unchecked")
          var clients = (List<Map<String, Object>>) at(merged, "security.signInClients");
          assertTrue(clients.stream().anyMatch(c -> ref.getName().equals(c.get("existingSecret"))),
              "a sign-in client's secret named in values: " + ref);
        } else {
          assertEquals(at(merged, key + ".database.existingSecret"), ref.getName(), "a Secret nobody creates: " + ref);
        }
      }
    }
  }

  /** Every variable the chart gives a pod is one its module reads (a misspelt name would be silently ignored). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyVariableTheChartSetsIsReadByItsModule(Path values) throws Exception {
    List<HasMetadata> objects = render(values);
    String logback = Files.readString(Path.of("../common/src/main/resources/logback.xml"));
    for (Deployment d : of(objects, Deployment.class)) {
      String component = d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component");
      String config = Files.readString(Path.of("..", component, "src/main/resources/application.yml")) + logback;
      var container = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
      List<String> names = new ArrayList<>(of(objects, ConfigMap.class).stream()
          .filter(m -> m.getMetadata().getName().equals(container.getEnvFrom().getFirst().getConfigMapRef().getName()))
          .findFirst().orElseThrow().getData().keySet());
      if (container.getEnv() != null) {
        container.getEnv().forEach(e -> names.add(e.getName()));
      }
      names.remove("JAVA_TOOL_OPTIONS");  // read by the JVM itself
      // Read through IssuerConfiguration (@EachProperty laa.security.issuers.NAME), by Micronaut's mapping of the
      // environment to properties, not through a placeholder: one per issuer the values name.
      names.removeIf(n -> n.matches("LAA_SECURITY_ISSUERS_[A-Z0-9]+_(ISSUER|AUDIENCE|ORGANISATION|JWKS)"));
      // Likewise Micronaut Security's sign-in clients (micronaut.security.oauth2.clients.NAME), at the gateway.
      names.removeIf(n -> component.equals(GATEWAY)
          && n.matches("MICRONAUT_SECURITY_OAUTH2_CLIENTS_[A-Z0-9]+_(OPENID_ISSUER|CLIENT_ID|CLIENT_SECRET|SCOPES)"));
      assertEquals(List.of(), names.stream().filter(n -> !config.contains("${" + n + ":")).toList(),
          component + " reads none of these");
    }
  }

  /**
   * templates/<component>/ holds the same set of files for each component, a secret.yaml too (the gateway's for its
   * SMTP password);
   * the services' files are the same but for their names, except the ConfigMap and the NetworkPolicy (which name the
   * services each one asks and is asked by); the data services' values blocks match.
   */
  @Test
  @SuppressWarnings("unchecked")
  void everyServiceHasTheSameTemplatesAndTheSameShapeOfValues() throws Exception {
    List<String> files = List.of("configmap.yaml", "deployment.yaml", "hpa.yaml", "ingress.yaml", "networkpolicy.yaml",
        "pdb.yaml", "secret.yaml", "service.yaml", "servicemonitor.yaml");
    for (var e : KEYS.entrySet()) {
      try (var listed = Files.list(CHART.resolve("templates").resolve(e.getKey()))) {
        assertEquals(Set.copyOf(files), Set.copyOf(listed.map(p -> p.getFileName().toString()).toList()),
            e.getKey());
      }
    }
    Path templates = CHART.resolve("templates");
    for (String file : List.of("deployment.yaml", "hpa.yaml", "ingress.yaml", "pdb.yaml", "secret.yaml", "service.yaml",
        "servicemonitor.yaml")) {
      String indicators = Files.readString(templates.resolve("indicators-service").resolve(file));
      for (String other : List.of("funding", "partnership")) {
        assertEquals(indicators, Files.readString(templates.resolve(other + "-service").resolve(file))
            .replace(other + "-service", "indicators-service").replace(other + "Service", "indicatorsService"),
            other + "-service/" + file + " is indicators-service's but for the names");
      }
    }
    Map<String, Object> defaults = new org.yaml.snakeyaml.Yaml().load(Files.readString(CHART.resolve("values.yaml")));
    Set<String> shape = shape((Map<String, Object>) defaults.get("indicatorsService"), "");
    for (String key : List.of("fundingService", "partnershipService")) {
      assertEquals(shape, shape((Map<String, Object>) defaults.get(key), ""), key);
    }
    Set<String> gateway = shape((Map<String, Object>) defaults.get("reportingGateway"), "");
    assertEquals(List.of(), shape.stream().filter(k -> !k.startsWith("database") && !gateway.contains(k)).toList(),
        "the gateway's block has every key the services' blocks have but their database");
  }

  @SuppressWarnings("unchecked")
  static Set<String> shape(Map<String, Object> block, String prefix) {
    Set<String> keys = new java.util.TreeSet<>();
    block.forEach((k, v) -> {
      keys.add(prefix + k);
      if (v instanceof Map<?, ?> m && !m.isEmpty()) {
        keys.addAll(shape((Map<String, Object>) m, prefix + k + "."));
      }
    });
    return keys;
  }

  /**
   * Security contexts and probe timings are values: the global security contexts apply to every component that sets
   * none, a component's own replaces them (for it alone), and each probe's timings are the component's.
   */
  @Test
  void securityContextsAndProbeTimingsAreValues() {
    List<HasMetadata> objects = render(CHART.resolve("ci/default-values.yaml"),
        "fundingService.podSecurityContext.runAsUser", 20002,
        "global.containerSecurityContext.readOnlyRootFilesystem", false,
        "reportingGateway.containerSecurityContext.readOnlyRootFilesystem", true,
        "reportingGateway.readinessProbe.periodSeconds", 7,
        "indicatorsService.startupProbe.failureThreshold", 90);
    Map<String, Deployment> byComponent = new HashMap<>();
    of(objects, Deployment.class).forEach(d -> byComponent.put(
        d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component"), d));
    var funding = byComponent.get("funding-service").getSpec().getTemplate().getSpec().getSecurityContext();
    assertEquals(20002L, funding.getRunAsUser());
    assertEquals(null, funding.getRunAsNonRoot(), "a component's security context replaces the global one");
    for (String component : List.of("indicators-service", "partnership-service", GATEWAY)) {
      assertEquals(10001L, byComponent.get(component).getSpec().getTemplate().getSpec().getSecurityContext()
          .getRunAsUser(), component);
    }
    for (String component : COMPONENTS) {
      assertEquals(false, byComponent.get(component).getSpec().getTemplate().getSpec().getContainers().getFirst()
          .getSecurityContext().getReadOnlyRootFilesystem(), component + " takes the global container context");
    }
    Container gateway = byComponent.get(GATEWAY).getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertEquals(true, gateway.getSecurityContext().getReadOnlyRootFilesystem());
    assertEquals(7, gateway.getReadinessProbe().getPeriodSeconds());
    assertEquals(5, byComponent.get("funding-service").getSpec().getTemplate().getSpec().getContainers().getFirst()
        .getReadinessProbe().getPeriodSeconds());
    assertEquals(90, byComponent.get("indicators-service").getSpec().getTemplate().getSpec().getContainers()
        .getFirst().getStartupProbe().getFailureThreshold());
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
    assertEquals(4, of(objects, Secret.class).size(), "three databases' and the SMTP password");
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
    String docs = Files.readString(Path.of("../docs/container-images.md"));
    for (var e : KEYS.entrySet()) {
      assertTrue(docs.contains("`" + e.getKey() + "/`"), "docs/container-images.md documents " + e.getKey());
      Path module = Path.of("..", e.getKey());
      String dockerfile = Files.readString(module.resolve("Dockerfile"));
      String pom = Files.readString(module.resolve("pom.xml"));
      var main = java.util.regex.Pattern.compile("<exec.mainClass>([^<]+)</exec.mainClass>").matcher(pom);
      assertTrue(main.find(), e.getKey() + " declares its main class");
      assertTrue(dockerfile.contains("\"" + main.group(1) + "\"]"), e.getKey() + " runs " + main.group(1));
      var ports = (Map<String, Object>) ((Map<String, Object>) values.get(e.getValue())).get("ports");
      String expose = "EXPOSE " + ports.get("grpc") + " " + ports.get("http")
          + (ports.containsKey("management") ? " " + ports.get("management") : "");
      assertTrue(dockerfile.contains(expose + "\n"), e.getKey() + " ports: " + expose);
      assertTrue(dockerfile.contains("USER 10001:10001"), "the uid the chart's securityContext sets");
      assertTrue(dockerfile.contains("COPY target/" + e.getKey() + "-*.jar /app/app.jar"), e.getKey() + " jar");
    }
  }

  /**
   * The chart README's table is values.yaml: a row for every value that has an inline default or a
   * {@code # --} comment, with that default and that comment, and no row for a value that is gone.
   */
  @Test
  void theReadmeListsEveryValueWithItsDefaultAndComment() throws Exception {
    Map<String, List<String>> rows = new HashMap<>();
    for (String line : Files.readAllLines(CHART.resolve("README.md"))) {
      var row = java.util.regex.Pattern.compile("^\\| `([^`]+)` \\| `(.*)` \\| (.*?) *\\|$").matcher(line);
      if (row.matches()) {
        rows.put(row.group(1), List.of(row.group(2), row.group(3)));
      }
    }
    Map<String, List<String>> expected = new HashMap<>();
    List<String> path = new ArrayList<>();
    String comment = null;
    for (String line : Files.readAllLines(CHART.resolve("values.yaml"))) {
      var c = java.util.regex.Pattern.compile("^ *# (-- )?(.*)$").matcher(line);
      if (c.matches()) {
        comment = c.group(1) != null ? c.group(2) : comment == null ? null : comment + " " + c.group(2);
        continue;
      }
      var m = java.util.regex.Pattern.compile("^( *)([A-Za-z0-9_.]+):(.*)$").matcher(line);
      if (!m.matches()) {
        comment = null;
        continue;
      }
      int depth = m.group(1).length() / 2;
      while (path.size() > depth) {
        path.removeLast();
      }
      path.add(m.group(2));
      if (!m.group(3).isBlank() || comment != null) {
        expected.put(String.join(".", path), List.of(m.group(3).trim(), comment == null ? "" : comment));
      }
      comment = null;
    }
    List<String> wrong = new ArrayList<>();
    expected.forEach((key, row) -> {
      if (!row.equals(rows.get(key))) {
        wrong.add(key + ": values.yaml " + row + ", README " + rows.get(key));
      }
    });
    rows.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> wrong.add(k + ": not in values.yaml"));
    assertEquals(List.of(), wrong, "the chart README's table and values.yaml disagree");
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
