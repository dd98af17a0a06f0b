/**
 * The Java half of {@code bin/laa} (Laa): embedded PostgreSQL, database creation, health waits,
 * and the command-line import and read clients of the three services (the benchmark is the bench
 * module's). It uses the services only as any client would, through the gRPC APIs
 * generated from {@code proto/}.
 */
package org.laasuite.tools;
