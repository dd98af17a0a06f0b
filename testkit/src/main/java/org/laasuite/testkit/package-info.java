/**
 * Test support, used only from tests: a fresh database per test class on a real PostgreSQL
 * (TestDatabase), SQL statement counting (SqlStatementCounter), assertions on the suite's
 * {@code google.rpc.Status} errors (GrpcErrors) and ports reserved in advance (Ports).
 */
package org.laasuite.testkit;
