/**
 * The gRPC face of the partnership service (PartnershipEndpoint): requests in, services called,
 * protos out. Errors are thrown as ApiException and translated by common's
 * GrpcErrorInterceptor.
 */
package org.laasuite.partnership.grpc;
