/**
 * The gateway's channels to the three services (Upstreams): one long-lived channel each, stubs
 * with a per-call deadline, reconnection of failed channels, and client metrics.
 * UpstreamsHealth shows their state in {@code /health} without failing the gateway.
 */
package org.laasuite.reporting.upstream;
