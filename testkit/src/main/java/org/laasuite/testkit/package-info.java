/**
 * Test support, used only from tests: a fresh database per test class on a real PostgreSQL
 * (TestDatabase), SQL statement counting (SqlStatementCounter), assertions on the suite's
 * {@code google.rpc.Status} errors (GrpcErrors), ports reserved in advance (Ports), calls raced
 * against each other (Concurrently), the tests' token issuer (TestIssuer), services run as processes
 * (ServiceProcess) and a real OpenID Connect server (Keycloak).
 */
package org.laasuite.testkit;
