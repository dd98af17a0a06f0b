/**
 * bin/laa bench: the suite measured as a client sees it (a load generator on async gRPC stubs and java.net.http,
 * latencies in HdrHistogram), each scenario beside a floor measured in the same run (the database doing the least
 * it could for the same answer), with the goals judged in one table; and JMH benchmarks of in-process parts.
 */
package org.laasuite.bench;
