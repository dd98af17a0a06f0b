/**
 * The gRPC face of the funding service (FundingEndpoint): requests in, services called, protos
 * out. Errors are thrown as ApiException and translated by common's GrpcErrorInterceptor.
 */
package org.laasuite.funding.grpc;
