package org.laasuite.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts and must know in advance (separate processes, replicas started
 * together). A port the system hands out for "any free port" comes from its ephemeral range, from which every outgoing connection (a service's database
 * connections, say) also takes its local port: in the seconds before the process binds it, one may.
 * So these come from below that range, checked free by binding them once.
 */
public final class Ports {

  private static final int FLOOR = 20_000;

  private Ports() {
  }

  /** A port on 127.0.0.1 that nothing listens on and no outgoing connection will be given. */
  public static int free() {
    int below = ephemeralStart();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FLOOR, below);
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port between " + FLOOR + " and " + below);
  }

  /** The first port of the system's ephemeral range (Linux: /proc; elsewhere the IANA range's start). */
  static int ephemeralStart() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      int start = Integer.parseInt(range.split("\\s+")[0]);
      return start > FLOOR + 1000 ? start : 49_152;
    } catch (IOException | RuntimeException e) {
      return 49_152;
    }
  }
}
