/**
 * The gateway's gRPC face (ReportingEndpoint): requests checked, Assembler called, the same
 * model the pages and JSON serve returned. Errors are thrown as ApiException and translated by
 * common's GrpcErrorInterceptor.
 */
package org.laasuite.reporting.grpc;
