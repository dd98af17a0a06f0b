/**
 * What every gRPC server of the suite shares. Errors are thrown as ApiException, collected by
 * Violations and turned into {@code google.rpc.Status} by GrpcErrorInterceptor; a request whose
 * bytes do not parse is refused the same way (RequestParsing, on every server). It also holds
 * page tokens (Pages), resource names, field masks, etags (Etags), money, enum and well-known-type
 * conversions, and the reflection, metrics and database-readiness setup. It holds no service's
 * domain rules and no persistence.
 */
package org.laasuite.common.grpc;
