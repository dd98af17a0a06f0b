/**
 * The gRPC face of the indicators service (IndicatorEndpoint): requests in, services called,
 * protos out. Errors are thrown as ApiException and translated by common's
 * GrpcErrorInterceptor; no rule or SQL lives here.
 */
package org.laasuite.indicators.grpc;
